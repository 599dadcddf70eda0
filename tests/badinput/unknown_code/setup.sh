# 導入状況 = 9 (codes are 1..6) on R7/answers.csv line 5.
csv_set "$DATA/R7/answers.csv" 5 導入状況 9
