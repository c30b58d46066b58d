"""Checklist forms as data: the schema of a form file, loading it, and checking answers against it.

A form file is YAML (see docs/forms.md). Errors name the file, the line, the item and the reason.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from inspector_app.domain import form_checks
from inspector_app.domain.canonical import canonical_sha256
from inspector_app.domain.form_checks import Location, Problem, shortened
from inspector_app.domain.item_types import ItemType, type_named
from inspector_app.errors import FormError

OfficeType = Literal["pishkhan", "police10", "brokerage"]
OFFICE_TYPES: tuple[OfficeType, ...] = ("pishkhan", "police10", "brokerage")

# libyaml's parser when present (several times faster), the pure-Python one otherwise.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_Id = Annotated[str, Field(pattern=r"^[a-z0-9_]+$", max_length=64)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Condition(_Strict):
    """Show an item only when an earlier item's answer equals a value (or is one of several)."""

    item: _Id
    equals: str | int | float | bool | None = None
    in_: list[str | int | float] | None = Field(default=None, alias="in")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        tested = [self.equals, *(self.in_ or [])]
        if any(isinstance(v, bool) for v in tested):
            # YAML reads a bare `yes` as true: the condition would never match.
            raise ValueError('مقدار شرط را در نقل‌قول بنویسید (مثلاً "yes")، نه true/false')
        if (self.equals is None) == (self.in_ is None):
            raise ValueError("شرط باید دقیقاً یکی از «equals» یا «in» را داشته باشد")
        return self

    def holds(self, value: Any) -> bool:
        if value is None:
            return False
        accepted = [self.equals] if self.in_ is None else list(self.in_)
        if isinstance(value, list):
            return any(v in accepted for v in value)
        return value in accepted


class Option(_Strict):
    id: _Id
    label: str = Field(min_length=1)
    score: float | None = Field(default=None, ge=0, le=1)


class Item(_Strict):
    id: _Id
    type: str  # a name in item_types.TYPES
    text: str = Field(min_length=1)
    help: str | None = None
    # What the report says when the item fails: a statement, not the question.
    finding: str | None = None
    weight: float = Field(default=1.0, gt=0)
    required: bool = True
    critical: bool = False
    show_if: Condition | None = None
    satisfaction: bool = False
    # yesno
    allow_na: bool = True
    # scale
    min: float | None = None
    max: float | None = None
    labels: dict[int, str] | None = None
    # number
    unit: str | None = None
    compliant_min: float | None = None
    compliant_max: float | None = None
    # choice / multichoice
    options: list[Option] | None = None
    # photo
    min_photos: int = Field(default=1, ge=0)

    @field_validator("type", mode="before")
    @classmethod
    def _known_type(cls, value: object) -> object:
        try:
            type_named(value)
        except FormError as exc:
            raise PydanticCustomError("literal_error", exc.message) from None
        return value

    @model_validator(mode="after")
    def _fits_type(self) -> Item:
        self.kind.check_definition(self)
        if self.finding is not None:
            _check_finding(self.finding, self)
        return self

    @property
    def kind(self) -> ItemType:
        """What its `type` means: answers, scoring, labels (domain/item_types.py)."""
        return type_named(self.type)

    @property
    def scored(self) -> bool:
        """Whether the item counts in compliance (yes/no, scale, ranged numbers, scored options)."""
        return self.kind.scored(self)

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options or [] if o.id == option_id), None)

    def finding_text(self) -> str:
        """The finding written when this item fails: its `finding`, else the question restated."""
        if self.finding:
            return self.finding.strip()
        return FALLBACK_FINDING_PREFIX + question_as_statement(self.text)


FALLBACK_FINDING_PREFIX = "مورد ناموفق: "
_QUESTION_MARKS = "؟?"


def question_as_statement(text: str) -> str:
    """«آیا … است؟» without its «آیا» and question mark, for a form without `finding:` text."""
    statement = text.strip().rstrip(_QUESTION_MARKS).rstrip()
    if statement.startswith("آیا "):
        statement = statement.removeprefix("آیا ").lstrip()
    return statement


def _check_finding(text: str, item: Item) -> None:
    if not item.kind.can_fail:
        raise ValueError(f"«finding» برای پرسشی که رد نمی‌شود ({item.type}) معنا ندارد")
    stripped = text.strip()
    if not stripped:
        raise ValueError("متن «finding» خالی است")
    if stripped[-1] in _QUESTION_MARKS or stripped.startswith("آیا "):
        raise ValueError("«finding» باید جملهٔ خبری یافته باشد، نه پرسش (بدون «آیا» و «؟»)")


class Section(_Strict):
    id: _Id
    title: str = Field(min_length=1)
    items: list[Item] = Field(min_length=1)


class InterviewGroup(_Strict):
    id: _Id = "interviews"
    title: str = Field(min_length=1)
    min_count: int = Field(default=0, ge=0)
    items: list[Item] = Field(min_length=1)


class Form(_Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$", max_length=64)
    version: int = Field(ge=1)
    title: str = Field(min_length=1)
    office_types: list[OfficeType] = Field(min_length=1)
    description: str | None = None
    sections: list[Section] = Field(min_length=1)
    interview: InterviewGroup | None = None

    @model_validator(mode="after")
    def _ids_and_conditions(self) -> Form:
        seen: set[str] = set()
        section_ids: set[str] = set()
        for s, section in enumerate(self.sections):
            if section.id in section_ids:
                raise _at(("sections", s, "id"), f"شناسهٔ بخش تکراری است: {section.id}")
            section_ids.add(section.id)
        for loc, item in self.located_items():
            if item.id in seen:
                raise _at((*loc, "id"), f"شناسهٔ پرسش تکراری است: {item.id}")
            if item.show_if is not None and item.show_if.item not in seen:
                raise _at(
                    (*loc, "show_if", "item"),
                    f"شرط پرسش {item.id} به پرسشی ناشناخته یا بعدی اشاره می‌کند: "
                    + item.show_if.item,
                )
            seen.add(item.id)
        return self

    def all_items(self) -> Iterator[Item]:
        for section in self.sections:
            yield from section.items
        if self.interview is not None:
            yield from self.interview.items

    def located_items(self) -> Iterator[tuple[Location, Item]]:
        """Every item with its place in the document, the interview's last (as `all_items`)."""
        for s, section in enumerate(self.sections):
            for i, item in enumerate(section.items):
                yield ("sections", s, "items", i), item
        if self.interview is not None:
            for i, item in enumerate(self.interview.items):
                yield ("interview", "items", i), item

    def checklist_items(self) -> Iterator[Item]:
        for section in self.sections:
            yield from section.items

    @cached_property
    def items_by_id(self) -> dict[str, Item]:
        """Every item by id (a form is frozen, so built once): a lookup per answer must not
        walk the form, or a 10,000-answer import costs 10,000²."""
        return {item.id: item for item in self.all_items()}

    def item(self, item_id: str) -> Item:
        return self.items_by_id[item_id]

    @cached_property
    def interview_item_ids(self) -> frozenset[str]:
        return frozenset(i.id for i in self.interview.items) if self.interview else frozenset()

    def is_interview_item(self, item_id: str) -> bool:
        return item_id in self.interview_item_ids


def _impossible_condition(form: Form) -> Problem | None:
    """The first `show_if` asking for a value its item's answers never equal (`"maybe"` of a
    yes/no item, an option a choice item does not have): the item would never be shown."""
    for loc, item in form.located_items():
        condition = item.show_if
        if condition is None:
            continue
        target = form.item(condition.item)
        if condition.in_ is None:
            tested: list[tuple[Location, Any]] = [((*loc, "show_if", "equals"), condition.equals)]
        else:
            tested = [((*loc, "show_if", "in", i), v) for i, v in enumerate(condition.in_)]
        for where, value in tested:
            if not target.kind.can_equal(target, value):
                return Problem(
                    where,
                    f"شرط پرسش {item.id}: پاسخ پرسش {target.id} هرگز {shortened(value)} "
                    f"نمی‌شود{_possible(target)}",
                )
    return None


def _possible(item: Item) -> str:
    if item.options:
        return f" (گزینه‌ها: {', '.join(o.id for o in item.options)})"
    if item.kind.yes_no:
        return ' (پاسخ‌ها: "yes", "no"' + (', "na")' if item.allow_na else ")")
    return ""


def _at(loc: Location, message: str) -> PydanticCustomError:
    """A form-wide rule broken at one place: the place goes with the error, for its line."""
    return PydanticCustomError("form_rule", message, {"at": loc})


@dataclass(frozen=True)
class LoadedForm:
    """A validated form, its source document (the snapshot stored in inspections) and its hash."""

    form: Form
    document: dict[str, Any]
    sha256: str
    path: Path | None = None


def parse_form(document: Mapping[str, Any]) -> LoadedForm:
    """A form from an already-parsed document (e.g. a snapshot in the database)."""
    form = Form.model_validate(document)
    doc = _string_keys(document)
    return LoadedForm(form=form, document=doc, sha256=canonical_sha256(doc))


def parse_form_once(document: Mapping[str, Any]) -> LoadedForm:
    """`parse_form`, remembered for the last forms seen: every inspection of a form carries the
    same snapshot, and validating it again was 1.5 ms of each upload the server takes. The
    LoadedForm given is shared: it is frozen, and its document is not to be changed."""
    try:
        text = json.dumps(document, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):  # not JSON-shaped (YAML's integer keys beside strings)
        return parse_form(document)
    return parse_form_json(text)


@lru_cache(maxsize=64)
def parse_form_json(text: str) -> LoadedForm:
    """`parse_form` of a snapshot as JSON text (as stored), remembered like `parse_form_once`."""
    return parse_form(json.loads(text))


def _string_keys(value: Any) -> Any:
    """JSON-shaped copy (YAML allows integer keys, e.g. scale labels; JSON and hashing do not)."""
    if isinstance(value, Mapping):
        return {str(k): _string_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_string_keys(v) for v in value]
    return value


def load_form(path: Path) -> LoadedForm:
    """Read and validate one form file; FormError names the file, line, item and reason."""
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormError(f"فایل فرم خوانده نشد: {exc}", where=where) from exc
    loader = _LOADER(text)
    try:
        # Composed first and built from the nodes: the nodes show a key written twice (which
        # building would drop silently) and give the line of any later error.
        node = loader.get_single_node()
        duplicate = form_checks.duplicate_key(node)
        document = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        reason = form_checks.cut(getattr(exc, "problem", None) or str(exc))
        raise FormError(f"YAML نامعتبر ({reason})", where=where + line) from exc
    finally:
        loader.dispose()
    if not isinstance(document, dict):
        raise FormError(
            "فایل فرم باید یک نگاشت YAML باشد (id، version، sections، ...)", where=where
        )
    if duplicate is not None:
        raise form_checks.error_at(where, node, document, duplicate)
    try:
        loaded = parse_form(document)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple((first.get("ctx") or {}).get("at") or first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        given = first.get("input")
        if isinstance(given, str | int | float) and not isinstance(given, bool):
            message += f" (مقدار داده‌شده: {shortened(given)})"
        if len(exc.errors()) > 1:
            message += f" (و {len(exc.errors()) - 1} خطای دیگر)"
        raise form_checks.error_at(where, node, document, Problem(loc, message)) from exc
    problem = form_checks.arabic_letter(node) or _impossible_condition(loaded.form)
    if problem is not None:
        raise form_checks.error_at(where, node, document, problem)
    return LoadedForm(loaded.form, loaded.document, loaded.sha256, path)


@dataclass(frozen=True)
class FormLoadReport:
    forms: list[LoadedForm]
    errors: list[FormError]


def load_forms(folders: list[Path]) -> FormLoadReport:
    """All forms in `folders`; a broken file is reported and skipped, the others load."""
    forms: list[LoadedForm] = []
    errors: list[FormError] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
            try:
                forms.append(load_form(path))
            except FormError as exc:
                errors.append(exc)
            except Exception as exc:  # a broken file must never stop the others loading
                errors.append(FormError(f"فرم بارگذاری نشد: {exc}", where=str(path)))
    return FormLoadReport(forms, errors)


def newest_form_for(forms: list[LoadedForm], office_type: str) -> LoadedForm | None:
    """The highest version of the forms that apply to `office_type`."""
    fitting = [f for f in forms if office_type in f.form.office_types]
    return max(fitting, key=lambda f: (f.form.version, f.form.id), default=None)


def check_answer(item: Item, value: Any) -> Any:
    """`value` normalized for `item`, or InvalidAnswer saying why it does not fit."""
    return None if value is None else item.kind.check_answer(item, value)
