# SOURCE_DATE_EPOCH=-1: a negative time. Parsed strictly or refused.
SOURCE_DATE_EPOCH=-1
