"""Corrections in the services layer: one draft correction per inspection, a finalized one is
corrected in its turn, and `changed_keys` sees answers, notes, photos and interviews."""

from __future__ import annotations

import random

import pytest

from inspector_app.errors import KnownError
from inspector_app.services import correction, finalize, photos
from inspector_app.services.context import AppContext
from inspector_app.services.demo import _demo_photo
from inspector_app.services.signing import identity as identity_service
from inspector_app.storage import contents, drafts, inspections
from inspector_app.storage.identities import StoredIdentity
from tests.helpers.signing import PASSPHRASE, make_filled_draft, sign_both


@pytest.fixture
def signer(context: AppContext) -> StoredIdentity:
    made = identity_service.create_self_signed("مریم احمدی", "12345", PASSPHRASE)
    return identity_service.store(context.db, made)


def finalized(context: AppContext, signer: StoredIdentity) -> str:
    inspection_id = make_filled_draft(context)
    sign_both(context, inspection_id)
    finalize.finalize(context.db, inspection_id, signer, PASSPHRASE)
    return inspection_id


def test_one_draft_correction_then_a_correction_of_the_correction(
    context: AppContext, signer: StoredIdentity
) -> None:
    db = context.db
    old_id = finalized(context, signer)
    with pytest.raises(KnownError, match="پیش‌نویس"):
        correction.start_correction(context, make_filled_draft(context, seed=9))
    first = correction.start_correction(context, old_id)
    assert correction.start_correction(context, old_id) == first  # the same draft again
    assert correction.changed_keys(db, first) == set()

    sign_both(context, first)
    finalize.finalize(db, first, signer, PASSPHRASE)
    with pytest.raises(KnownError) as refused:
        correction.start_correction(context, old_id)
    assert first in refused.value.message  # names the correction to start from
    assert inspections.get(db, old_id)["status"] == "finalized"
    assert len(list(db.query("SELECT id FROM inspections WHERE replaces = ?", [old_id]))) == 1

    second = correction.start_correction(context, first)
    assert inspections.get(db, second)["replaces"] == first
    assert contents.answers_of(db, second) == contents.answers_of(db, first)


def test_changed_keys_sees_answers_notes_photos_and_interviews(
    context: AppContext, signer: StoredIdentity
) -> None:
    db = context.db
    old_id = finalized(context, signer)
    new_id = correction.start_correction(context, old_id)
    assert correction.changed_keys(db, old_id) == set()  # replaces nothing
    form = inspections.form_of(db, new_id)
    yesno = [i for i in form.checklist_items() if i.type == "yesno"]
    first, second, third = yesno[0], yesno[1], yesno[2]

    answer = contents.answers_of(db, new_id)[(first.id, 0)]
    drafts.set_answer(db, new_id, first.id, "na" if answer != "na" else "yes")
    drafts.set_note(db, new_id, second.id, "یادداشت تازه")
    photo = photos.prepare_photo_bytes(_demo_photo("new", random.Random(1)), "new.jpg")
    drafts.add_photo(db, new_id, third.id, photo)
    repeat = drafts.add_interview(db, new_id)
    assert form.interview is not None
    interview_item = next(i for i in form.interview.items if not i.kind.answered_by_photos)
    value = contents.answers_of(db, new_id)[(interview_item.id, 1)]
    drafts.set_answer(db, new_id, interview_item.id, value, repeat_index=repeat)
    assert correction.changed_keys(db, new_id) == {
        (first.id, 0),
        (second.id, 0),
        (third.id, 0),
        (interview_item.id, repeat),
    }

    drafts.set_answer(db, new_id, first.id, answer)  # back as it was
    old_note = contents.notes_of(db, old_id).get((second.id, 0), "")
    drafts.set_note(db, new_id, second.id, old_note)
    drafts.remove_interview(db, new_id, repeat)
    added = [p for p in contents.photos_of(db, new_id) if p["sha256"] == photo.sha256]
    drafts.remove_photo(db, added[0]["id"])
    assert correction.changed_keys(db, new_id) == set()
