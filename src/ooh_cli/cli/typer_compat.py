"""The one place that reaches into Typer's private parts: the click it vendors, for its usage errors.

Typer 0.27 and later ship their own copy of click as `typer._click` and export only some of its exceptions;
the error edge needs their base classes to word every parser error as one line, and the Context class
its group's `invoke` is typed with. `ooh` alone raises NoArgsIsHelpError once it has printed the help. tests/test_cli_structure.py
checks that these names still exist.
"""

from typer._click.core import Context
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

__all__ = ["ClickException", "Context", "NoArgsIsHelpError", "UsageError"]
