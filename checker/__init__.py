"""checker: cross-report consistency checking for news.

Library API (the CLI is a thin layer over it)::

    from checker import load_paths, run, Settings
    loaded = load_paths(["seeds/"])
    report = run(loaded.articles, Settings())
"""

__version__ = "0.1.0"
