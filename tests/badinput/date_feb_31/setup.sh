# R7 published = 2025-02-31.
ini_set "$DATA/survey.ini" R7 published 2025-02-31
