"""Help and parsing in words, on Typer's public API alone.

The parser's own notation (`{OCCUPATION...}`, `<str>`, `<int range> [x>=1]`, `'0' is not in the range x>=1`)
is not for people, and each Typer release words it differently. So every `ooh` command is a `WordsCommand`:
values are checked by our own parsers (`WholeNumber`, `OneOf`, given as `typer.Option(parser=...)`), which say
what was expected; every option names its value (`metavar`: N, AMOUNT, PATH, [a|b]); and help is written here
from each parameter's public attributes, the same under every Typer release. tests/test_help.py checks every
command's help; .ci/run runs the tests under the newest Typer too.
"""

import inspect
from collections.abc import Callable, Iterable
from typing import Annotated, Any, get_args, get_origin

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup
from typer.models import CommandFunctionType, ParameterInfo

__all__ = [
    "Command",
    "OneOf",
    "OohTyper",
    "ParserContext",
    "WholeNumber",
    "WordsCommand",
    "WordsGroup",
    "build_command",
    "one_of",
]

# A click command as Typer builds it, and the context its methods take: Typer exports no name for either
# base class (typer.Context is a subclass, too narrow for an override).
Command = TyperCommand | TyperGroup
ParserContext = Any


def one_of(choices: Iterable[object]) -> str:
    """'a, b or c'."""
    words = [str(choice) for choice in choices]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


class WholeNumber:
    """A parser: a whole number of ASCII digits, at least ``minimum``."""

    def __init__(self, minimum: int) -> None:
        self.minimum = minimum
        self.__name__ = "N"  # what Typer names the value type, should it ever show it

    def __call__(self, value: Any) -> int:
        text = str(value).strip()
        # str.isdigit alone takes other scripts' digits ("٣"), which int() would read as 3.
        if not (text.isascii() and text.isdigit()) or int(text) < self.minimum:
            raise typer.BadParameter(f"expected a whole number, {self.minimum} or more, not {value!r}")
        return int(text)


class OneOf:
    """A parser: one of ``choices``, in any case; the value is the choice as written here."""

    def __init__(self, *choices: str) -> None:
        self.choices = choices
        self.metavar = f"[{'|'.join(choices)}]"
        self.__name__ = self.metavar

    def complete(self, incomplete: str) -> list[str]:
        """Shell completion: the choices that start with what has been typed."""
        return [choice for choice in self.choices if choice.casefold().startswith(incomplete.casefold())]

    def __call__(self, value: Any) -> str:
        text = str(value)
        for choice in self.choices:
            if choice.casefold() == text.casefold():
                return choice
        raise typer.BadParameter(f"expected {one_of(self.choices)}, not {value!r}")


def _parsers(callback: Callable[..., Any] | None) -> dict[str, Any]:
    """The parser each parameter of ``callback`` declares, by parameter name."""
    if callback is None:
        return {}
    found = {}
    for name, parameter in inspect.signature(callback).parameters.items():
        if get_origin(parameter.annotation) is Annotated:
            for info in get_args(parameter.annotation)[1:]:
                if isinstance(info, ParameterInfo) and info.parser is not None:
                    found[name] = info.parser
    return found


def choices_of(ctx: typer.Context | None, param: Any) -> tuple[str, ...]:
    """The choices of ``param`` if its command declared them with OneOf, else ()."""
    command = ctx.command if ctx is not None else None
    parser = command.parsers.get(param.name) if isinstance(command, WordsCommand) else None
    return parser.choices if isinstance(parser, OneOf) else ()


def write_help(command: Any, ctx: typer.Context, formatter: Any, rows: dict[str, list[tuple[str, str]]]) -> None:
    """Usage, the command's text, sections of (term, description) rows, then its examples line by line."""
    command.format_usage(ctx, formatter)
    command.format_help_text(ctx, formatter)
    for title, section in rows.items():
        if section:
            with formatter.section(title):
                formatter.write_dl(section)
    if command.epilog:
        # Examples stay one a line, as typed: the formatter would rewrap them into a paragraph.
        formatter.write_paragraph()
        for line in inspect.cleandoc(command.epilog).splitlines():
            formatter.write(f"{' ' * formatter.current_indent}{line}\n")


class WordsCommand(TyperCommand):
    """A command whose usage, help and errors are in words (see the module's docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.parsers = _parsers(self.callback)

    def _value(self, param: Any) -> str:
        parser = self.parsers.get(param.name)
        return parser.metavar if isinstance(parser, OneOf) else param.metavar or (param.name or "").upper()

    def collect_usage_pieces(self, ctx: ParserContext) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                name = self._value(param)
                pieces.append(name if param.required or name.startswith("[") else f"[{name}]")
        return pieces

    def format_help(self, ctx: ParserContext, formatter: Any) -> None:
        rows: dict[str, list[tuple[str, str]]] = {"Arguments": [], "Options": []}
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                rows["Arguments"].append((param.metavar or (param.name or "").upper(), param.help or ""))
                continue
            record = param.get_help_record(ctx)
            if record is not None:
                rows.setdefault(getattr(param, "rich_help_panel", None) or "Options", []).append(record)
        write_help(self, ctx, formatter, rows)


class WordsGroup(TyperGroup):
    """A group whose help is written like its commands': usage, text, options, commands, examples."""

    def format_help(self, ctx: ParserContext, formatter: Any) -> None:
        options = [record for param in self.get_params(ctx) if (record := param.get_help_record(ctx)) is not None]
        listed = [(name, command) for name in self.list_commands(ctx) if (command := self.get_command(ctx, name))]
        listed = [(name, command) for name, command in listed if not command.hidden]
        # Each command's line fits beside the widest name: section indent, name column, gap.
        room = formatter.width - formatter.current_indent - 4 - max((len(name) for name, _ in listed), default=0)
        commands = [(name, command.get_short_help_str(limit=room)) for name, command in listed]
        write_help(self, ctx, formatter, {"Options": options, "Commands": commands})


def build_command(app: typer.Typer, name: str) -> Any:
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
    """A Typer app that is a WordsGroup, and whose commands are WordsCommands, unless they ask for another class."""

    def __init__(self, *args: Any, cls: type[TyperGroup] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, cls=cls or WordsGroup, **kwargs)

    def command(
        self, name: str | None = None, *, cls: type[TyperCommand] | None = None, **kwargs: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        return super().command(name, cls=cls or WordsCommand, **kwargs)
