# out/bodies is a symbolic link to a folder outside --out.
mkdir -p "$OUT" "$W/elsewhere"
ln -s "$W/elsewhere" "$OUT/bodies"
ARGS="--only 012017"
