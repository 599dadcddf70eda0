# R7 published (2025-11-01) before the end of the survey (2025-11-28).
ini_set "$DATA/survey.ini" R7 published 2025-11-01
