# 人口 of bodies.csv line 3 is "9245", a NUL byte and "GARBAGE": C strings
# would read 9245 and never see the rest.
line_edit "$DATA/bodies.csv" 3 's/,[0-9]*$/,9245\x00GARBAGE/'
grep -qa "9245.GARBAGE" "$DATA/bodies.csv"
