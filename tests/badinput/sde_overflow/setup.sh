# SOURCE_DATE_EPOCH=9223372036854775807: the largest 64-bit number (gmtime_r fails on it). Parsed strictly or refused.
SOURCE_DATE_EPOCH=9223372036854775807
