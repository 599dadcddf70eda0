# The disk fills up while the outputs are written: writes past 8 KiB fail.
FSIZE_LIMIT_BLOCKS=16
