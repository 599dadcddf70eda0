# A 10 MiB 導入効果 on R7/cases.csv line 3 (generated here, never committed).
# ASCII, so that every awk counts the same bytes.
awk -F, -v OFS=, 'NR == 3 { s = "x"; while (length(s) < 10485760) s = s s; $3 = "\"" s "\"" } { print }' \
    "$DATA/R7/cases.csv" >"$W/c"
mv "$W/c" "$DATA/R7/cases.csv"
[ "$(wc -c <"$DATA/R7/cases.csv")" -gt 10485760 ]
