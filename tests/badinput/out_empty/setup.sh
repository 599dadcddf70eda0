# --out '' (the message was 「: cannot create the output folder」).
OUT=
