"""The orders `ooh list` sorts by and the rankings `ooh top` offers, by name alone: the command line offers them
without loading the code that sorts and ranks (query.py, discover.py)."""

from typing import Literal

# Titles A to Z, or a figure largest first.
SortKey = Literal["title", "pay", "growth", "jobs", "change", "openings"]
TopList = Literal["growth", "new-jobs", "pay", "openings", "decline"]
