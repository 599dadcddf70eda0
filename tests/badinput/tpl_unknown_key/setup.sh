# A key no block knows (colour) in the [chart] of page 4.
ini_set "$LAYOUTS/pages/p04_status_by_group.ini" chart colour red
