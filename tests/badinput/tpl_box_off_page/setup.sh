# Page 4's chart is 400 mm wide on a 338.67 mm page.
ini_set "$LAYOUTS/pages/p04_status_by_group.ini" chart box_mm '12, 36, 400, 128'
