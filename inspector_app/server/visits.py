"""The visit plan: offices the governorate assigns to inspectors, each with a due date.

An assignment names an office of the published registry and an inspector the server knows by
personnel number (from a certificate it issued or an enrolment code it made), optionally the
form to use and a note. It is open until that inspector's inspection of that office, dated on
or after the day it was assigned, is stored (`close_for_inspection`, in ingest's transaction:
the inspector is the one in the certificate of the key that signed the report), or until a
person cancels it. Laptops get their inspector's open ones and those closed in the last 30
days (`GET /v1/visits`); a USB updates bundle carries every open one.

Due dates are calendar days in Iran: an assignment is overdue once its due date is before
today in Asia/Tehran.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, and_, or_, select, update

from inspector_app.domain.jalali import jalali_date, tehran_today, to_iso, utc_now, utc_now_iso
from inspector_app.domain.persian import to_latin_digits, to_persian_digits
from inspector_app.domain.visit_plan import NOTE_MAX, STATES, VisitAssignment
from inspector_app.server import published
from inspector_app.server.database import certificates_t, enrol_codes_t, visit_assignments_t
from inspector_app.server.visit_csv import PlanLine, PlanRefused, parse_plan, read_plan, shown

log = logging.getLogger("inspector_server")
RECENT = dt.timedelta(days=30)  # how long a closed assignment still goes to its laptop
STATE_LABELS: dict[str, str] = {"open": "باز", "done": "انجام‌شده", "cancelled": "لغوشده"}
assert set(STATE_LABELS) == set(STATES)
_t = visit_assignments_t


@dataclass(frozen=True)
class Inspector:
    personnel_no: str
    name: str


@dataclass(frozen=True)
class PlanRow:
    """An assignment as the console lists it, with its office as the registry names it."""

    assignment: VisitAssignment
    office_name: str
    county: str
    overdue: bool

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.assignment.state]


@dataclass(frozen=True)
class _Known:
    """What an assignment is checked against: the registry, the inspectors, the forms."""

    offices: dict[str, dict[str, Any]]
    inspectors: dict[str, str]
    forms: dict[str, dict[str, Any]]
    today: dt.date


def inspectors(db: Engine | Connection) -> list[Inspector]:
    """The inspectors known by personnel number, by name: each number with the name of its
    newest certificate, else of its newest enrolment code."""
    names: dict[str, str] = {}
    queries = (
        select(certificates_t.c.personnel_no, certificates_t.c.holder_name).order_by(
            certificates_t.c.issued_at
        ),
        select(enrol_codes_t.c.personnel_no, enrol_codes_t.c.inspector_name).order_by(
            enrol_codes_t.c.created_at
        ),
    )
    with _connected(db) as conn:
        certified, coded = (conn.execute(q).all() for q in queries)
    for number, name in coded:
        names[number] = name
    for number, name in certified:  # a certificate's name wins over a code's
        names[number] = name
    return sorted(
        (Inspector(n, name) for n, name in names.items() if n),
        key=lambda i: (i.name, i.personnel_no),
    )


def office_registry(engine: Engine) -> dict[str, dict[str, Any]]:
    """The published registry's offices by code ({} before one is published)."""
    current = published.registry(engine)
    if current is None:
        return {}
    offices = json.loads(current[0]).get("offices", [])
    return {str(o["code"]): o for o in offices if isinstance(o, dict) and "code" in o}


@contextmanager
def _connected(db: Engine | Connection) -> Iterator[Connection]:
    """The connection given, or a new one of the engine given."""
    if isinstance(db, Connection):
        yield db
    else:
        with db.connect() as conn:
            yield conn


def _known(engine: Engine) -> _Known:
    people = {i.personnel_no: i.name for i in inspectors(engine)}
    return _Known(office_registry(engine), people, published.form_heads(engine), tehran_today())


def _checked(
    known: _Known, office_code: str, personnel_no: str, due: dt.date, form_id: str, note: str
) -> dict[str, Any]:
    """The row of a new assignment; PlanRefused saying what is wrong with it."""
    office_code, personnel_no = to_latin_digits(office_code).strip(), normalize_no(personnel_no)
    if not known.offices:
        raise PlanRefused("هنوز فهرست دفترها منتشر نشده است؛ نخست آن را منتشر کنید.")
    office = known.offices.get(office_code)
    if office is None:
        raise PlanRefused("دفتری با کد «{code}» در فهرست منتشرشده نیست.", code=shown(office_code))
    if office.get("status") == "closed":
        raise PlanRefused("دفتر «{code}» بسته است.", code=office_code)
    name = known.inspectors.get(personnel_no)
    if name is None:
        raise PlanRefused(
            "بازرسی با شمارهٔ پرسنلی «{number}» شناخته نیست (نه گواهی و نه کد ثبت دستگاهی "
            "با این شماره صادر شده است).",
            number=shown(personnel_no),
        )
    if due < known.today:
        raise PlanRefused("مهلت {due} گذشته است.", due=jalali_date(due))
    form_id = form_id.strip()
    if form_id:
        form = known.forms.get(form_id)
        if form is None:
            raise PlanRefused("فرمی با شناسهٔ «{form}» منتشر نشده است.", form=shown(form_id))
        if office.get("type") not in form["office_types"]:
            raise PlanRefused("فرم «{form}» برای دفترهای این نوع نیست.", form=form_id)
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise PlanRefused("یادداشت بیش از {limit} نویسه است.", limit=to_persian_digits(NOTE_MAX))
    return {
        "office_code": office_code,
        "personnel_no": personnel_no,
        "inspector_name": name,
        "due_date": due.isoformat(),
        "form_id": form_id,
        "note": note,
    }


def add(
    engine: Engine,
    office_code: str,
    personnel_no: str,
    due_date: dt.date,
    *,
    form_id: str = "",
    note: str = "",
    by: str,
) -> VisitAssignment:
    """Assign an office to an inspector; PlanRefused if it cannot be, or if that inspector
    has that office open already."""
    values = _checked(_known(engine), office_code, personnel_no, due_date, form_id, note)
    with engine.begin() as conn:
        held = _open_pairs(conn, [(values["office_code"], values["personnel_no"])])
        if held:
            raise PlanRefused(
                "این دفتر با مهلت {due} به این بازرس سپرده شده و هنوز باز است.",
                due=jalali_date(dt.date.fromisoformat(next(iter(held.values())))),
            )
        return _insert(conn, values, by)


def import_csv(engine: Engine, path: Path, by: str) -> int:
    """Add the assignments of a plan file, all or none (PlanRefused names the file, the line
    and the reason); those the same inspector has open for the same office already (or that
    the file gives twice) are passed over. Returns how many were added."""
    return _add_lines(engine, read_plan(path), str(path), by)


def import_upload(engine: Engine, data: bytes, name: str, by: str) -> int:
    """`import_csv` of a plan file's bytes (a console upload), refusals naming it `name`."""
    return _add_lines(engine, parse_plan(data, name), name, by)


def _add_lines(engine: Engine, lines: list[PlanLine], where: str, by: str) -> int:
    known = _known(engine)
    rows: list[dict[str, Any]] = []
    for line in lines:
        try:
            rows.append(
                _checked(
                    known, line.office_code, line.personnel_no, line.due, line.form_id, line.note
                )
            )
        except PlanRefused as exc:
            raise PlanRefused(exc.template, where=f"{where}:{line.line}", **exc.params) from None
    added = 0
    with engine.begin() as conn:
        held = set(_open_pairs(conn, [(r["office_code"], r["personnel_no"]) for r in rows]))
        for values in rows:
            pair = (values["office_code"], values["personnel_no"])
            if pair not in held:
                _insert(conn, values, by)
                held.add(pair)
                added += 1
    return added


def _insert(conn: Connection, values: dict[str, Any], by: str) -> VisitAssignment:
    row = {
        **values,
        "id": str(uuid.uuid4()),
        "assigned_at": utc_now_iso(),
        "assigned_by": by,
        "state": "open",
    }
    conn.execute(_t.insert().values(**row))
    return _assignment(row)


def _open_pairs(conn: Connection, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """Of these (office, personnel number) pairs, those with an open assignment: its due date."""
    wanted = set(pairs)
    found: dict[tuple[str, str], str] = {}
    numbers = sorted({number for _office, number in wanted})
    for start in range(0, len(numbers), 500):  # within any database's limit of parameters
        rows = conn.execute(
            select(_t.c.office_code, _t.c.personnel_no, _t.c.due_date).where(
                _t.c.state == "open", _t.c.personnel_no.in_(numbers[start : start + 500])
            )
        ).all()
        found.update({(o, n): d for o, n, d in rows if (o, n) in wanted})
    return found


def cancel(engine: Engine, ident: str, by: str) -> VisitAssignment:
    """Cancel an open assignment; PlanRefused if there is none with this id. Who cancelled it
    is for the audit log and the server's log (`closed_by` names inspections only)."""
    with engine.begin() as conn:
        done = conn.execute(
            update(_t)
            .where(_t.c.id == ident.strip(), _t.c.state == "open")
            .values(state="cancelled", closed_at=utc_now_iso())
        )
        if done.rowcount != 1:
            raise PlanRefused("بازدیدی در برنامه با شناسهٔ «{id}» باز نیست.", id=shown(ident))
        row = conn.execute(select(_t).where(_t.c.id == ident.strip())).mappings().one()
    log.info("visit assignment %s cancelled by %s", row["id"], by)
    return _assignment(row)


def listing(
    engine: Engine,
    *,
    state: str | None = None,
    personnel_no: str | None = None,
    county: str | None = None,
) -> list[PlanRow]:
    """Assignments for the console: the open ones by due date first, then the closed ones,
    latest closed first; with each office's name and county from the registry."""
    offices = office_registry(engine)
    query = select(_t)
    if state:
        query = query.where(_t.c.state == state)
    if personnel_no:
        query = query.where(_t.c.personnel_no == normalize_no(personnel_no))
    if county:
        codes = [code for code, o in offices.items() if o.get("county") == county]
        query = query.where(_t.c.office_code.in_(codes))
    query = query.order_by(
        _t.c.state != "open", _t.c.due_date, _t.c.office_code, _t.c.assigned_at, _t.c.id
    )
    with engine.connect() as conn:
        found = [_assignment(r) for r in conn.execute(query).mappings()]
    open_ones = [a for a in found if a.state == "open"]
    closed = sorted(
        (a for a in found if a.state != "open"), key=lambda a: a.closed_at or "", reverse=True
    )
    today = tehran_today()
    return [
        PlanRow(
            a,
            str(offices.get(a.office_code, {}).get("name", "")),
            str(offices.get(a.office_code, {}).get("county", "")),
            a.state == "open" and a.due < today,
        )
        for a in [*open_ones, *closed]
    ]


def for_personnel(db: Engine | Connection, personnel_no: str) -> list[VisitAssignment]:
    """One inspector's open assignments and those closed in the last `RECENT` days."""
    number = normalize_no(personnel_no)
    if not number:
        return []
    since = to_iso(utc_now() - RECENT)
    query = (
        select(_t)
        .where(
            _t.c.personnel_no == number,
            or_(_t.c.state == "open", and_(_t.c.closed_at.is_not(None), _t.c.closed_at >= since)),
        )
        .order_by(_t.c.due_date, _t.c.office_code, _t.c.id)
    )
    with _connected(db) as conn:
        return [_assignment(r) for r in conn.execute(query).mappings()]


def all_open(engine: Engine) -> list[VisitAssignment]:
    """Every inspector's open assignments (the USB updates bundle's plan)."""
    query = (
        select(_t)
        .where(_t.c.state == "open")
        .order_by(_t.c.personnel_no, _t.c.due_date, _t.c.office_code, _t.c.id)
    )
    with engine.connect() as conn:
        return [_assignment(r) for r in conn.execute(query).mappings()]


def close_for_inspection(
    conn: Connection,
    personnel_no: str,
    office_code: str,
    visit_date: str,
    inspection_id: str,
    at: str,
) -> int:
    """Close, in the caller's transaction, this inspector's open assignments of this office
    that an inspection on `visit_date` closes (VisitAssignment.closed_by_visit); how many. An
    inspection with no personnel number closes nothing."""
    number = normalize_no(personnel_no)
    if not number or not office_code:
        return 0
    rows = conn.execute(
        select(_t).where(
            _t.c.personnel_no == number, _t.c.office_code == office_code, _t.c.state == "open"
        )
    ).mappings()
    closing = [a.id for a in map(_assignment, rows) if a.closed_by_visit(office_code, visit_date)]
    if not closing:
        return 0
    done = conn.execute(
        update(_t)
        .where(_t.c.id.in_(closing), _t.c.state == "open")
        .values(state="done", closed_at=at, closed_by=inspection_id)
    )
    return int(done.rowcount)


def certified_number(db: Engine | Connection, device_id: str, key_sha256: str | None = None) -> str:
    """The personnel number in a device's certificate ("" for none): its unrevoked one, or with
    `key_sha256` the one certifying that key (the key that signed an inspection)."""
    if not device_id or key_sha256 == "":
        return ""
    c = certificates_t.c
    query = select(c.personnel_no).where(c.device_id == device_id)
    if key_sha256 is None:
        query = query.where(c.revoked_at.is_(None))
    else:
        query = query.where(c.key_sha256 == key_sha256)
    with _connected(db) as conn:
        found = conn.execute(query.order_by(c.issued_at.desc()).limit(1)).scalar_one_or_none()
    return normalize_no(found or "")


def normalize_no(personnel_no: str) -> str:
    return to_latin_digits(personnel_no).strip()


def _assignment(row: Any) -> VisitAssignment:
    return VisitAssignment(
        id=row["id"],
        office_code=row["office_code"],
        personnel_no=row["personnel_no"],
        due_date=row["due_date"],
        assigned_at=row["assigned_at"],
        state=row["state"],
        inspector_name=row["inspector_name"],
        form_id=row["form_id"],
        note=row["note"],
        assigned_by=row["assigned_by"],
        closed_at=row.get("closed_at"),
        closed_by=row.get("closed_by"),
    )
