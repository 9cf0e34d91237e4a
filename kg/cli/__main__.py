"""`python -m kg.cli …`, as before the command line became a package."""

from kg.cli import main

main()
