# 札幌市 011002 mistyped as 011003 in bodies.csv line 3.
line_edit "$DATA/bodies.csv" 3 s/^011002,/011003,/
