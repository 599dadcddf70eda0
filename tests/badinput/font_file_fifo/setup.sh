# fonts.ini names a FIFO as the gothic font, no fallback (HarfBuzz read it for
# ever).
mkfifo "$W/gothic.ttf"
ini_set "$FONTS" gothic file "$W/gothic.ttf"
ini_set "$FONTS" gothic fallback ""
# only the national deck: nothing else is tried, so nothing is written
ARGS="--only national"
