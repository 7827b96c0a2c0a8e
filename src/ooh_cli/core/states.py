"""The states of OEWS (the 50, DC, Puerto Rico, Guam and the Virgin Islands): postal code, name, FIPS code."""

from __future__ import annotations

from typing import NamedTuple

from ooh_cli.core.errors import UsageError
from ooh_cli.core.names import fold


class State(NamedTuple):
    postal: str
    name: str
    fips: str


# Data: the postal and FIPS codes of every area OEWS publishes as a state, in postal-code order.
_TABLE = (
    "AK:Alaska:02|AL:Alabama:01|AR:Arkansas:05|AZ:Arizona:04|CA:California:06|CO:Colorado:08|CT:Connecticut:09|"
    "DC:District of Columbia:11|DE:Delaware:10|FL:Florida:12|GA:Georgia:13|GU:Guam:66|HI:Hawaii:15|IA:Iowa:19|"
    "ID:Idaho:16|IL:Illinois:17|IN:Indiana:18|KS:Kansas:20|KY:Kentucky:21|LA:Louisiana:22|MA:Massachusetts:25|"
    "MD:Maryland:24|ME:Maine:23|MI:Michigan:26|MN:Minnesota:27|MO:Missouri:29|MS:Mississippi:28|MT:Montana:30|"
    "NC:North Carolina:37|ND:North Dakota:38|NE:Nebraska:31|NH:New Hampshire:33|NJ:New Jersey:34|"
    "NM:New Mexico:35|NV:Nevada:32|NY:New York:36|OH:Ohio:39|OK:Oklahoma:40|OR:Oregon:41|PA:Pennsylvania:42|"
    "PR:Puerto Rico:72|RI:Rhode Island:44|SC:South Carolina:45|SD:South Dakota:46|TN:Tennessee:47|TX:Texas:48|"
    "UT:Utah:49|VA:Virginia:51|VI:Virgin Islands:78|VT:Vermont:50|WA:Washington:53|WI:Wisconsin:55|"
    "WV:West Virginia:54|WY:Wyoming:56"
)
STATES: tuple[State, ...] = tuple(State(*entry.split(":")) for entry in _TABLE.split("|"))
BY_POSTAL = {state.postal: state for state in STATES}
BY_FIPS = {state.fips: state for state in STATES}


class StateError(UsageError):
    """A --state value that names no state: a usage error listing the valid codes."""


def find_state(text: str, option: str = "--state") -> State:
    """A state by postal code or name, in any case ("tx", "Texas", "new-york")."""
    key = fold(text)
    for state in STATES:
        if key in (state.postal.casefold(), fold(state.name)):
            return state
    codes = " ".join(state.postal for state in STATES)
    raise StateError(f"{option}: {text.strip()!r} is not a state; expected a postal code or a state name: {codes}")


def find_states(texts: list[str] | None, option: str = "--state") -> list[State]:
    """States for repeated or comma-separated values, each once, in the order given."""
    found: list[State] = []
    for text in texts or []:
        if not text.strip(", \t\n"):
            # `--state ""` (an unset shell variable, say) asks for no state: say so rather than show the nation.
            raise StateError(f"{option}: empty; expected a postal code or a state name such as TX or texas")
        for part in text.split(","):
            if part.strip():
                state = find_state(part, option)
                if state not in found:
                    found.append(state)
    return found
