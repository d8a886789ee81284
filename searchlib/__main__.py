"""``python -m searchlib``: the same as the ``searchlib`` command."""
from searchlib.cli import main

raise SystemExit(main())
