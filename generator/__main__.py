"""``python -m generator``: see :mod:`generator.tools.cli`."""

from generator.tools.cli import main

raise SystemExit(main())
