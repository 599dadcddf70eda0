# bodies.csv saved as CP932 (Excel) while survey.ini forces UTF-8.
ini_set "$DATA/survey.ini" survey encoding utf-8
iconv -f UTF-8 -t CP932 "$DATA/bodies.csv" >"$W/b" && mv "$W/b" "$DATA/bodies.csv"
