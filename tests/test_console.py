"""The console script's start-up: msgspec imported without typing_extensions, which stays importable."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

# A finder that reports every search for typing_extensions on stderr, and whether msgspec asks, and leaves the
# finding to the others.
WATCH = textwrap.dedent(
    """
    import sys
    import traceback

    class Watch:
        def find_spec(self, name, path=None, target=None):
            if name == "typing_extensions":
                by_msgspec = any("/msgspec/" in frame.filename for frame in traceback.extract_stack())
                print("typing_extensions imported" + " by msgspec" * by_msgspec, file=sys.stderr, flush=True)
            return None

    sys.meta_path.insert(0, Watch())
    """
)


def child(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WATCH + textwrap.dedent(code)], capture_output=True, text=True, env=env or None
    )


def test_msgspec_reads_our_checked_types_without_typing_extensions_which_stays_importable() -> None:
    done = child(
        """
        from ooh_cli.console import import_msgspec_without_typing_extensions

        import_msgspec_without_typing_extensions()
        print("after msgspec", file=sys.stderr)

        import msgspec
        from ooh_cli.core.records import Bounds

        print(msgspec.json.decode(b'{"min": 5, "max": null}', type=Bounds))
        try:
            msgspec.json.decode(b'{"min": 5000}', type=Bounds)
        except msgspec.ValidationError as error:
            print(error)

        import typing_extensions

        print(typing_extensions.__name__)
        """
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "Bounds(min=5, max=None)",
        "Expected `int` <= 1000 - at `$.min`",
        "typing_extensions",
    ]
    assert done.stderr.splitlines() == ["after msgspec", "typing_extensions imported"]


def test_msgspec_never_imports_typing_extensions_in_a_lookup_through_the_console_script(tmp_path: Path) -> None:
    done = child(
        """
        from ooh_cli.console import main

        sys.argv = ["ooh", "show", "medical-records-technician", "--section", "pay"]
        main()
        """,
        OOH_CACHE_DIR=str(tmp_path),
        NO_COLOR="1",
    )
    assert done.returncode == 0, done.stderr
    assert "Median pay" in done.stdout
    # Newer Typer releases import it themselves, the floor's app too: what is ours is that msgspec does not.
    assert "by msgspec" not in done.stderr
