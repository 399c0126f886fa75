"""Rows: a finished table as plain Python values, rendered and cached without pandas.

Tables are built with pandas (``tables.py``); what the CLI prints, filters and caches in the
store is this light form, so a cached query never imports pandas.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

Row = tuple[Any, ...]


def _plain(value: Any) -> Any:
    """A numpy scalar as the Python value; NaN and pandas' missing values as None."""
    if value is None:
        return None
    item = getattr(value, "item", None)
    if item is not None and not isinstance(value, str):
        value = item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if not isinstance(value, (str, int, float, bool)):
        return None if _is_missing(value) else str(value)
    return value


def _is_missing(value: Any) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


@dataclass(frozen=True)
class Rows:
    """Column names, which columns are numeric, and the rows as tuples of Python values."""

    columns: tuple[str, ...]
    numeric: tuple[bool, ...]
    data: tuple[Row, ...]

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> Rows:
        """The rows of a DataFrame (numeric columns by dtype; bool counts as numeric)."""
        import pandas as pd

        columns = tuple(str(c) for c in frame.columns)
        numeric = tuple(bool(pd.api.types.is_numeric_dtype(frame[c])) for c in frame.columns)
        data = tuple(
            tuple(_plain(v) for v in row) for row in frame.itertuples(index=False, name=None)
        )
        return cls(columns, numeric, data)

    def to_frame(self) -> pd.DataFrame:
        """The rows as a DataFrame."""
        import pandas as pd

        return pd.DataFrame(list(self.data), columns=list(self.columns))

    def __len__(self) -> int:
        return len(self.data)

    def __iter__(self) -> Iterator[Row]:
        return iter(self.data)

    def index(self, column: str) -> int:
        return self.columns.index(column)

    def column(self, name: str) -> list[Any]:
        """The values of one column."""
        i = self.index(name)
        return [row[i] for row in self.data]

    def records(self) -> Iterator[dict[str, Any]]:
        """Each row as {column: value}."""
        return (dict(zip(self.columns, row, strict=True)) for row in self.data)

    def where(self, column: str, keep: Callable[[Any], bool]) -> Rows:
        """The rows whose value in ``column`` passes ``keep``."""
        i = self.index(column)
        return Rows(self.columns, self.numeric, tuple(r for r in self.data if keep(r[i])))

    def isin(self, column: str, values: Sequence[Any] | set[Any]) -> Rows:
        """The rows whose value in ``column`` is one of ``values``."""
        wanted = set(values)
        return self.where(column, lambda v: v in wanted)

    def head(self, n: int) -> Rows:
        return Rows(self.columns, self.numeric, self.data[:n])

    def to_json(self) -> str:
        """A compact JSON form for the store's table cache."""
        return json.dumps(
            {"columns": self.columns, "numeric": self.numeric, "data": self.data},
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> Rows:
        payload = json.loads(text)
        return cls(
            tuple(payload["columns"]),
            tuple(payload["numeric"]),
            tuple(tuple(row) for row in payload["data"]),
        )


def as_rows(table: Rows | pd.DataFrame) -> Rows:
    """Rows as they are, a DataFrame converted."""
    return table if isinstance(table, Rows) else Rows.from_frame(table)
