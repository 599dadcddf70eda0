# 課題 names four challenges (at most 3) on R7/answers.csv line 6.
csv_set "$DATA/R7/answers.csv" 6 課題 "1;2;3;4"
