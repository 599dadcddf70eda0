# --out below a regular file: no folder can be created there (tests run as
# root, so permissions alone would not stop the write).
printf x >"$W/file.txt"
OUT=$W/file.txt/out
