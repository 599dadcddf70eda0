# --fonts names /dev/zero.
FONTS=/dev/zero
# only the national deck: nothing else is tried, so nothing is written
ARGS="--only national"
