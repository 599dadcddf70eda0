# No answers, no bodies: only survey.ini and codebook.ini are left in data/;
# page 4's chart names a figure that does not exist (a typo).
rm -rf "$DATA/R5" "$DATA/R6" "$DATA/R7" "$DATA/bodies.csv"
line_edit "$LAYOUTS/pages/p04_status_by_group.ini" '/^figure/' 's/P4.status_by_group/P4.status_by_grup/'
