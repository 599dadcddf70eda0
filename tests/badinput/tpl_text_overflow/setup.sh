# Page 4's lead (a box of 12 mm: two lines at 14 pt) gets its text twice.
line_edit "$LAYOUTS/pages/p04_status_by_group.ini" '/^text1/' 's/=\(.*\)$/=\1\1/'
