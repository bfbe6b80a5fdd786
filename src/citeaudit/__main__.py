"""`python -m citeaudit ...`: the same command line as `citeaudit ...`."""

import sys

from citeaudit.cli import main

sys.exit(main())
