# lib.sh - small editing steps for the setup.sh of each bad-input case.
# Sourced by run.sh before the case's setup.sh. Every helper edits one file in
# place and fails (non-zero) when it did not change what it was asked to.

# csv_set FILE LINE COLUMN_NAME VALUE: sets one cell (simple CSV: no quoted
# commas in the edited rows). COLUMN_NAME is looked up in the header row.
csv_set() {
    awk -F, -v OFS=, -v line="$2" -v name="$3" -v value="$4" '
        NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) col = i
                  if (!col) { print "csv_set: no column " name > "/dev/stderr"; exit 1 } }
        NR == line { $col = value; done = 1 }
        { print }
        END { if (!done) { print "csv_set: no line " line > "/dev/stderr"; exit 1 } }
    ' "$1" >"$1.new" && mv "$1.new" "$1"
}

# csv_get FILE LINE COLUMN_NAME: prints one cell.
csv_get() {
    awk -F, -v line="$2" -v name="$3" '
        NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) col = i }
        NR == line && col { print $col }
    ' "$1"
}

# csv_first_line FILE AWK_CONDITION: the first data line number whose row
# satisfies the condition; the condition names columns as c["name"].
csv_first_line() {
    awk -F, -v cond="$2" '
        NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
        { for (k in col) c[k] = $(col[k]) }
        '"$2"' { print NR; found = 1; exit }
        END { if (!found) exit 1 }
    ' "$1"
}

# ini_set FILE SECTION KEY VALUE: sets key in [section] (adds it when absent).
ini_set() {
    awk -v sec="$2" -v key="$3" -v value="$4" '
        function flush() { if (insec && !done) { print key " = " value; done = 1 } }
        /^[ \t]*\[/ { flush(); s = $0; gsub(/[][ \t]/, "", s); insec = (tolower(s) == tolower(sec)) }
        insec && $0 ~ "^[ \t]*" key "[ \t]*=" { print key " = " value; done = 1; next }
        { print }
        END { flush(); if (!done) exit 1 }
    ' "$1" >"$1.new" && mv "$1.new" "$1"
}

# line_edit FILE LINE SED_EXPR: applies a sed expression to one line.
line_edit() {
    sed "$2{$3}" "$1" >"$1.new" && ! cmp -s "$1" "$1.new" && mv "$1.new" "$1"
}

# check_digit FIVE_DIGITS: the 団体コード check digit (docs/data-format.md).
check_digit() {
    awk -v c="$1" 'BEGIN { s = 0; for (i = 1; i <= 5; i++) s += (7 - i) * substr(c, i, 1)
                           print (11 - s % 11) % 10 }'
}
