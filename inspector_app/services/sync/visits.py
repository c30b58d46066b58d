"""The visit plan as the last sync (or USB updates bundle) brought it: this inspector's
assignments, kept in the settings table as one JSON list, replaced whole each time (the
server's latest word). Only assignments for this laptop's personnel number are kept: a USB
bundle carries every inspector's, and one laptop's plan must not show another's.
"""

from __future__ import annotations

from cryptography import x509
from sqlite_utils import Database

from inspector_app.domain.persian import to_latin_digits
from inspector_app.domain.visit_plan import PlanInvalid, VisitAssignment, document, parse
from inspector_app.services.signing import csr
from inspector_app.services.sync import config
from inspector_app.storage import identities, settings
from inspector_app.storage.db import writing

KEY = "sync.visits"


def own_number(db: Database) -> str:
    """The personnel number the governorate knows this laptop by: the one its certificate
    names (what the server goes by), else the identity's or the inspector profile's."""
    identity = identities.active(db)
    number = ""
    if identity is not None:
        leaf = x509.load_pem_x509_certificates(identity.cert_pem)[0]
        number = csr.certified_number(leaf) or identity.personnel_no
    number = number or settings.inspector_profile(db).personnel_no
    return to_latin_digits(number).strip()


def take(db: Database, content: bytes, as_of: str) -> int:
    """Keep the plan document's assignments for this laptop's inspector, with the server's
    time of it (raise visit_plan.PlanInvalid, keeping the old plan, if it is not a plan);
    returns how many are kept."""
    number = own_number(db)
    mine = [a for a in parse(content) if number and a.personnel_no == number]
    mine.sort(key=lambda a: (a.due_date, a.office_code, a.id))
    with writing(db):
        settings.put(db, KEY, document(mine, as_of).decode("utf-8"))
        settings.put(db, config.AS_OF["visits"], as_of)
    return len(mine)


def kept(db: Database) -> list[VisitAssignment]:
    text = settings.get(db, KEY)
    try:
        return parse(text.encode("utf-8")) if text else []
    except PlanInvalid:
        return []
