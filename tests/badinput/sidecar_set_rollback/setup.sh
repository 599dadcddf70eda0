# A good national deck is in out/; then its JSON sidecar cannot be replaced
# (a folder stands in its place) while its CSV sidecar can. Before, the PDF
# was renamed first and the message said "previous file kept" beside a new
# national.pdf. The CSV sidecar is marked so that a replaced one shows.
"$AIREPORT" build -q --only national --data "$DATA" --out "$OUT" --layouts "$LAYOUTS" --fonts "$FONTS"
printf "the previous sidecar\\n" >"$OUT/national.numbers.csv"
rm "$OUT/national.numbers.json"
mkdir "$OUT/national.numbers.json"
ARGS="--only national"
# another date: a national.pdf written by the failing run would differ too
SOURCE_DATE_EPOCH=1700000001
