# fonts.ini names a gothic font file that does not exist, with no fallback.
ini_set "$FONTS" gothic file /nonexistent/fonts/ipaexg.ttf
ini_set "$FONTS" gothic fallback ""
