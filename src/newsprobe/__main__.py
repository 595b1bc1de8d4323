"""``python -m newsprobe``: the same command line as the ``newsprobe`` script."""

from newsprobe.cli import main

if __name__ == "__main__":
    main()
