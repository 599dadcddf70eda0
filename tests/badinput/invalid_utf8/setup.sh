# encoding = utf-8 and one byte 0xFF inside a name on bodies.csv line 7.
ini_set "$DATA/survey.ini" survey encoding utf-8
line_edit "$DATA/bodies.csv" 7 's/市,/\xFF市,/'
