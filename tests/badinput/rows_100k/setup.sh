# 100,000 extra rows in R7/answers.csv, each repeating the body of line 2
# (generated here). Every one is a duplicate; the report is capped per file.
awk 'NR == 2 { row = $0 } { print } END { for (i = 0; i < 100000; i++) print row }' \
    "$DATA/R7/answers.csv" >"$W/a" && mv "$W/a" "$DATA/R7/answers.csv"
