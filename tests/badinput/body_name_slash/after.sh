[ -s "$OUT/bodies/012017_a_b.pdf" ]
[ ! -e "$OUT/bodies/012017_a" ]
