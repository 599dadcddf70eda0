# R6/answers.csv has lost line 3 (札幌市, 011002).
sed 3d "$DATA/R6/answers.csv" >"$W/a" && mv "$W/a" "$DATA/R6/answers.csv"
