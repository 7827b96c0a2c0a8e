"""How names are folded so that what users type meets what the data says."""

from __future__ import annotations

import functools
import re

SOC_QUERY = re.compile(r"(\d\d)-?(\d{4})(?:\.\d\d)?")


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


def name_key(text: str) -> str:
    """Fold case, punctuation, spacing and plurals: the form every name is indexed and looked up by."""
    words = re.findall(r"[0-9a-z]+", text.casefold().replace("'", "").replace("\u2019", ""))
    return "-".join(singular(word) for word in words)
