# Every CSV saved the way Excel on a Japanese Windows saves it: CP932 with
# CRLF line ends, detected by encoding = auto. Valid input: the same figures.
for f in "$DATA"/bodies.csv "$DATA"/R*/*.csv; do
    iconv -f UTF-8 -t CP932 "$f" | sed 's/$/\r/' >"$f.cp932"
    mv "$f.cp932" "$f"
done
