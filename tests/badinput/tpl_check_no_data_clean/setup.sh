# No answers, no bodies: only survey.ini and codebook.ini are left in data/.
rm -rf "$DATA/R5" "$DATA/R6" "$DATA/R7" "$DATA/bodies.csv"
