# R6/services.csv has zero bytes.
: >"$DATA/R6/services.csv"
