"""The one text layer every stage reads through: tokens, numbers, dates, names, places.

Extraction, grouping and judging all tokenise, read numbers and dates and recognise names the
same way, by calling these modules; none keeps a reader of its own. The modules import
nothing from the pipeline stages, so any stage may use them.
"""
