"""PyInstaller entry script of the Windows-runner build (the console-script `nexipos` = nexipos_desktop.cli:main)."""

import sys

from nexipos_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
