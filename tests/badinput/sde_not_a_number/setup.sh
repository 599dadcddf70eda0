# SOURCE_DATE_EPOCH=abc: not digits. Parsed strictly or refused.
SOURCE_DATE_EPOCH=abc
