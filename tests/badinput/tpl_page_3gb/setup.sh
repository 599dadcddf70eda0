# deck.ini names a 3 GB page template (sparse: no disk is used), which was
# read whole.
truncate -s 3G "$W/huge.ini"
line_edit "$LAYOUTS/deck.ini" "/^pages/" "s|pages/p01_cover.ini|$W/huge.ini|"
# only the national deck: nothing else is tried, so nothing is written
ARGS="--only national"
