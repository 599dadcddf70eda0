# deck.ini with its [deck] section misspelled [desk].
line_edit "$LAYOUTS/deck.ini" '/^\[deck\]/' 's/\[deck\]/[desk]/'
