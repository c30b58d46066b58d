"""Build a large, realistic inspections database for the overview benchmark and screenshots.

The demo registry (65 offices in the ten counties) and the bundled forms, with N inspections
spread over two Jalali years: each refers to its real form snapshot, answers to every yes/no
checklist item (repeat 0), cached score, grade, critical failures, satisfaction and failed item
ids. Rows are inserted directly (one transaction, no audit entries): the point is the volume.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from inspector_app import paths  # noqa: E402
from inspector_app.domain.forms import load_forms, newest_form_for  # noqa: E402
from inspector_app.domain.scoring import grade_for  # noqa: E402
from inspector_app.services.context import open_context  # noqa: E402

# Counties differ in how well their offices keep the rules (share of «yes» answers).
COUNTY_QUALITY = {
    "بوشهر": 0.86, "دشتستان": 0.78, "دشتی": 0.7, "دیلم": 0.74, "دیر": 0.66,
    "گناوه": 0.8, "جم": 0.83, "کنگان": 0.75, "تنگستان": 0.62, "عسلویه": 0.72,
}  # fmt: skip


def build(data_dir: Path, count: int, *, seed: int = 1403, end: dt.date | None = None) -> Path:
    """A data folder at `data_dir` holding `count` inspections; returns the database path."""
    ctx = open_context(data_dir)  # migrated schema + demo registry
    ctx.close()
    db_path = paths.database_path(data_dir)
    forms = load_forms([paths.BUNDLED_FORMS]).forms
    rng = random.Random(seed)
    end = end or dt.date(2025, 3, 20)  # the last day of 1403
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA synchronous = OFF")
    offices = conn.execute("SELECT code, type, county, status FROM offices").fetchall()
    offices = [o for o in offices if o[3] != "pending"]
    snapshots = {}
    for office_type in ("pishkhan", "police10", "brokerage"):
        loaded = newest_form_for(forms, office_type)
        assert loaded is not None
        yesno = [i for i in loaded.form.checklist_items() if i.type == "yesno"]
        snapshots[office_type] = (loaded, yesno)
        conn.execute(
            "INSERT OR IGNORE INTO form_snapshots (sha256, form_id, version, document, created_at)"
            " VALUES (?, ?, ?, ?, '2025-01-01T00:00:00Z')",
            [loaded.sha256, loaded.form.id, loaded.form.version,
             json.dumps(loaded.document, ensure_ascii=False, sort_keys=True)],
        )  # fmt: skip
    with conn:
        inspections = []
        answers = []
        for _ in range(count):
            code, office_type, county, _status = rng.choice(offices)
            loaded, yesno = snapshots[office_type]
            quality = COUNTY_QUALITY.get(county, 0.75) + rng.uniform(-0.15, 0.1)
            day = end - dt.timedelta(days=rng.randrange(730))
            iid = str(uuid.UUID(int=rng.getrandbits(128)))
            weight = got = 0.0
            critical = 0
            failed = []
            for item in yesno:
                # Critical items (licence, tariffs) fail less often than the rest.
                keep = 1 - (1 - quality) / 3 if item.critical else quality
                value = "yes" if rng.random() < keep else "no"
                if rng.random() < 0.04:
                    value = "na"
                answers.append((iid, item.id, 0, json.dumps(value), "", "2025-01-01T00:00:00Z"))
                if value == "no":
                    failed.append(item.id)
                if value != "na":
                    weight += item.weight
                    got += item.weight * (value == "yes")
                    critical += item.critical and value == "no"
            score = 100.0 * got / weight if weight else None
            satisfaction = min(100.0, max(0.0, rng.gauss(quality * 90, 12)))
            status = rng.choices(["finalized", "synced", "draft"], [5, 4, 1])[0]
            inspections.append(
                (iid, code, "{}", loaded.form.id, loaded.form.version, loaded.sha256, "draft",
                 "2025-01-01T00:00:00Z", "2025-01-01T00:00:00Z", day.isoformat(), score,
                 grade_for(score, critical > 0), critical, satisfaction, " ".join(failed), status)
            )  # fmt: skip
        conn.executemany(
            "INSERT INTO inspections (id, office_code, office_snapshot, form_id, form_version, "
            "form_sha256, status, created_at, updated_at, visit_date, score, "
            "grade, critical_failed, satisfaction, failed_item_ids) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [row[:-1] for row in inspections],
        )
        conn.executemany(
            "INSERT INTO answers (inspection_id, item_id, repeat_index, value, note, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            answers,
        )
        # Finish them only now: answers cannot be added to a finalized inspection.
        conn.executemany(
            "UPDATE inspections SET status = ? WHERE id = ?",
            [("finalized", row[0]) for row in inspections if row[-1] != "draft"],
        )
        conn.executemany(
            "UPDATE inspections SET status = 'synced' WHERE id = ?",
            [(row[0],) for row in inspections if row[-1] == "synced"],
        )
    conn.execute("ANALYZE")
    conn.close()
    return db_path


if __name__ == "__main__":
    target = Path(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    print(build(target, n))
