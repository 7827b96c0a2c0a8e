"""Places in the words of an occupation: "electricians in texas", "nurse ohio", "chef in Austin TX".

A place is not part of an occupation's name: it is read off the end of the words, as a state (by name, or a
postal code after "in" or typed in capitals) or, after "in", as metro areas of the wage table, and the rest
names the occupation. Areas are matched by core/wages.py, which the caller hands in as ``find_areas``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ooh_cli.core.errors import NotFoundError
from ooh_cli.core.states import BY_POSTAL, STATES, State

# The longest state name in words ("District of Columbia").
_STATE_WORDS = 3
_STATE_NAMES = {" ".join(state.name.casefold().split()): state for state in STATES}


class Place:
    """Where the words asked about: a state, or metro areas (and the state they were asked in)."""

    __slots__ = ("areas", "state", "typed")

    def __init__(self, typed: str, state: State | None = None, areas: Sequence[str] = ()) -> None:
        self.typed = typed  # as the user wrote it, for the note that says how it was read
        self.state = state
        self.areas = tuple(areas)  # the OEWS names of the areas meant

    @property
    def label(self) -> str:
        return "; ".join(self.areas) if self.areas else self.state.name if self.state else self.typed

    @property
    def option(self) -> str:
        """The place as the options of `ooh wages` say it: --state TX, --area "Austin-Round Rock-San Marcos, TX"."""
        if self.areas:
            return " ".join(f'--area "{area}"' for area in self.areas)
        return f"--state {self.state.postal}" if self.state else self.typed


def state_named(words: Sequence[str], capitals_only: bool) -> State | None:
    """The state ``words`` name: its name in any case, or its postal code (only in capitals when asked)."""
    text = " ".join(word.strip(",.") for word in words)
    if len(words) == 1 and (text.isupper() or not capitals_only) and text.upper() in BY_POSTAL:
        return BY_POSTAL[text.upper()]
    return _STATE_NAMES.get(text.casefold())


def split_place(text: str, find_areas: Callable[[str], list[str]] | None = None) -> tuple[str, Place | None]:
    """``text`` without the place at its end, and the place; (text, None) when it names none.

    After "in": a state by name or postal code, or an area ``find_areas`` knows ("in austin", "in Austin TX").
    Without "in": a state's name, or a postal code in capitals ("electricians TX"), after at least one word.
    """
    words = text.split()
    lowered = [word.casefold() for word in words]
    if "in" in lowered[1:]:
        cut = len(lowered) - 1 - lowered[::-1].index("in")
        if 0 < cut < len(words) - 1:
            after = words[cut + 1 :]
            state = state_named(after, capitals_only=False)
            typed = " ".join(words[cut:])
            if state is not None:
                return " ".join(words[:cut]), Place(typed, state)
            if find_areas is not None:
                try:
                    areas = find_areas(" ".join(after))
                except NotFoundError:
                    areas = []
                if areas:
                    return " ".join(words[:cut]), Place(typed, None, areas)
    for size in range(min(_STATE_WORDS, len(words) - 1), 0, -1):
        state = state_named(words[-size:], capitals_only=True)
        rest = words[:-size]
        if rest and rest[-1].casefold() == "in":  # "in TX": an "in" the branch above did not take (it was first)
            rest = rest[:-1]
        if state is not None and rest:
            return " ".join(rest), Place(" ".join(words[-size:]), state)
    return text, None
