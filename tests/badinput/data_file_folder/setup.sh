# R7/cases.csv is a folder (reported as "does not exist" before).
rm "$DATA/R7/cases.csv"
mkdir "$DATA/R7/cases.csv"
