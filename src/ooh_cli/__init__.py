"""ooh: the Occupational Outlook Handbook in your terminal."""

__version__ = "0.2.0"
