"""`python -m ogp_metrics`: the command line (see `cli.main`)."""

import sys

from ogp_metrics.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
