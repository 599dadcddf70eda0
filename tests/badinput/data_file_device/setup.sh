# R7/answers.csv is /dev/zero (reported as "does not exist" before).
ini_set "$DATA/survey.ini" R7 answers /dev/zero
