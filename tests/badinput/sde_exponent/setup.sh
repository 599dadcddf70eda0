# SOURCE_DATE_EPOCH=1e9: a number in exponent notation. Parsed strictly or refused.
SOURCE_DATE_EPOCH=1e9
