# R7/services.csv is a FIFO (reported as "does not exist" before).
rm "$DATA/R7/services.csv"
mkfifo "$DATA/R7/services.csv"
