# The name of body 012017 holds a TAB and an ESC sequence (colours a
# terminal): it went into file names and raw onto the terminal.
line_edit "$DATA/bodies.csv" 4 "s|サンプル市201|サンプル\\t市\\x1b[31m201|"
grep -q "$(printf "\\033")" "$DATA/bodies.csv"
