"""The O*NET step of `ooh data import --onet DIR`: the tables of skills, interests and technology."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ooh_cli.output.env import Environment

if TYPE_CHECKING:
    from ooh_cli.importer.onet_combine import OnetReport


@dataclass(slots=True)
class OnetImport:
    """The O*NET tables, staged to be written into the database beside the data file."""

    report: OnetReport

    def write(self, env: Environment) -> None:
        """Report what the import did (the tables are written by `commit`)."""
        report, out = self.report, env.stdout.write
        out(f"{report.path}: {report.summary()}\n")
        if report.without:
            out(f"not in O*NET: {', '.join(report.without)}\n")
        if not report.staged.changed:
            out(f"{report.path}: already up to date; not rewritten\n")


def import_onet_source(env: Environment, target: Path, document: Mapping[str, Any] | None, onet: Path) -> OnetImport:
    """The O*NET data for the profiles of ``document`` (the data file being built) or of the data file itself."""
    from ooh_cli.cli.sources import busy
    from ooh_cli.importer.onet_combine import prepare_onet

    with busy(env, "Reading the O*NET database"):  # a quarter of a minute
        return OnetImport(prepare_onet(onet, target, document))
