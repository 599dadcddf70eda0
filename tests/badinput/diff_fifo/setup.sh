# diff OLD NEW with a FIFO as NEW (reading it waited for ever).
"$AIREPORT" figures --data "$DATA" >"$W/figures.csv"
mkfifo "$W/new.fifo"
ARGS="$W/figures.csv $W/new.fifo"
