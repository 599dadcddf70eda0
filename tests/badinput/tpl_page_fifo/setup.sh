# deck.ini names a FIFO as its first page (reading it waited for ever).
mkfifo "$W/page.fifo"
line_edit "$LAYOUTS/deck.ini" "/^pages/" "s|pages/p01_cover.ini|$W/page.fifo|"
# only the national deck: nothing else is tried, so nothing is written
ARGS="--only national"
