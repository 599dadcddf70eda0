# survey.ini is a folder.
rm "$DATA/survey.ini"
mkdir "$DATA/survey.ini"
