"""The one place that reaches into Typer's private parts: the click it vendors.

Typer 0.27 and later ship their own copy of click as `typer._click` and export only some of its exceptions;
the error edge needs their base classes to word every parser error as one line, and the Context class
its group's `invoke` is typed with. `ooh` alone raises NoArgsIsHelpError once it has printed the help.

The parser also writes help in its own notation (`{OCCUPATION...}`, `<str>`, `<int range> [x>=1]`, `'0' is not
in the range x>=1`). `WordsCommand` puts that in words, for every command, once: usage without braces, a
choice argument as its choices, no type names next to arguments, option values named (N, TEXT, PATH, [a|b])
and errors saying what was expected. tests/test_help.py checks every command's help.
"""

import copy
from collections.abc import Callable, Iterable
from typing import Any

import typer
from typer._click.core import Command, Context, Parameter
from typer._click.exceptions import BadParameter, ClickException, MissingParameter, NoArgsIsHelpError, UsageError
from typer._click.types import FloatParamType, IntParamType, IntRange
from typer._types import TyperChoice
from typer.core import TyperArgument as Argument
from typer.core import TyperCommand
from typer.core import TyperOption as Option
from typer.models import CommandFunctionType, TyperPath

__all__ = [
    "BadParameter",
    "ClickException",
    "Command",
    "Context",
    "MissingParameter",
    "NoArgsIsHelpError",
    "OohTyper",
    "UsageError",
    "WordsCommand",
    "build_command",
    "one_of",
]


def one_of(choices: Iterable[object]) -> str:
    """'a, b or c'."""
    words = [str(choice) for choice in choices]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


class OneOf(TyperChoice[Any]):
    """A choice whose help shows its values and whose error lists them in words."""

    def get_metavar(self, param: Parameter, ctx: Context) -> str | None:
        return "" if isinstance(param, Argument) else f"[{'|'.join(map(str, self.choices))}]"

    def get_invalid_choice_message(self, value: Any, ctx: Context | None) -> str:
        return f"expected {one_of(self.choices)}, not {value!r}"


class AtLeast(IntParamType):
    """A whole number with a lower bound, shown as N rather than `<int range> [x>=1]`."""

    name = "number"

    def __init__(self, minimum: int) -> None:
        self.minimum = minimum

    def convert(self, value: Any, param: Parameter | None, ctx: Context | None) -> Any:
        number = value if isinstance(value, int) else None
        text = str(value).strip()
        # ASCII digits only: int() would also read "٣" (Arabic-Indic three) or "1_0" as numbers.
        if number is None and text.isascii() and text.removeprefix("-").isdigit():
            number = int(text)
        if number is None or number < self.minimum:
            self.fail(f"expected a whole number, {self.minimum} or more, not {value!r}", param, ctx)
        return number


def _value_name(param: Parameter) -> str:
    if isinstance(param.type, OneOf):
        return f"[{'|'.join(map(str, param.type.choices))}]"
    if isinstance(param.type, TyperPath):
        return "PATH"
    if isinstance(param.type, IntParamType):
        return "N"
    if isinstance(param.type, FloatParamType):
        return "NUMBER"
    return "TEXT"


def _in_words(param: Parameter) -> None:
    if isinstance(param.type, TyperChoice) and not isinstance(param.type, OneOf):
        param.type = OneOf(param.type.choices, case_sensitive=param.type.case_sensitive)
    elif isinstance(param.type, IntRange) and param.type.min is not None and param.type.max is None:
        param.type = AtLeast(int(param.type.min))
    if isinstance(param, Option) and param.metavar is None and not param.is_flag:
        param.metavar = _value_name(param)
    elif isinstance(param, Argument) and not isinstance(param.type, OneOf):
        # The argument's name says what it is: no `<str>` beside it.
        quiet = copy.copy(param.type)
        quiet.get_metavar = lambda param, ctx: ""  # type: ignore[method-assign]
        param.type = quiet


class WordsCommand(TyperCommand):
    """A command whose help and errors are in words (see the module's docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            _in_words(param)

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if not isinstance(param, Argument):
                continue
            if isinstance(param.type, OneOf):
                pieces.append(f"[{'|'.join(map(str, param.type.choices))}]")
            else:
                name = param.metavar or (param.name or "").upper()
                pieces.append(name if param.required else f"[{name}]")
        return pieces


def build_command(app: typer.Typer, name: str) -> Command | None:
    """The command ``name`` of ``app``, built alone: the app itself if it is that named group (`data`), else
    the one command registered under that name, without building its siblings. (typer.main.get_command
    would build them all, and add the completion options meant for the top-level app.)"""
    if app.info.name == name:
        return typer.main.get_group(app)
    for info in app.registered_commands:
        if info.callback is not None and (info.name or typer.main.get_command_name(info.callback.__name__)) == name:
            return typer.main.get_command_from_info(
                info, pretty_exceptions_short=app.pretty_exceptions_short, rich_markup_mode=app.rich_markup_mode
            )
    return None


class OohTyper(typer.Typer):
    """A Typer app whose commands are WordsCommands unless they ask for another class."""

    def command(
        self, name: str | None = None, *, cls: type[TyperCommand] | None = None, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        return super().command(name, cls=cls or WordsCommand, **kwargs)
