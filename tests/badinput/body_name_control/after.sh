! grep -q "$(printf "\\033")" "$W/output.txt"
