# R7 published = 0000-01-01: no such year, and none the deck could print
# in a Japanese era.
ini_set "$DATA/survey.ini" R7 published 0000-01-01
