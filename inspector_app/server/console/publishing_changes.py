"""What publishing a candidate would change, for its preview: for the registry, the offices
added, removed and changed (with the fields that changed) against the published registry; for
a form, whether it is new or a new version, and its questions added, removed and changed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from inspector_app.domain.forms import Item, LoadedForm
from inspector_app.server.console.publishing import Candidate, UploadRefused, form_bytes

OFFICE_FIELDS: dict[str, str] = {
    "code": "کد",
    "name": "نام",
    "type": "نوع",
    "county": "شهرستان",
    "city": "شهر",
    "address": "نشانی",
    "phone": "تلفن",
    "manager": "مدیر",
    "licence_no": "شمارهٔ پروانه",
    "status": "وضعیت",
    "lat": "عرض جغرافیایی",
    "lon": "طول جغرافیایی",
}
ITEM_FIELDS: dict[str, str] = {
    "section": "بخش",
    "type": "نوع",
    "text": "متن پرسش",
    "help": "راهنما",
    "finding": "متن یافته",
    "weight": "وزن",
    "required": "الزامی",
    "critical": "حیاتی",
    "show_if": "شرط نمایش",
    "options": "گزینه‌ها",
    "labels": "برچسب‌ها",
    "min": "کمینه",
    "max": "بیشینه",
    "unit": "واحد",
    "compliant_min": "کمینهٔ مجاز",
    "compliant_max": "بیشینهٔ مجاز",
    "min_photos": "کمترین شمار عکس",
    "allow_na": "«نامربوط» مجاز",
    "satisfaction": "رضایت",
}


@dataclass(frozen=True)
class Changed:
    """One office or question in both versions: its id, its name or text, what changed."""

    id: str
    title: str
    fields: list[str]


@dataclass(frozen=True)
class Changes:
    """Added and removed as (id, name or text), changed with their fields."""

    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)

    @property
    def none(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass(frozen=True)
class RegistryPreview:
    count: int
    version: str
    before_count: int | None  # None: no registry published yet
    before_version: str
    changes: Changes

    @property
    def unchanged(self) -> bool:
        """The same offices as published: publishing would change nothing laptops use."""
        return self.before_count is not None and self.changes.none


@dataclass(frozen=True)
class FormPreview:
    form_id: str
    title: str
    version: int
    items: int
    before_version: int | None  # None: a new form
    before_unreadable: bool  # the published one no longer loads (the rules changed)
    changes: Changes
    same_bytes: bool

    @property
    def unchanged(self) -> bool:
        return self.same_bytes

    @property
    def version_not_raised(self) -> bool:
        return self.before_version is not None and self.version <= self.before_version


def _diff(
    before: dict[str, dict[str, Any]],
    after: dict[str, dict[str, Any]],
    title_key: str,
    labels: dict[str, str],
) -> Changes:
    added = [(k, str(v.get(title_key, ""))) for k, v in after.items() if k not in before]
    removed = [(k, str(v.get(title_key, ""))) for k, v in before.items() if k not in after]
    changed = []
    for key, new in after.items():
        old = before.get(key)
        if old is None or old == new:
            continue
        names = [n for n in {**new, **old} if old.get(n) != new.get(n)]
        changed.append(Changed(key, str(new.get(title_key, "")), [labels.get(n, n) for n in names]))
    return Changes(added, removed, changed)


def registry_preview(candidate: Candidate, published: bytes | None) -> RegistryPreview:
    document = json.loads(candidate.content)
    after = {str(o["code"]): o for o in document["offices"]}
    before_document = json.loads(published) if published is not None else None
    before: dict[str, dict[str, Any]] = {}
    if isinstance(before_document, dict):
        before = {str(o.get("code")): o for o in before_document.get("offices") or []}
    return RegistryPreview(
        count=len(after),
        version=str(document.get("version", "")),
        before_count=None if before_document is None else len(before),
        before_version=str((before_document or {}).get("version", "")),
        changes=_diff(before, after, "name", OFFICE_FIELDS),
    )


def _items(loaded: LoadedForm) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    form = loaded.form
    groups: list[tuple[str, list[Item]]] = [(s.id, s.items) for s in form.sections]
    if form.interview is not None:
        groups.append((form.interview.id, form.interview.items))
    for section, items in groups:
        for item in items:
            found[item.id] = {"section": section, **item.model_dump(mode="json", by_alias=True)}
    return found


def form_preview(candidate: Candidate, published: bytes | None) -> FormPreview:
    loaded = form_bytes(candidate.file, candidate.content)
    before: LoadedForm | None = None
    unreadable = False
    if published is not None:
        try:
            before = form_bytes(candidate.name, published)
        except UploadRefused:
            unreadable = True
    after_items = _items(loaded)
    changes = _diff(_items(before) if before else {}, after_items, "text", ITEM_FIELDS)
    return FormPreview(
        form_id=loaded.form.id,
        title=loaded.form.title,
        version=loaded.form.version,
        items=len(after_items),
        before_version=before.form.version if before else None,
        before_unreadable=unreadable,
        changes=changes if published is not None else Changes(),
        same_bytes=published == candidate.content,
    )


def preview(candidate: Candidate, published: bytes | None) -> RegistryPreview | FormPreview:
    if candidate.kind == "registry":
        return registry_preview(candidate, published)
    return form_preview(candidate, published)
