"""Received inspections for the console: filters, sorting and paging over the `inspections`
table joined to the review state, and one inspection with what its page shows.

Paging is by offset with a count: a supervisor jumps to a page and sees how many there are.
Each sort key has an index with the id as tie-break, and each filter's index carries the time
received (the default order) (console/review_tables.py), so the page's ids are an index walk,
its 50 rows are read by id, and the count is an index scan, also on 200,000 rows.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.sql import ColumnElement, Select

from inspector_app.domain import vocabulary
from inspector_app.domain.jalali import parse_jalali_date
from inspector_app.domain.persian import normalize_letters
from inspector_app.server import publish
from inspector_app.server.console.review import STATES
from inspector_app.server.console.review_tables import review_states_t
from inspector_app.server.database import failed_answers_t, inspection_files_t, inspections_t
from inspector_app.server.figures import registry_offices

PAGE_SIZE = 50
SORTS = {
    "date": inspections_t.c.visit_date,
    "score": inspections_t.c.compliance,
    "office": inspections_t.c.office_code,
    "inspector": inspections_t.c.inspector_name,
    "received": inspections_t.c.received_at,
}
SORT_LABELS = {
    "date": "تاریخ بازدید",
    "score": "امتیاز",
    "office": "دفتر",
    "inspector": "بازرس",
    "received": "زمان دریافت",
}
_STATE = func.coalesce(review_states_t.c.state, "received")


@dataclass(frozen=True)
class ListQuery:
    """What the list shows, from the page's query string (validated by `parse`)."""

    county: str = ""
    office_type: str = ""
    office_code: str = ""
    inspector: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    grade: str = ""
    state: str = ""
    sort: str = "received"
    descending: bool = True
    page: int = 1
    page_size: int = PAGE_SIZE
    errors: list[str] = field(default_factory=list)

    def with_page(self, page: int) -> ListQuery:
        return replace(self, page=page)


def _clean(text: str | None, limit: int = 200) -> str:
    text = (text or "").strip()[:limit]
    return "".join(ch for ch in text if ord(ch) >= 32)


def parse(params: dict[str, str]) -> ListQuery:
    """The query from form fields; a bad value is dropped and named in `errors` (Persian)."""
    errors: list[str] = []
    days: list[dt.date | None] = []
    for name, label in (("from", "از تاریخ"), ("to", "تا تاریخ")):
        text = _clean(params.get(name))
        try:
            days.append(parse_jalali_date(text) if text else None)
        except ValueError:
            errors.append(f"«{label}» باید تاریخ شمسی به شکل ۱۴۰۳-۰۱-۰۱ باشد: «{text}»")
            days.append(None)
    if days[0] and days[1] and days[0] > days[1]:
        errors.append("«از تاریخ» پس از «تا تاریخ» است")
        days = [None, None]
    office_type = _clean(params.get("office_type"))
    if office_type and office_type not in vocabulary.OFFICE_TYPES:
        errors.append("نوع دفتر ناشناخته است")
        office_type = ""
    grade = _clean(params.get("grade"))
    if grade and grade not in vocabulary.GRADE_LABELS:
        errors.append("رتبه ناشناخته است")
        grade = ""
    state = _clean(params.get("state"))
    if state and state not in STATES:
        errors.append("وضعیت بررسی ناشناخته است")
        state = ""
    sort = _clean(params.get("sort")) or "received"
    if sort not in SORTS:
        sort = "received"
    try:
        page = max(1, min(int(params.get("page") or 1), 1_000_000))
    except ValueError:
        page = 1
    county = _clean(params.get("county"))
    return ListQuery(
        county=normalize_letters(county) if county else "",
        office_type=office_type,
        office_code=_clean(params.get("office"), 64),
        inspector=_clean(params.get("inspector")),
        date_from=days[0],
        date_to=days[1],
        grade=grade,
        state=state,
        sort=sort,
        descending=params.get("order", "desc") != "asc",
        page=page,
        errors=errors,
    )


def _conditions(q: ListQuery) -> list[ColumnElement[bool]]:
    c = inspections_t.c
    found: list[ColumnElement[bool]] = []
    for column, value in (
        (c.county, q.county),
        (c.office_type, q.office_type),
        (c.office_code, q.office_code),
        (c.inspector_name, q.inspector),
        (c.grade, q.grade),
    ):
        if value:
            found.append(column == value)
    if q.date_from:
        found.append(c.visit_date >= q.date_from.isoformat())
    if q.date_to:
        found.append(c.visit_date <= q.date_to.isoformat())
    if q.state == "received":  # no state row: PostgreSQL makes this an anti-join
        found.append(review_states_t.c.inspection_id.is_(None))
    elif q.state:
        found.append(review_states_t.c.state == q.state)
    return found


def _count(conn: Any, q: ListQuery) -> int:
    """How many match. The review state is joined only when it is filtered on (at most one
    state row per inspection, so it never changes the count otherwise); "received" (no state
    row) is all that match less those with one, each count an index walk, where an outer join
    would look up every row."""
    if not q.state:
        stmt = select(func.count()).select_from(inspections_t).where(*_conditions(q))
        return int(conn.execute(stmt).scalar_one())
    others = _conditions(replace(q, state=""))
    # Each state row names a held inspection (a foreign key): with no other filter, the
    # states alone are counted.
    reviewed = (
        select(func.count())
        .select_from(
            inspections_t.join(
                review_states_t, review_states_t.c.inspection_id == inspections_t.c.id
            )
            if others
            else review_states_t
        )
        .where(*others)
    )
    if q.state != "received":
        reviewed = reviewed.where(review_states_t.c.state == q.state)
        return int(conn.execute(reviewed).scalar_one())
    return _count(conn, replace(q, state="")) - int(conn.execute(reviewed).scalar_one())


def _joined(columns: list[Any], q: ListQuery) -> Select[Any]:
    return (
        select(*columns)
        .select_from(
            inspections_t.outerjoin(
                review_states_t, review_states_t.c.inspection_id == inspections_t.c.id
            )
        )
        .where(*_conditions(q))
    )


@dataclass(frozen=True)
class Row:
    id: str
    visit_date: str
    office_code: str
    office_name: str
    office_type: str
    county: str
    inspector_name: str
    compliance: float | None
    grade: str | None
    critical_failures: int
    received_at: str
    state: str
    signer_issued: bool


@dataclass(frozen=True)
class Page:
    rows: list[Row]
    total: int
    query: ListQuery

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.page_size))


_LIST_COLUMNS = [
    inspections_t.c.id,
    inspections_t.c.visit_date,
    inspections_t.c.office_code,
    inspections_t.c.office_type,
    inspections_t.c.county,
    inspections_t.c.inspector_name,
    inspections_t.c.compliance,
    inspections_t.c.grade,
    inspections_t.c.critical_failures,
    inspections_t.c.received_at,
    _STATE.label("state"),
    inspections_t.c.signer_issued,
]


def office_names(engine: Engine) -> dict[str, str]:
    """Office code → name from the registry the server publishes."""
    published = publish.registry(engine)
    offices = registry_offices(published[0] if published else None)
    return {str(o["code"]): str(o.get("name") or "") for o in offices}


def ordered(q: ListQuery, select_: Select[Any]) -> Select[Any]:
    key, tie = SORTS[q.sort], inspections_t.c.id
    if q.descending:
        return select_.order_by(key.desc(), tie.desc())
    return select_.order_by(key.asc(), tie.asc())


def _page_ids(q: ListQuery) -> Select[Any]:
    """The ids on the page alone: the walk over the sort key's index to the page's offset
    reads index entries, not rows (a row is mostly its canonical JSON, which SQLite keeps
    inline, so each one read costs several pages)."""
    on_state = review_states_t.c.inspection_id == inspections_t.c.id
    source: Any = inspections_t
    if q.state == "received":  # no state row
        source = inspections_t.outerjoin(review_states_t, on_state)
    elif q.state:
        source = inspections_t.join(review_states_t, on_state)
    found = select(inspections_t.c.id).select_from(source).where(*_conditions(q))
    if q.sort == "received" and (q.date_from or q.date_to):
        # Inspections arrive soon after their visit: a visit-date range is a run of the
        # received order, which PostgreSQL's planner, taking the two as independent, would
        # walk to from the newest end. Filter first (OFFSET 0 keeps it a subquery), then sort.
        inner = found.add_columns(inspections_t.c.received_at).offset(0).subquery()
        found = select(inner.c.id).select_from(inner)
        key, tie = inner.c.received_at, inner.c.id
        order = (key.desc(), tie.desc()) if q.descending else (key.asc(), tie.asc())
        return found.order_by(*order).limit(q.page_size).offset((q.page - 1) * q.page_size)
    return ordered(q, found).limit(q.page_size).offset((q.page - 1) * q.page_size)


def list_page(engine: Engine, q: ListQuery, names: dict[str, str] | None = None) -> Page:
    names = office_names(engine) if names is None else names
    with engine.connect() as conn:
        total = _count(conn, q)
        last = max(1, -(-total // q.page_size))
        q = q.with_page(min(q.page, last))
        ids = list(conn.execute(_page_ids(q)).scalars())
        found = conn.execute(
            select(*_LIST_COLUMNS)
            .select_from(
                inspections_t.outerjoin(
                    review_states_t, review_states_t.c.inspection_id == inspections_t.c.id
                )
            )
            .where(inspections_t.c.id.in_(ids))
        ).all()
    by_id = {r[0]: r for r in found}
    return Page([_row(by_id[i], names) for i in ids if i in by_id], total, q)


def _row(r: Any, names: dict[str, str]) -> Row:
    return Row(
        id=r[0],
        visit_date=r[1],
        office_code=r[2],
        office_name=names.get(r[2], ""),
        office_type=r[3],
        county=r[4],
        inspector_name=r[5],
        compliance=r[6],
        grade=r[7],
        critical_failures=int(r[8] or 0),
        received_at=r[9],
        state=r[10],
        signer_issued=bool(r[11]),
    )


def all_rows(engine: Engine, q: ListQuery, batch: int = 2000) -> Any:
    """Every row the filters match, in the list's order, read in batches (for exports)."""
    names = office_names(engine)
    with engine.connect() as conn:
        result = conn.execution_options(yield_per=batch).execute(
            ordered(q, _joined(_LIST_COLUMNS, q))
        )
        for r in result:
            yield _row(r, names)


def choices(engine: Engine) -> dict[str, list[str]]:
    """The values the filter's drop-downs offer: counties and inspectors held."""
    c = inspections_t.c
    with engine.connect() as conn:
        counties = conn.execute(select(c.county).distinct().order_by(c.county)).scalars().all()
        people = (
            conn.execute(select(c.inspector_name).distinct().order_by(c.inspector_name))
            .scalars()
            .all()
        )
    return {"counties": [x for x in counties if x], "inspectors": [x for x in people if x]}


# --- one inspection -------------------------------------------------------------------------


@dataclass(frozen=True)
class Detail:
    row: dict[str, Any]
    document: dict[str, Any]  # the canonical JSON, parsed
    files: dict[str, str]  # name → sha256 in the file store
    failed: list[tuple[str, str]]  # (item id, item text)
    office_name: str


def detail(engine: Engine, inspection_id: str) -> Detail | None:
    with engine.connect() as conn:
        row = (
            conn.execute(select(inspections_t).where(inspections_t.c.id == inspection_id))
            .mappings()
            .first()
        )
        if row is None:
            return None
        files = dict(
            conn.execute(
                select(inspection_files_t.c.name, inspection_files_t.c.sha256).where(
                    inspection_files_t.c.inspection_id == inspection_id
                )
            ).all()
        )
        failed = [
            (str(a), str(b))
            for a, b in conn.execute(
                select(failed_answers_t.c.item_id, failed_answers_t.c.item_text)
                .where(failed_answers_t.c.inspection_id == inspection_id)
                .order_by(failed_answers_t.c.item_id)
            ).all()
        ]
    document = json.loads(row["canonical_json"])
    office = document.get("office") if isinstance(document.get("office"), dict) else {}
    return Detail(dict(row), document, files, failed, str(office.get("name") or ""))
