# A UTF-8 byte order mark at the start of bodies.csv line 5 (files glued by cat).
line_edit "$DATA/bodies.csv" 5 's/^/\xEF\xBB\xBF/'
