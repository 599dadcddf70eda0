[ -z "$(ls -A "$W/elsewhere")" ]
