"""``python -m newscorp``."""

from newscorp.cli import main

main()
