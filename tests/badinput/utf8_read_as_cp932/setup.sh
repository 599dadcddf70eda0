# UTF-8 files while survey.ini forces CP932: the headers turn into mojibake.
ini_set "$DATA/survey.ini" survey encoding cp932
