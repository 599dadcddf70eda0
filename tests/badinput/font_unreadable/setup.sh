# fonts.ini names a gothic "font" that is a text file.
printf "this is not a TrueType font\n" >"$W/notafont.ttf"
ini_set "$FONTS" gothic file "$W/notafont.ttf"
ini_set "$FONTS" gothic fallback ""
