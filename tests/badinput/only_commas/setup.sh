# --only ,,, names no document (it built nothing and exited 0).
ARGS="--only ,,,"
