# R5 as_of = 2023-02-29: 2023 is not a leap year.
ini_set "$DATA/survey.ini" R5 as_of 2023-02-29
