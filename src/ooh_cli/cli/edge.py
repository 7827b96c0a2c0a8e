"""The error edge: every error, ours or the parser's, becomes one line on stderr and a documented exit code."""

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import typer

from ooh_cli.cli.commands import MODULES, command
from ooh_cli.cli.words import Command, ParserContext, WordsGroup, choices_of, one_of
from ooh_cli.core.errors import ExitCode, OohError, OutputError, cannot_write
from ooh_cli.core.sanitize import clean

DEBUG_ENV = "OOH_DEBUG"


def fail(message: str, code: int, choices: list[str] | None = None) -> NoReturn:
    """The error's line, then the choices it offers (candidates, valid values), indented, one a line, each cut
    to the terminal's width (a candidate's id comes first, so what to type is never cut)."""
    import shutil

    width = shutil.get_terminal_size((80, 24)).columns
    # One line, always: some parser messages (and names users typed) carry line breaks and tabs; and no
    # terminal control that a name or a data file holds reaches the terminal.
    lines = [f"ooh: {' '.join(message.split())}", *(f"  {choice.replace(chr(10), ' ')}" for choice in choices or [])]
    first, *rest = clean("\n".join(lines)).split("\n")
    sys.stderr.write("\n".join([first, *(_fitted(line, width) for line in rest)]) + "\n")
    sys.exit(code)


def _fitted(line: str, width: int) -> str:
    return line if len(line) <= width else line[: max(width - 3, 8)].rstrip() + "..."


def reader_gone() -> NoReturn:
    """The reader went away (`ooh list | head -1`): not an error. Point stdout at nothing so the
    interpreter's final flush stays quiet."""
    _drop_output()
    sys.exit(ExitCode.OK)


def _drop_output() -> None:
    """Send what stdout still holds to nothing: it cannot be written, and a second failure would say so twice."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _flush_output() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise cannot_write(error) from None


def check_standard_streams() -> None:
    """A closed stdout or stderr (`ooh list >&-`, `2>&-`), handled as git does.

    Python leaves `sys.stdout` None then, and the next file opened would take its descriptor: the output would
    go into it. Both descriptors are held by /dev/null; without stderr, messages are dropped and the command
    runs; without stdout, there is nowhere for its output, and `ooh` says so and stops.
    """
    closed_stdout = sys.stdout is None
    for fd, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is None:
            null = os.open(os.devnull, os.O_WRONLY)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
            setattr(sys, name, open(fd, "w", encoding="utf-8", closefd=False))  # noqa: SIM115  # for the process's life
    if closed_stdout:
        fail(str(cannot_write("standard output is closed")), ExitCode.OUTPUT)


class OohGroup(WordsGroup):
    """The `ooh` command group, with the error edge around everything it runs."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if hasattr(sys.stdout, "reconfigure") and not _utf8(sys.stdout):
            # An ASCII-only stdout (LANG=C, PYTHONIOENCODING=ascii) gets "?" for what it cannot show.
            sys.stdout.reconfigure(errors="replace")
        try:
            code = super().main(args, prog_name or "ooh", complete_var, False, windows_expand_args, **extra)
            _flush_output()
        except OutputError as error:
            _drop_output()
            fail(str(error), error.exit_code)
        except OohError as error:
            fail(str(error), error.exit_code, error.choices)
        except typer.TyperException as error:
            # The parser's errors. Typer names only some of their classes, so they are told apart as Typer
            # itself does: by their attributes, and `ooh` alone (no arguments) by the class's name.
            if type(error).__name__ == "NoArgsIsHelpError":
                # `ooh` alone asks for help, and gets it: not a usage error.
                sys.stdout.write(error.format_message())
                sys.exit(ExitCode.OK)
            if error.exit_code == ExitCode.USAGE:
                ctx = getattr(error, "ctx", None)
                where = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
                fail(f"{_worded(error, ctx)}{where}", ExitCode.USAGE)
            fail(error.format_message(), error.exit_code)
        except (KeyboardInterrupt, typer.Abort):
            fail("interrupted", ExitCode.INTERRUPTED)
        except BrokenPipeError:
            reader_gone()
        except Exception as error:
            if os.environ.get(DEBUG_ENV):
                raise
            fail(
                f"unexpected error: {type(error).__name__}: {error} (set {DEBUG_ENV}=1 for details)", ExitCode.INTERNAL
            )
        sys.exit(code if isinstance(code, int) else ExitCode.OK)

    def list_commands(self, ctx: ParserContext) -> list[str]:
        return list(MODULES)

    def get_command(self, ctx: ParserContext, cmd_name: str) -> Command | None:
        return command(cmd_name)

    def invoke(self, ctx: ParserContext) -> Any:
        # Typer would turn a broken pipe inside a command into exit 1 before `main` sees it.
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            reader_gone()
        except KeyboardInterrupt:
            # Typer would end silently with 130; say why.
            fail("interrupted", ExitCode.INTERRUPTED)


def _worded(error: typer.TyperException, ctx: typer.Context | None) -> str:
    """`--limit: expected ...` rather than the parser's `Invalid value for '--limit' / '-n': ...`."""
    param = getattr(error, "param", None)
    if not isinstance(error, typer.BadParameter) or param is None:
        return error.format_message()
    option = param.param_type_name == "option" and param.opts
    name = max(param.opts, key=len) if option else (param.metavar or param.name or "").removesuffix("...")
    if type(error).__name__ == "MissingParameter":
        choices = choices_of(ctx, param)
        return f"missing {name}" + (f": expected {one_of(choices)}" if choices else "")
    return f"{name}: {error.message}"


def _utf8(stream: Any) -> bool:
    return str(getattr(stream, "encoding", None) or "ascii").lower().replace("-", "").startswith("utf")


def exit_now(code: object) -> NoReturn:
    """End the process as soon as its output is out, skipping the interpreter's teardown.

    Tearing down the modules of Typer and ooh takes about a tenth of a lookup's run, and nothing needs it:
    the files `ooh` writes are closed as they are written, and no atexit hook of ours holds work.
    """
    status = ExitCode.OK if code is None else code if isinstance(code, int) else 1
    if isinstance(code, str):
        sys.stderr.write(f"{code}\n")  # as sys.exit("message") would
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # the reader went away: not an error (see reader_gone)
    except OSError as error:
        sys.stderr.write(f"ooh: {cannot_write(error)}\n")
        status = ExitCode.OUTPUT
    except ValueError:  # stdout was closed under us
        sys.stderr.write(f"ooh: {cannot_write('standard output is closed')}\n")
        status = ExitCode.OUTPUT
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(status)
