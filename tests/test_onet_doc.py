"""docs/data-format.md documents the O*NET block exactly: every field of the model, and no other."""

from __future__ import annotations

import re

import msgspec

from ooh_cli.core.onet import OnetProfile
from tests.conftest import REPO

DOC = (REPO / "docs" / "data-format.md").read_text(encoding="utf-8")


def documented() -> set[str]:
    section = DOC[DOC.index("## O*NET data") :]
    return {name for cell in re.findall(r"^\| `([a-z_]+)` \|", section, re.MULTILINE) for name in [cell]}


def test_the_o_net_table_lists_every_field() -> None:
    assert documented() == {field.encode_name for field in msgspec.structs.fields(OnetProfile)}


def test_the_check_can_fail() -> None:
    assert "holland_code" in documented() and "job_zone" in documented()
