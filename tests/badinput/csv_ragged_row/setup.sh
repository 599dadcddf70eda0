# One field too many on bodies.csv line 20.
line_edit "$DATA/bodies.csv" 20 's/$/,extra/'
