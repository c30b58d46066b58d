"""Start Bazres: `python main.py` opens the desktop app; `python main.py COMMAND` runs the CLI."""

import sys

from inspector_app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
