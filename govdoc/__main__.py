"""``python -m govdoc``."""

import sys

from govdoc.cli import main

sys.exit(main())
