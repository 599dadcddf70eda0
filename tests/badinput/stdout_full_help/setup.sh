# --help to a full device (/dev/full): it exited 0.
STDOUT=/dev/full
