# The edition date of the previous deck left in deck.ini after a new survey
# year was added: older than the latest year's `published` in survey.ini.
ini_set "$LAYOUTS/deck.ini" deck edition 2026-04-23
