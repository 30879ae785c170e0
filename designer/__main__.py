"""``python -m designer``: the same as the ``portwright`` command (no arguments opens the app)."""

import sys

from designer.cli import main

sys.exit(main())
