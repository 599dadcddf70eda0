# The name of body 012017 is a/b (no folder out/bodies/012017_a exists):
# the build used to fail writing out/bodies/012017_a/b.pdf (exit 5).
line_edit "$DATA/bodies.csv" 4 "s|サンプル市201|a/b|"
ARGS="--only 012017"
