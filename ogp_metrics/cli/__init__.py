"""The command line: `main` builds the parser from the commands each module lists."""
