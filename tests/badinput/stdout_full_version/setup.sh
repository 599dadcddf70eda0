# --version to a full device (/dev/full): cmd_version returned 5 without a word.
STDOUT=/dev/full
