"""How names are folded so that what users type meets what the data says.

Everything that compares names (lookups, search, completion, vocabularies, validation) goes through `fold`;
`slug` is the same words without the plural folding, for showing a name in id form.
"""

from __future__ import annotations

import functools
import re

SOC_QUERY = re.compile(r"(\d\d)-?(\d{4})(?:\.\d\d)?")
_WORD = re.compile(r"[0-9a-z]+")


@functools.cache  # words repeat endlessly across titles, aliases and summaries
def singular(word: str) -> str:
    """A rough English singular, enough to make "Registered Nurses" and "registered nurse" meet."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("ie"):  # so that "bookie" meets "bookies" (-> "booky")
        return word[:-2] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The words of ``text``: case folded, apostrophes dropped ("Driver's" is one word), punctuation split."""
    return _WORD.findall(text.casefold().replace("'", "").replace("\u2019", ""))


def fold(text: str) -> str:
    """Fold case, punctuation, spacing and plurals: the form every name is indexed and looked up by."""
    return "-".join(singular(word) for word in words(text))


def slug(text: str) -> str:
    """A name in id form ("Driver's License Examiner" -> "drivers-license-examiner"); it folds as the name does."""
    return "-".join(words(text))


def soc_code(text: str) -> str | None:
    """``text`` as a SOC code "NN-NNNN" when it is one (also written NNNNNN or as an O*NET code), else None."""
    found = SOC_QUERY.fullmatch(text.strip())
    return f"{found.group(1)}-{found.group(2)}" if found else None
