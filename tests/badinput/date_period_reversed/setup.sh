# R7 period_to (2025-10-01) before period_from (2025-10-31).
ini_set "$DATA/survey.ini" R7 period_to 2025-10-01
