"""Claim kinds: each module reads its kind from a sentence and judges it across reports.

``registry.py`` lists the readers (in reading order) and the event rules; ``base.py`` holds
the two contexts they receive; ``scope.py`` the notes that say how a figure counts.
"""
