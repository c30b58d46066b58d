"""Revision 0006: the «no» answers summed per Jalali month. A server upgraded from 0005 holds
its month sums per Gregorian month; the upgrade rebuilds them per Jalali month from the failed
answers held, and ingest goes on adding to the same keys."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from alembic import command
from sqlalchemy import Engine, text

from inspector_app.domain.jalali import jalali_month
from inspector_app.server import figure_counts, schema
from inspector_app.server.database import database_url, make_engine
from inspector_app.server.migrations.versions.r0003_figure_counts import _FILL_MONTHS

_INSERT = text(
    "INSERT INTO inspections (id, canonical_sha256, source, signer_fingerprint, "
    "signer_key_sha256, signer_issued, inspector_name, office_code, office_type, county, "
    "visit_date, form_id, form_version, critical_failures, pdf_sha256, canonical_json, "
    "received_at) VALUES (:id, :sha, 'sync', 'f', 'k', FALSE, 'x', 'A', 'pishkhan', 'بوشهر', "
    ":day, 'f', 1, 0, :sha, '{}', '2024-10-02T00:00:00Z')"
)
# Either side of Nowruz (1403-01-01 = 2024-03-20) and of 1403-07-01 (2024-09-22).
DAYS = ["2024-03-05", "2024-03-19", "2024-03-20", "2024-03-31", "2024-04-19", "2024-09-22"]


def months(engine: Engine) -> Counter[str]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT month, SUM(failed) FROM figure_failed_months GROUP BY month")
        ).all()
    return Counter({str(month): int(failed) for month, failed in rows})


def test_the_upgrade_sums_the_no_answers_per_jalali_month(
    fresh_db: str | None, tmp_path: Path
) -> None:
    engine = make_engine(database_url(tmp_path, fresh_db))
    try:
        with engine.begin() as conn:
            command.upgrade(schema._config(conn), "0005")
            for n, day in enumerate(DAYS):
                conn.execute(_INSERT, {"id": f"i{n}", "sha": "0" * 64, "day": day})
                for item in ["a", "b"][: n % 2 + 1]:
                    conn.execute(
                        text("INSERT INTO failed_answers VALUES (:id, :item, 'text')"),
                        {"id": f"i{n}", "item": item},
                    )
            conn.execute(text(_FILL_MONTHS))  # as revision 0003 summed them
        assert months(engine) == Counter({"2024-03": 6, "2024-04": 1, "2024-09": 2})

        schema.upgrade(engine)
        expected: Counter[str] = Counter()
        for n, day in enumerate(DAYS):
            expected[jalali_month(day)] += n % 2 + 1
        assert expected == Counter({"1402-12": 3, "1403-01": 4, "1403-07": 2})
        assert months(engine) == expected

        # Ingest adds to the same Jalali months.
        with engine.begin() as conn:
            conn.execute(_INSERT, {"id": "new", "sha": "1" * 64, "day": "2024-04-01"})
            row = conn.execute(text("SELECT * FROM inspections WHERE id = 'new'")).mappings().one()
            figure_counts.add(conn, row, [("a", "text")])
        assert months(engine) == expected + Counter({"1403-01": 1})
    finally:
        engine.dispose()
