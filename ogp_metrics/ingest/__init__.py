"""Reading a data folder as staff save it: decoding, typing each cell, checking every rule,
loading into DuckDB, and the content-keyed cache of validated plans."""
