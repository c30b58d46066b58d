"""County populations for coverage figures: the bundled 1395 census file, or a newer one.

The file is CSV with `#` comment lines naming its source first, then a header with
`county_fa` and a `population...` column. Which file the laptop uses is its own setting
(services/overview/population.py); the server uses the bundled one.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from inspector_app.domain.persian import normalize_letters, to_latin_digits
from inspector_app.errors import QT_TRANSLATE_NOOP, InvalidImport
from inspector_app.paths import resource

BUNDLED = resource("data", "bushehr-county-population-1395.csv")


@dataclass(frozen=True)
class Population:
    by_county: dict[str, int]  # Persian county name → people
    source: str  # the comment lines of the file, joined
    path: Path

    @property
    def total(self) -> int:
        return sum(self.by_county.values())


def parse(path: Path) -> Population:
    """Read and check a population file; InvalidImport says what is wrong and where."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "پروندهٔ جمعیت خوانده نشد: {reason}"),
            where=str(path),
            reason=exc,
        ) from exc
    comments = [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    reader = csv.DictReader(io.StringIO(body))
    fields = reader.fieldnames or []
    count_column = next((c for c in fields if c.strip().startswith("population")), None)
    if "county_fa" not in fields or count_column is None:
        raise InvalidImport(
            QT_TRANSLATE_NOOP(
                "Errors", "پروندهٔ جمعیت باید ستون‌های county_fa و population داشته باشد"
            ),
            where=str(path),
        )
    if not comments:
        raise InvalidImport(
            QT_TRANSLATE_NOOP(
                "Errors", "منبع آمار در پرونده نیامده است (سطرهای آغازشده با # در ابتدای پرونده)"
            ),
            where=str(path),
        )
    by_county: dict[str, int] = {}
    for line_no, row in enumerate(reader, start=len(comments) + 2):
        county = normalize_letters((row.get("county_fa") or "").strip())
        raw = to_latin_digits((row.get(count_column) or "").strip())
        raw = raw.replace(",", "").replace("٬", "")  # thousands separators, Latin or Persian
        if not county or not raw.isdigit() or int(raw) <= 0:
            raise InvalidImport(
                QT_TRANSLATE_NOOP("Errors", "نام شهرستان یا جمعیت نامعتبر است"),
                where=f"{path}:{line_no}",
            )
        if county in by_county:
            raise InvalidImport(
                QT_TRANSLATE_NOOP("Errors", "شهرستان {county} دو بار آمده است"),
                where=f"{path}:{line_no}",
                county=county,
            )
        by_county[county] = int(raw)
    if not by_county:
        raise InvalidImport(
            QT_TRANSLATE_NOOP("Errors", "پروندهٔ جمعیت هیچ سطری ندارد"), where=str(path)
        )
    return Population(by_county, " ".join(comments), path)
