"""The publishing page (admin): upload a registry or a form, see what it changes, confirm or
cancel. The upload is read here in chunks and refused past `PUBLISH_UPLOAD_LIMIT` before it
is parsed; the confirmation names the previewed content by its key, never carries it, and
publishes only if nothing was published under the same name since the preview. Every publish
goes into the audit log."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import Engine
from starlette.datastructures import UploadFile
from starlette.types import Message

from inspector_app.domain.forms import LoadedForm
from inspector_app.domain.persian import to_persian_digits
from inspector_app.server import publish
from inspector_app.server.console.audit_log import record
from inspector_app.server.console.auth import Admin, CsrfChecked, csrf_checked
from inspector_app.server.console.deps import ConsoleDb, ConsoleSettings
from inspector_app.server.console.publishing import (
    KIND_LABELS,
    PUBLISH_UPLOAD_LIMIT,
    Candidate,
    Staged,
    UploadRefused,
    check_upload,
    discard,
    form_bytes,
    published,
    published_sha,
    put,
    stage,
    staged,
    upload_name,
)
from inspector_app.server.console.publishing_changes import FormPreview, preview
from inspector_app.server.console.templating import render

router = APIRouter(include_in_schema=False)

PREFIX = "/console/publishing"
LIST_LIMIT = 100  # offices or questions listed per kind of change (all are counted)
TOO_LARGE = (
    f"پرونده بزرگ‌تر از {to_persian_digits(PUBLISH_UPLOAD_LIMIT // (1024 * 1024))} مگابایت "
    "است و پذیرفته نشد؛ چیزی منتشر نشد."
)
STALE = (
    "این پیش‌نمایش دیگر در دسترس نیست (تأیید شده، لغو شده یا کهنه است)؛ پرونده را دوباره بفرستید."
)
MOVED_ON = (
    "از زمان این پیش‌نمایش چیز دیگری با همین نام منتشر شده است؛ تغییرها دوباره سنجیده شد، "
    "پیش از تأیید آن‌ها را ببینید."
)


def _published_now(engine: Engine) -> dict[str, Any]:
    """What laptops get now: the registry's version and size, each form's id and version."""
    current = publish.registry(engine)
    document = json.loads(current[0]) if current else None
    forms: list[dict[str, Any]] = []
    for name, content in publish.forms(engine).items():
        try:
            loaded: LoadedForm | None = form_bytes(name, content)
        except UploadRefused:
            loaded = None
        forms.append({"name": name, "form": loaded.form if loaded else None})
    return {
        "registry": None
        if document is None
        else {"version": document.get("version", ""), "count": len(document.get("offices", []))},
        "forms": forms,
    }


def _page(request: Request, engine: Engine, *, status_code: int = 200, **context: Any) -> Response:
    values = {"error": None, "notice": "", "kind": "registry", **context}
    return render(
        request,
        "publishing.html",
        status_code=status_code,
        kinds=KIND_LABELS,
        limit_mb=PUBLISH_UPLOAD_LIMIT // (1024 * 1024),
        now=_published_now(engine),
        **values,
    )


def _preview_page(
    request: Request, engine: Engine, key: str, item: Staged, notice: str = ""
) -> Response:
    shown = preview(item.candidate, published(engine, item.candidate.kind, item.candidate.name))
    return render(
        request,
        "publishing_preview.html",
        key=key,
        candidate=item.candidate,
        kind_label=KIND_LABELS[item.candidate.kind],
        shown=shown,
        is_form=isinstance(shown, FormPreview),
        limit=LIST_LIMIT,
        notice=notice,
    )


@router.get(PREFIX)
def publishing_page(
    request: Request,
    engine: ConsoleDb,
    _user: Admin,
    done: Annotated[str, Query(alias="published", max_length=80)] = "",
) -> Response:
    notice = ""
    if done == publish.REGISTRY or done in publish.forms(engine):  # only what is published
        what = KIND_LABELS["registry"] if done == publish.REGISTRY else f"فرم «{done}»"
        notice = f"{what} منتشر شد؛ لپ‌تاپ‌ها در همگام‌سازی بعدی آن را می‌گیرند."
    return _page(request, engine, notice=notice)


async def body_within_limit(request: Request) -> bytes | None:
    """The request body, read in chunks; None as soon as it passes the limit."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > PUBLISH_UPLOAD_LIMIT:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _replayed(request: Request, body: bytes) -> Request:
    """The same request over the body already read (its state, so its session, is shared)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return Request(request.scope, receive)


@router.post(f"{PREFIX}/preview")
async def upload(
    request: Request, engine: ConsoleDb, settings: ConsoleSettings, _user: Admin
) -> Response:
    body = await body_within_limit(request)
    if body is None:
        return _page(request, engine, status_code=413, error=UploadRefused(TOO_LARGE))
    received = _replayed(request, body)
    form = await received.form(max_files=1, max_fields=4)
    await csrf_checked(received)  # before anything is checked or kept
    kind = form.get("kind")
    file = form.get("file")
    kind = kind if isinstance(kind, str) else ""
    if not isinstance(file, UploadFile):
        refused = UploadRefused("پرونده‌ای انتخاب نشده است.")
        return _page(request, engine, status_code=422, error=refused, kind=kind)
    name = upload_name(file.filename)
    try:
        candidate = check_upload(kind, name, await file.read())
    except UploadRefused as refused:
        return _page(request, engine, status_code=422, error=refused, kind=kind)
    item = Staged(candidate, published_sha(engine, candidate))
    return _preview_page(request, engine, stage(settings.data_dir, item), item)


@router.post(f"{PREFIX}/confirm")
def confirm(
    request: Request,
    engine: ConsoleDb,
    settings: ConsoleSettings,
    user: Admin,
    _csrf: CsrfChecked,
    key: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    item = staged(settings.data_dir, key)
    if item is None:
        return _page(request, engine, status_code=410, error=UploadRefused(STALE))
    candidate = item.candidate
    now = published_sha(engine, candidate)
    if now != item.base:
        fresh = Staged(candidate, now)
        return _preview_page(request, engine, stage(settings.data_dir, fresh), fresh, MOVED_ON)
    shown = preview(candidate, published(engine, candidate.kind, candidate.name))
    if shown.unchanged:
        return _preview_page(request, engine, key, item)
    put(engine, candidate)
    discard(settings.data_dir, key)
    record(engine, user, "publish", candidate.name, _audit_detail(candidate, shown))
    return RedirectResponse(f"{PREFIX}?published={candidate.name}", status_code=303)


def _audit_detail(candidate: Candidate, shown: Any) -> dict[str, Any]:
    changes = shown.changes
    detail: dict[str, Any] = {"file": candidate.file, "sha256": candidate.sha256}
    if isinstance(shown, FormPreview):
        detail["version"] = shown.version
    else:
        detail["offices"] = shown.count
        detail["version"] = shown.version
    added, removed, changed = (
        to_persian_digits(len(c)) for c in (changes.added, changes.removed, changes.changed)
    )
    detail["changes"] = f"{added} افزوده، {removed} حذف، {changed} تغییر"
    return detail


@router.post(f"{PREFIX}/cancel")
def cancel(
    settings: ConsoleSettings,
    _user: Admin,
    _csrf: CsrfChecked,
    key: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    discard(settings.data_dir, key)
    return RedirectResponse(PREFIX, status_code=303)
