"""ooh: the Occupational Outlook Handbook in your terminal."""

__version__ = "0.1.0"
