# The column 課題 of R7/answers.csv misspelled as 課 題.
line_edit "$DATA/R7/answers.csv" 1 's/,課題,/,課 題,/'
