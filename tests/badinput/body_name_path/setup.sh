# The name of body 012017 (bodies.csv line 4) is x/../../../escaped, and out/
# already holds a folder bodies/012017_x: its sheet used to be written to
# out/bodies/012017_x/../../../escaped.pdf, outside --out.
line_edit "$DATA/bodies.csv" 4 "s|サンプル市201|x/../../../escaped|"
mkdir -p "$OUT/bodies/012017_x"
ARGS="--only 012017"
