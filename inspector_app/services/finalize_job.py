"""Finalizing from the desktop app: the whole finalize in a worker thread, on a connection of
its own (SQLite connections are not shared across threads here)."""

from __future__ import annotations

from pathlib import Path

from inspector_app.services import finalize
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage import identities, inspections, settings
from inspector_app.storage.db import open_database


def finalize_in_worker(
    database: Path,
    inspection_id: str,
    passphrase: str,
    render: finalize.Renderer | None = None,
    new_identity: identity_service.IdentityRequest | None = None,
) -> finalize.FinalizeResult:
    """Finalize and sign `inspection_id`. With no identity yet, `new_identity` is made and
    stored first (its passphrase then signs)."""
    db = open_database(database, migrate=False)
    try:
        stored = identities.active(db)
        if stored is None and new_identity is not None:
            profile = settings.inspector_profile(db)
            row = inspections.get(db, inspection_id)
            made = identity_service.make_identity(
                new_identity,
                profile.name or row["inspector_name"],
                profile.personnel_no or row["inspector_personnel_no"],
            )
            stored = identity_service.store(db, made, source=new_identity.source)
            passphrase = new_identity.passphrase
        if stored is None:
            stored = identity_service.active_identity(db)  # NoIdentity: a clear message
        return finalize.finalize(db, inspection_id, stored, passphrase, render=render)
    finally:
        db.close()
