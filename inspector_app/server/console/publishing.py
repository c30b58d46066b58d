"""Publishing from the console: an uploaded registry (CSV or JSON) or form (YAML) is checked
with the laptop's own rules (the domain's readers, run on the upload written to a temporary
file), a refusal names the line (and column) in Persian, and the checked content waits in the
data folder, keyed by a sha256, until the admin confirms its preview. Confirming publishes
those bytes through server/publish.py, the code `inspector-server publish` runs."""

from __future__ import annotations

import base64
import json
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Literal

import yaml
from pydantic import ValidationError
from sqlalchemy import Engine

from inspector_app.domain.bundle import FORM_NAME_PATTERN
from inspector_app.domain.canonical import canonical_json, sha256_hex
from inspector_app.domain.forms import LoadedForm, load_form
from inspector_app.domain.persian import to_persian_digits
from inspector_app.errors import KnownError, fill
from inspector_app.server import publish

# The most a publishing upload (the whole request body) may be; other console posts get less.
PUBLISH_UPLOAD_LIMIT = 5 * 1024 * 1024
STAGED_FOLDER = "publishing"
STAGED_LIFETIME = 3600.0  # seconds a preview can be confirmed

Kind = Literal["registry", "form"]
KIND_LABELS: dict[str, str] = {"registry": "فهرست دفترها", "form": "فرم بازرسی"}
_KEY = re.compile(r"^[0-9a-f]{64}$")
# The domain's row labels and the start of its row messages, which the refusal says apart.
_CSV_LINE = re.compile(r"^line (\d+)$")
_JSON_OFFICE = re.compile(r"^office #(\d+)$")
_ROW_PREFIX = re.compile(r"^\{row\}(، ستون \{column\})?: ")
_NODES = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class UploadRefused(Exception):
    """An upload that is not published: the reason in Persian, and where in the file."""

    def __init__(
        self,
        message: str,
        file: str = "",
        *,
        line: int | None = None,
        column: str | None = None,
        row: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.row = row


@dataclass(frozen=True)
class Candidate:
    """Checked content ready to publish: `content` is exactly the bytes laptops will get."""

    kind: Kind
    name: str  # "registry", or the form's file name (its name on laptops)
    file: str  # the uploaded file's name
    content: bytes

    @property
    def sha256(self) -> str:
        return sha256_hex(self.content)

    @property
    def key(self) -> str:
        """What the confirmation names: the kind, the name and the content's sha256."""
        return sha256_hex(
            canonical_json({"kind": self.kind, "name": self.name, "sha256": self.sha256})
        )


@dataclass(frozen=True)
class Staged:
    candidate: Candidate
    base: str  # the sha256 of what was published when the preview was made ("" for nothing)


def upload_name(filename: str | None) -> str:
    """The file's own name, whatever folder the browser may have sent with it."""
    return PurePosixPath((filename or "").replace("\\", "/")).name


def check_upload(kind: str, file: str, data: bytes) -> Candidate:
    """Check an upload as the laptop checks the same file; UploadRefused if it fails."""
    if kind not in KIND_LABELS:
        raise UploadRefused("نوع پرونده را انتخاب کنید: فهرست دفترها یا فرم بازرسی.", file)
    if not file or not data:
        raise UploadRefused("پرونده‌ای انتخاب نشده یا پرونده خالی است.", file)
    if kind == "registry":
        suffix = PurePosixPath(file).suffix.lower()
        # The reader goes by the suffix; any other one gets its own «CSV or JSON» refusal.
        local = f"registry{suffix if suffix in ('.csv', '.json') else '.txt'}"
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / local
            path.write_bytes(data)
            try:
                content, _count = publish.registry_content(path)
            except KnownError as exc:
                raise refusal(exc, path, file) from exc
        return Candidate("registry", publish.REGISTRY, file, content)
    if not FORM_NAME_PATTERN.match(file):
        raise UploadRefused(
            "نام پروندهٔ فرم فقط حروف کوچک لاتین، رقم، - و _ با پسوند .yaml است "
            "(همان نامی که لپ‌تاپ‌ها فرم را با آن نگه می‌دارند).",
            file,
        )
    form_bytes(file, data)
    return Candidate("form", file, file, data)


def form_bytes(file: str, data: bytes) -> LoadedForm:
    """A form file's bytes loaded by the laptop's loader; UploadRefused names the line."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / file
        path.write_bytes(data)
        try:
            return load_form(path)
        except KnownError as exc:
            raise refusal(exc, path, file) from exc


def refusal(exc: KnownError, path: Path, file: str) -> UploadRefused:
    """A domain error about the temporary copy, told about the uploaded file, in Persian."""
    where = exc.where or ""
    tail = where.removeprefix(str(path)) if where.startswith(str(path)) else ""
    line = int(tail[1:]) if tail.startswith(":") and tail[1:].isdigit() else None
    params = dict(exc.params)
    template = exc.template
    row = params.get("row")
    label = None
    if isinstance(row, str):
        if found := _CSV_LINE.match(row):
            line = int(found[1])
        elif found := _JSON_OFFICE.match(row):
            label = f"دفتر شمارهٔ {to_persian_digits(found[1])} در فهرست offices"
            line = _json_line(path, int(found[1]) - 1, params.get("column"))
        template = _ROW_PREFIX.sub("", template)  # the row and column are shown on their own
    column = params.get("column")
    message = fill(template, params).replace(str(path), file)
    cause = exc.__cause__
    if isinstance(cause, ValidationError) and cause.errors():
        first = cause.errors()[0]
        persian = persian_reason(first)
        if persian:
            message = message.replace(first["msg"].removeprefix("Value error, "), persian, 1)
    return UploadRefused(
        message,
        file,
        line=line,
        column=column if isinstance(column, str) else None,
        row=label,
    )


def _json_line(path: Path, index: int, key: object) -> int | None:
    """The line of the `index`-th office of a JSON registry (of its `key` when it has it):
    JSON read as YAML nodes, which know their lines; None if the file is not such YAML."""
    try:
        node = yaml.compose(path.read_text("utf-8-sig"), Loader=_NODES)
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        return None
    if isinstance(node, yaml.MappingNode):
        node = next((v for k, v in node.value if k.value == "offices"), None)
    if not isinstance(node, yaml.SequenceNode) or not 0 <= index < len(node.value):
        return None
    office = node.value[index]
    if isinstance(office, yaml.MappingNode):
        found = next((k for k, _ in office.value if k.value == key), None)
        if found is not None:
            return int(found.start_mark.line) + 1
    return int(office.start_mark.line) + 1


# The schema's refusals that the domain leaves in pydantic's English, said in Persian.
_REASONS: dict[str, str] = {
    "missing": "لازم است و نیامده",
    "extra_forbidden": "کلیدی ناشناخته است",
    "string_type": "باید متن باشد",
    "string_too_long": "بیش از {max_length} نویسه است",
    "string_pattern_mismatch": "با الگوی {pattern} نمی‌خواند",
    "float_parsing": "باید عدد باشد",
    "float_type": "باید عدد باشد",
    "int_parsing": "باید عدد صحیح باشد",
    "int_type": "باید عدد صحیح باشد",
    "int_from_float": "باید عدد صحیح باشد",
    "bool_parsing": "باید true یا false باشد",
    "bool_type": "باید true یا false باشد",
    "greater_than_equal": "باید دست‌کم {ge} باشد",
    "greater_than": "باید بیشتر از {gt} باشد",
    "less_than_equal": "باید حداکثر {le} باشد",
    "less_than": "باید کمتر از {lt} باشد",
    "list_type": "باید فهرست باشد",
    "dict_type": "باید نگاشت (کلید: مقدار) باشد",
    "model_type": "باید نگاشت (کلید: مقدار) باشد",
    "string_too_short": "دست‌کم {min_length} نویسه لازم است",
    "too_short": "دست‌کم {min_length} مورد لازم است",
}


def persian_reason(error: Any) -> str | None:
    """A pydantic error's reason in Persian; None when the message is already the domain's."""
    kind, ctx = error.get("type"), error.get("ctx") or {}
    if kind == "literal_error" and "expected" in ctx:
        return "باید یکی از این‌ها باشد: " + str(ctx["expected"]).replace(" or ", " یا ")
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return "خالی است"
    template = _REASONS.get(str(kind))
    if template is None:
        return None
    return template.format(**{k: _number(v) for k, v in ctx.items()})


def _number(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return to_persian_digits(value) if isinstance(value, int | float) else value


def published_sha(engine: Engine, candidate: Candidate) -> str:
    """The sha256 of what is published now under the candidate's name ("" for nothing)."""
    content = published(engine, candidate.kind, candidate.name)
    return "" if content is None else sha256_hex(content)


def published(engine: Engine, kind: Kind, name: str) -> bytes | None:
    if kind == "registry":
        current = publish.registry(engine)
        return current[0] if current else None
    return publish.forms(engine).get(name)


def put(engine: Engine, candidate: Candidate) -> None:
    """Publish the candidate's bytes, as `inspector-server publish` does."""
    if candidate.kind == "registry":
        publish.put_registry(engine, candidate.content)
    else:
        publish.put_form(engine, candidate.name, candidate.content)


# --- content waiting for its confirmation ------------------------------------------------------


def _folder(data_dir: Path) -> Path:
    folder = data_dir / STAGED_FOLDER
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def stage(data_dir: Path, staged: Staged) -> str:
    """Keep a previewed candidate (several server processes share the data folder); its key."""
    folder = _folder(data_dir)
    now = time.time()
    for old in folder.glob("*.json"):
        if now - old.stat().st_mtime > STAGED_LIFETIME:
            old.unlink(missing_ok=True)
    c = staged.candidate
    record = {"kind": c.kind, "name": c.name, "file": c.file, "base": staged.base,
              "content": base64.b64encode(c.content).decode("ascii")}  # fmt: skip
    target = folder / f"{c.key}.json"
    part = target.with_suffix(f".{now}.part")
    part.write_text(json.dumps(record), "utf-8")
    part.replace(target)
    return c.key


def staged(data_dir: Path, key: str) -> Staged | None:
    """The candidate kept under `key`, if it is there, not expired and still its own key."""
    if not _KEY.match(key):
        return None
    path = _folder(data_dir) / f"{key}.json"
    try:
        if time.time() - path.stat().st_mtime > STAGED_LIFETIME:
            return None
        record = json.loads(path.read_text("utf-8"))
        candidate = Candidate(
            record["kind"], record["name"], record["file"], base64.b64decode(record["content"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if candidate.kind not in KIND_LABELS or candidate.key != key:
        return None
    return Staged(candidate, str(record["base"]))


def discard(data_dir: Path, key: str) -> None:
    if _KEY.match(key):
        (_folder(data_dir) / f"{key}.json").unlink(missing_ok=True)
