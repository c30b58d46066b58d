"""Fixtures for finalize and sign: a filled draft ready to finalize, an identity, a signed
report."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector_app.services import finalize
from inspector_app.services.context import AppContext
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage.identities import StoredIdentity
from tests.helpers.signing import PASSPHRASE, make_filled_draft, sign_both


@pytest.fixture
def draft(context: AppContext) -> str:
    return make_filled_draft(context)


@pytest.fixture
def ready(context: AppContext, draft: str) -> str:
    sign_both(context, draft)
    return draft


@pytest.fixture
def identity(context: AppContext) -> StoredIdentity:
    new = identity_service.create_self_signed("مریم احمدی", "۱۲۳۴۵", PASSPHRASE)
    return identity_service.store(context.db, new)


@pytest.fixture
def signed(context: AppContext, ready: str, identity: StoredIdentity, tmp_path: Path) -> Path:
    """A finalized inspection's signed report, as a file."""
    finalize.finalize(context.db, ready, identity, PASSPHRASE)
    path = tmp_path / "report.pdf"
    path.write_bytes(finalize.signed_pdf(context.db, ready))
    return path
