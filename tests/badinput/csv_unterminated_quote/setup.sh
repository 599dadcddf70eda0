# A quote opened in the middle of R7/answers.csv line 10 and never closed.
line_edit "$DATA/R7/answers.csv" 10 's/,/,"/'
