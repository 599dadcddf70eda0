# R7 as_of = 2025-04-31: April has 30 days.
ini_set "$DATA/survey.ini" R7 as_of 2025-04-31
