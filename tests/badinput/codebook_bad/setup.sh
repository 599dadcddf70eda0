# Q4 claims 40 options (at most 31 fit the bit set).
ini_set "$DATA/codebook.ini" Q4 options 40
