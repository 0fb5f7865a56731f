"""``python -m checker``: the same command line as the ``checker`` script, for environments
where the script is not on PATH (a venv not activated, a CI step, a notebook's shell)."""

from checker.cli import main

if __name__ == "__main__":
    main()
