# UTF-8 with a BOM, spaces around the cells of bodies.csv, blank lines and a
# row of empty cells at the end of R7/answers.csv: all allowed
# (docs/data-format.md). Valid input: the same figures.
printf '\357\273\277' >"$W/b"
sed 's/,/ , /g' "$DATA/bodies.csv" >>"$W/b"
mv "$W/b" "$DATA/bodies.csv"
printf '\n\n,,,,,,,\n\n' >>"$DATA/R7/answers.csv"
