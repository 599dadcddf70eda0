# R7/services.csv without its column サービス (the second).
cut -d, -f1,3- "$DATA/R7/services.csv" >"$W/s" && mv "$W/s" "$DATA/R7/services.csv"
