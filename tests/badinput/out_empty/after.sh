# nothing was created in the work folder: the run stopped before touching any
[ "$(ls "$W" | LC_ALL=C sort | tr "\n" " ")" = "data fonts.ini layouts output.txt " ]
