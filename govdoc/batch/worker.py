"""``python -m govdoc.batch.worker MAX_MEMORY_MB PARENT_PID``: the entry point of a worker process
(kept apart from :mod:`govdoc.batch.child`, which the package imports, so ``-m`` runs it cleanly)."""

import sys

from govdoc.batch.child import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
