# survey.ini lists a year R8 that has no [R8] section (a half-done yearly update).
ini_set "$DATA/survey.ini" survey years 'R5, R6, R7, R8'
