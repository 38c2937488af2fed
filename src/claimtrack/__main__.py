"""Run the command line: ``python -m claimtrack``."""

from claimtrack.cli import main

main()
