# Page 4's chart names a figure that does not exist (a typo).
line_edit "$LAYOUTS/pages/p04_status_by_group.ini" '/^figure/' 's/P4.status_by_group/P4.status_by_grup/'
