# deck.ini names /dev/zero as its first page: a device that never ends
# (read whole, it took memory until the run was killed).
line_edit "$LAYOUTS/deck.ini" "/^pages/" "s|pages/p01_cover.ini|/dev/zero|"
# only the national deck: nothing else is tried, so nothing is written
ARGS="--only national"
