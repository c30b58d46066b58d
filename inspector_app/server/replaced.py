"""Which received inspections a correction replaces, kept on their rows (`inspections.replaced`)
so the province figures find them by an index instead of joining every correction to what it
replaces at every read.

An inspection is replaced when a received correction names it, signed with the same key
(not empty) and for the same office: ingest refuses any other correction, and this holds
for older rows too. The flag is worked out again, from the rows themselves, for every row a
change can touch: the stored inspection and the one it replaces when one is inserted, and
the one a deleted correction replaced.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from sqlalchemy import BindParameter, Connection, Update, and_, bindparam, exists, select

from inspector_app.server.database import inspections_t


def refresh(conn: Connection, ids: Iterable[str | None]) -> None:
    """Set `replaced` on the rows with these ids (None and unknown ids are skipped)."""
    wanted = sorted({i for i in ids if i})
    if wanted:
        conn.execute(_refresh_statement(), {"ids": wanted})


@lru_cache(maxsize=1)
def _refresh_statement() -> Update:
    """Built once, run with the ids bound: building the alias and EXISTS anew for each
    upload cost more than running it."""
    held, correction = inspections_t, inspections_t.alias("correction")
    replaced = exists(
        select(correction.c.id).where(
            and_(
                correction.c.replaces == held.c.id,
                correction.c.signer_key_sha256 == held.c.signer_key_sha256,
                correction.c.signer_key_sha256 != "",
                correction.c.office_code == held.c.office_code,
            )
        )
    )
    wanted: BindParameter[list[str]] = bindparam("ids", expanding=True)
    return held.update().where(held.c.id.in_(wanted)).values(replaced=replaced)
