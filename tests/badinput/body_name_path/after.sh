# the sheet is inside out/bodies/, under a name that cannot climb out
[ -s "$OUT/bodies/012017_x_.._.._.._escaped.pdf" ]
[ -s "$OUT/bodies/012017_x_.._.._.._escaped.numbers.csv" ]
# and nothing named escaped* anywhere else
[ -z "$(find "$W" -name "escaped*" ! -path "$OUT/bodies/*" -print)" ]
