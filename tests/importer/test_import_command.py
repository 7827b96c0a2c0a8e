"""`ooh data import` as users run it: an existing file it cannot trust is refused and left as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ooh_cli.cli import app


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("meta: {edition: one}\nmeta: {edition: two}\noccupations: []\n", "duplicate key 'meta'"),
        ("meta: &m {edition: one}\nother: *m\noccupations: []\n", "anchors and aliases"),
        ("meta: [unclosed\n", "not valid YAML"),
    ],
    ids=["two-meta-blocks", "alias", "invalid-yaml"],
)
def test_an_existing_file_lookups_refuse_is_refused_and_untouched(
    sources: tuple[Path, Path, Path], tmp_path: Path, content: str, message: str
) -> None:
    target = tmp_path / "occupations.yaml"
    target.write_text(content, encoding="utf-8")
    pages, workbook, index = sources
    args = ["data", "import", "--pages", str(pages), "--projections", str(workbook), "--index", str(index)]
    result = CliRunner().invoke(app, [*args, "--output", str(target)], env={"OOH_CACHE_DIR": str(tmp_path / "c")})
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith("ooh: ") and message in result.stderr and result.stderr.count("\n") == 1
    assert target.read_text(encoding="utf-8") == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["occupations.yaml"]  # no temporary file left
