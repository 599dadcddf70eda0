# survey.ini names R7/services.csv, which is not there.
rm "$DATA/R7/services.csv"
