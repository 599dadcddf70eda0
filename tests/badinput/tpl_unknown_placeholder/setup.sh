# Page 4's lead asks for a field no figure has (.pctx).
line_edit "$LAYOUTS/pages/p04_status_by_group.ini" '/^text1/' 's/\.pct0}/.pctx}/'
