"""``Record``: ``typing.NamedTuple`` to type checkers, a lighter class of the same tuples at run time.

``typing.NamedTuple`` makes each class through ``collections.namedtuple``, which compiles code with ``eval``:
about 0.2 ms a class, and `ooh show` defines some thirty classes before it prints a line. A Record class is
the same immutable tuple, with the same field names, defaults, repr and equality, made several times faster.
Declare one exactly like a NamedTuple, in a module with ``from __future__ import annotations`` (the field
names come from the class body's ``__annotations__``, which Python 3.14 no longer fills eagerly otherwise):

    class Pay(Record):
        year: int | None = None
        median_annual: float | None = None

``to_plain`` and ``from_plain`` turn records into nested plain tuples and back, so that the cache can store
them with ``marshal``, which reads faster than pickle and, unlike it, never runs code named in the file.
"""

from __future__ import annotations

import re
import sys
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

__all__ = ["Record", "from_plain", "to_plain"]

R = TypeVar("R", bound=tuple[Any, ...])


# The read-only accessor of field 0, 1, 2...: one for every class, as they only differ by position.
_ACCESSORS: list[property] = []


class _RecordType(type):
    """Turns the annotated names of a class body into tuple fields with read-only accessors."""

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> type:
        if not any(isinstance(base, _RecordType) for base in bases):
            return super().__new__(mcs, name, bases, namespace)  # the base class itself
        fields = tuple(namespace.get("__annotations__", ()))
        defaults = {field: namespace.pop(field) for field in fields if field in namespace}
        namespace.update(__slots__=(), _fields=fields, _field_defaults=defaults)
        while len(_ACCESSORS) < len(fields):
            _ACCESSORS.append(property(itemgetter(len(_ACCESSORS))))
        namespace.update(zip(fields, _ACCESSORS[: len(fields)], strict=True))
        return super().__new__(mcs, name, bases, namespace)


class _Record(tuple[Any, ...], metaclass=_RecordType):
    __slots__ = ()
    _fields: tuple[str, ...]
    _field_defaults: dict[str, Any]

    def __new__(cls, *args: Any, **kwargs: Any) -> _Record:
        if kwargs or len(args) != len(cls._fields):
            args = cls._arguments(args, kwargs)
        return tuple.__new__(cls, args)

    @classmethod
    def _arguments(cls, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
        """All fields' values from positional and keyword arguments and the defaults, as a call would check them."""
        fields = cls._fields
        if len(args) > len(fields):
            raise TypeError(f"{cls.__name__}() takes {len(fields)} arguments but {len(args)} were given")
        values = list(args)
        for field in fields[len(args) :]:
            if field in kwargs:
                values.append(kwargs.pop(field))
            elif field in cls._field_defaults:
                values.append(cls._field_defaults[field])
            else:
                raise TypeError(f"{cls.__name__}() missing required argument: {field!r}")
        for field in kwargs:
            problem = "got multiple values for argument" if field in fields else "got an unexpected keyword argument"
            raise TypeError(f"{cls.__name__}() {problem} {field!r}")
        return tuple(values)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{f}={v!r}' for f, v in zip(self._fields, self, strict=True))})"

    def _asdict(self) -> dict[str, Any]:
        return dict(zip(self._fields, self, strict=True))


if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:
    Record = _Record


def to_plain(value: Any) -> Any:
    """Records, and tuples of them, as plain nested tuples."""
    return tuple(map(to_plain, value)) if isinstance(value, tuple) else value


# Per record class, the fields holding records: (position, record class, is a tuple of them).
_nested: dict[type, list[tuple[int, type, bool]]] = {}


def _nested_fields(cls: type) -> list[tuple[int, type, bool]]:
    """Read from the field annotations, which are strings (see the module docstring), in the class's module.

    A field may hold a record as `Pay`, `Pay | None` or `tuple[Share, ...]`.
    """
    namespace = vars(sys.modules[cls.__module__])
    found: list[tuple[int, type, bool]] = []
    for position, annotation in enumerate(cls.__annotations__.values()):
        inner = annotation.removesuffix(" | None")
        many = inner == annotation and inner.startswith("tuple[") and inner.endswith(", ...]")
        kind = namespace.get(inner[len("tuple[") : -len(", ...]")] if many else inner)
        if isinstance(kind, _RecordType):
            found.append((position, kind, many))
        elif any(isinstance(namespace.get(name), _RecordType) for name in re.findall(r"\w+", annotation)):
            raise TypeError(f"{cls.__name__}: cannot rebuild records from a field annotated {annotation!r}")
    return found


def from_plain(cls: type[R], row: tuple[Any, ...]) -> R:
    """The ``cls`` record that ``to_plain`` made ``row`` from, nested records included."""
    nested = _nested.get(cls)
    if nested is None:
        nested = _nested[cls] = _nested_fields(cls)
    if nested:
        values = list(row)
        for position, kind, many in nested:
            value = values[position]
            if many:
                values[position] = tuple([from_plain(kind, item) for item in value])
            elif value is not None:
                values[position] = from_plain(kind, value)
        row = tuple(values)
    return tuple.__new__(cls, row)
