"""What standard output can take, decided once for every writer."""

from __future__ import annotations

import sys


def ascii_only() -> bool:
    """Whether stdout can only take ASCII (LANG=C without UTF-8 mode, PYTHONIOENCODING=ascii)."""
    return not (getattr(sys.stdout, "encoding", None) or "ascii").lower().replace("-", "").startswith("utf")
