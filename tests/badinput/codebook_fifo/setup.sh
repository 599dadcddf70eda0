# codebook.ini is a FIFO.
rm "$DATA/codebook.ini"
mkfifo "$DATA/codebook.ini"
