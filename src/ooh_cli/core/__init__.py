"""The library under the command line: the model, the data file and its cache, lookups and questions.

Nothing here imports Typer or Rich, so everything a command computes can be used and tested on its own.
"""
