"""``python -m govscan`` runs the command line."""

from govscan.cli import main

main()
