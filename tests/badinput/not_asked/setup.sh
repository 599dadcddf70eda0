# 入力可能情報 is asked only of bodies whose ガイドライン is 1 (策定済): the first
# R7 row with another guideline answer gets one anyway.
line=$(csv_first_line "$DATA/R7/answers.csv" 'c["ガイドライン"] != 1')
csv_set "$DATA/R7/answers.csv" "$line" 入力可能情報 1
echo "not_asked: altered R7/answers.csv line $line"
