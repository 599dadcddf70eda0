# Control: the unaltered inputs pass, so a case that fails is failing for its
# own alteration (and a program that always fails cannot pass the catalogue).
:
