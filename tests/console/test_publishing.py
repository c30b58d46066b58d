"""Publishing from the console against a real server process: an admin uploads a registry or
a form, sees what changes, confirms, and an enrolled laptop's next sync brings it; a bad row
or key is named by its line in Persian and nothing is published; an unchanged upload has
nothing to confirm; a viewer, a supervisor, a forged CSRF token and an oversized upload are
refused, and the audit page shows the publishes and the refusals."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from starlette.requests import Request

from inspector_app.domain.offices import OFFICE_COLUMNS
from inspector_app.domain.persian import to_persian_digits
from inspector_app.server.console.publishing import PUBLISH_UPLOAD_LIMIT
from inspector_app.server.console.routes_publishing import body_within_limit
from inspector_app.services.context import AppContext
from inspector_app.services.sync import device_token, runner
from inspector_app.storage import offices
from tests.console.conftest import Console, add_user
from tests.helpers.server import ServerProcess
from tests.sync.factory import PASSPHRASE, make_laptop

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "resources/data/offices_demo.json"
KEY = re.compile(r'name="key" value="([0-9a-f]{64})"')


@pytest.fixture(scope="module")
def admin(server: ServerProcess) -> str:
    add_user(server, "nasrin", "admin", "نسرین پاکزاد")
    return "nasrin"


@pytest.fixture(scope="module")
def laptop(server: ServerProcess, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    """An enrolled laptop; the demo registry and the bundled forms published from the shell."""
    server.admin(
        "publish",
        "--registry",
        str(DEMO),
        "--form",
        *[str(p) for p in sorted((REPO / "forms").glob("*.yaml"))],
    )
    ctx = make_laptop(tmp_path_factory.mktemp("laptop") / "data")
    runner.enrol(ctx, server.url, server.enrol_code(), PASSPHRASE, allow_insecure_http=True)
    assert runner.run_sync(ctx).ok
    yield ctx
    ctx.close()


def fa(value: object) -> str:
    return to_persian_digits(value)


def demo_offices() -> list[dict[str, Any]]:
    return list(json.loads(DEMO.read_text("utf-8"))["offices"])


def as_csv(rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=OFFICE_COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else row[k] for k in OFFICE_COLUMNS})
    return out.getvalue().encode("utf-8")


def upload(
    user: Console, kind: str, name: str, data: bytes, *, csrf: str | None = None
) -> httpx.Response:
    if not user.csrf:
        user.get("/console/publishing")
    return user.http.post(
        "/console/publishing/preview",
        data={"csrf_token": user.csrf if csrf is None else csrf, "kind": kind},
        files={"file": (name, data, "application/octet-stream")},
        headers={"Accept": "text/html"},
    )


def key_of(page: httpx.Response) -> str:
    found = KEY.search(page.text)
    assert found, page.text
    return found[1]


def published_registry(server: ServerProcess, ctx: AppContext) -> httpx.Response:
    """What a laptop pulls: GET /v1/registry with its device token."""
    token = device_token.load(ctx.db)
    return httpx.get(f"{server.url}/v1/registry", headers={"Authorization": f"Bearer {token}"})


def audit_rows(user: Console) -> list[str]:
    page = user.get("/console/audit")
    assert page.status_code == 200
    return re.findall(r"<tr>(.*?)</tr>", page.text, flags=re.S)


def test_a_registry_is_previewed_confirmed_and_reaches_the_laptop(
    server: ServerProcess, laptop: AppContext, admin: str, console: Callable[[str], Console]
) -> None:
    user = console(admin)
    page = user.get("/console/publishing")
    assert page.status_code == 200 and 'dir="rtl"' in page.text
    assert f"{fa(65)} دفتر" in page.text  # what is published now
    rows = demo_offices()
    renamed, dropped, moved = rows[0], rows[1], rows[2]
    renamed["name"] = "پیشخوان دولت بوشهر تازه‌نام"
    moved["status"], moved["phone"] = "closed", "077-33000000"
    new = {**rows[3], "code": "PK-BSH-900", "name": "پیشخوان دولت نو"}
    changed_rows = [r for r in rows if r is not dropped] + [new]

    preview = upload(user, "registry", "offices.csv", as_csv(changed_rows))
    assert preview.status_code == 200, preview.text
    text = preview.text
    assert f"{fa(65)} دفتر ← {fa(65)} دفتر" in text
    assert re.search(rf'id="added-count">{fa(1)}<', text)
    assert re.search(rf'id="removed-count">{fa(1)}<', text)
    assert re.search(rf'id="changed-count">{fa(2)}<', text)
    assert "PK-BSH-900" in text and dropped["code"] in text
    changed = re.search(r'<ul id="changed">(.*?)</ul>', text, flags=re.S)
    assert changed
    assert re.search(rf"{renamed['code']}</bdi> [^:]*: <span class=\"muted\">نام<", changed[1])
    assert re.search(
        rf"{moved['code']}</bdi> [^:]*: <span class=\"muted\">(تلفن، وضعیت|وضعیت، تلفن)<",
        changed[1],
    )
    # not published yet: the laptop still gets the old registry
    before = published_registry(server, laptop)
    assert before.status_code == 200 and len(before.json()["offices"]) == 65

    done = user.post("/console/publishing/confirm", {"key": key_of(preview)})
    assert done.status_code == 303 and done.headers["location"].endswith("?published=registry")
    shown = user.get("/console/publishing", published="registry")
    assert "فهرست دفترها منتشر شد" in shown.text and f"{fa(65)} دفتر" in shown.text

    after = published_registry(server, laptop)
    codes = {o["code"] for o in after.json()["offices"]}
    assert "PK-BSH-900" in codes and dropped["code"] not in codes and len(codes) == 65
    report = runner.run_sync(laptop)
    assert report.ok
    assert report.updates["registry_added"] == 1 and report.updates["registry_changed"] == 2
    kept = offices.get(laptop.db, renamed["code"])
    assert kept is not None and kept["name"] == renamed["name"]

    # the same upload again: nothing to publish, no button to do it
    again = upload(user, "registry", "offices.csv", as_csv(changed_rows))
    assert again.status_code == 200 and 'id="unchanged"' in again.text
    assert 'id="confirm"' not in again.text
    # the used preview publishes nothing more (within the same second the same upload makes
    # the same content, so its key names the unchanged preview again)
    twice = user.post("/console/publishing/confirm", {"key": key_of(preview)})
    assert twice.status_code in (200, 410) and 'id="confirm"' not in twice.text

    publishes = [r for r in audit_rows(user) if 'data-action="publish"' in r]
    assert len([r for r in publishes if "nasrin" in r and "offices.csv" in r]) == 1
    assert f"{fa(1)} افزوده، {fa(1)} حذف، {fa(2)} تغییر" in publishes[0]


def test_a_bad_csv_row_is_named_by_its_line_and_nothing_is_published(
    server: ServerProcess, laptop: AppContext, admin: str, console: Callable[[str], Console]
) -> None:
    user = console(admin)
    before = published_registry(server, laptop).headers["etag"]
    rows = demo_offices()
    rows[2]["type"] = "bank"  # the header is line 1: this row is line 4
    refused = upload(user, "registry", "bad.csv", as_csv(rows))
    assert refused.status_code == 422
    assert "«bad.csv»" in refused.text and "چیزی منتشر نشد" in refused.text
    assert re.search(rf'id="refused-line">سطر {fa(4)}<', refused.text)
    assert 'id="refused-column">ستون <bdi class="mono">type<' in refused.text
    assert "باید یکی از این‌ها باشد: &#39;pishkhan&#39;, &#39;police10&#39; یا" in refused.text
    assert "Input should be" not in refused.text
    assert 'name="key"' not in refused.text
    # a duplicate code, and a file that is neither CSV nor JSON
    rows = demo_offices()
    rows[5]["code"] = rows[4]["code"]
    duplicate = upload(user, "registry", "dup.csv", as_csv(rows))
    assert duplicate.status_code == 422 and f"سطر {fa(7)}" in duplicate.text
    assert f"کد تکراری {rows[4]['code']}" in duplicate.text
    # in JSON: the office by its place in the list, and the line of its bad key
    document = json.loads(DEMO.read_text("utf-8"))
    document["offices"][3]["lat"] = 500
    text = json.dumps(document, ensure_ascii=False, indent=2)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if '"lat": 500' in t)
    json_refused = upload(user, "registry", "offices.json", text.encode("utf-8"))
    assert re.search(rf'id="refused-line">سطر {fa(line)}<', json_refused.text)
    assert f"دفتر شمارهٔ {fa(4)} در فهرست offices" in json_refused.text
    assert 'id="refused-column">کلید <bdi class="mono">lat<' in json_refused.text
    assert f"باید حداکثر {fa(90)} باشد" in json_refused.text
    other = upload(user, "registry", "offices.xlsx", b"PK\x03\x04")
    assert other.status_code == 422 and "فقط پروندهٔ CSV یا JSON" in other.text
    assert published_registry(server, laptop).headers["etag"] == before


def edited_form(change: Callable[[dict[str, Any]], None]) -> bytes:
    document = yaml.safe_load((REPO / "forms/pishkhan.yaml").read_text("utf-8"))
    change(document)
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8")


def test_a_form_with_an_error_is_named_by_its_line_and_a_new_version_is_published(
    server: ServerProcess, laptop: AppContext, admin: str, console: Callable[[str], Console]
) -> None:
    user = console(admin)
    source = (REPO / "forms/pishkhan.yaml").read_text("utf-8")
    lines = source.splitlines()
    wrong = next(i for i, line in enumerate(lines) if line.strip() == "type: yesno")
    lines[wrong] = lines[wrong].replace("yesno", "yes-or-no")
    refused = upload(user, "form", "pishkhan.yaml", "\n".join(lines).encode("utf-8"))
    assert refused.status_code == 422
    assert re.search(rf'id="refused-line">سطر {fa(wrong + 1)}<', refused.text), refused.text
    assert "«pishkhan.yaml»" in refused.text
    # a key the schema does not know: its own line, the reason in Persian
    lines = source.splitlines()
    lines.insert(wrong + 1, lines[wrong].replace("type: yesno", "colour: red"))
    extra = upload(user, "form", "pishkhan.yaml", "\n".join(lines).encode("utf-8"))
    assert re.search(rf'id="refused-line">سطر {fa(wrong + 2)}<', extra.text), extra.text
    assert "colour" in extra.text and "کلیدی ناشناخته است" in extra.text
    broken = upload(user, "form", "pishkhan.yaml", b"id: x\n  version: [1\n")
    assert broken.status_code == 422 and "YAML نامعتبر" in broken.text
    badly_named = upload(user, "form", "Pishkhan Form.yaml", source.encode("utf-8"))
    assert badly_named.status_code == 422 and "نام پروندهٔ فرم" in badly_named.text
    unchanged = upload(user, "form", "pishkhan.yaml", source.encode("utf-8"))
    assert 'id="unchanged"' in unchanged.text and 'id="confirm"' not in unchanged.text

    def next_version(document: dict[str, Any]) -> None:
        document["version"] = 3
        items = document["sections"][0]["items"]
        items[0]["text"] = "آیا پروانهٔ فعالیت معتبر در دید مراجعان نصب شده است؟"
        removed = items.pop()
        assert removed["id"] not in json.dumps(document)
        items.append({"id": "new_notice", "type": "yesno", "text": "آیا اطلاعیهٔ تازه نصب است؟"})

    preview = upload(user, "form", "pishkhan.yaml", edited_form(next_version))
    assert preview.status_code == 200, preview.text
    assert f"<strong>{fa(2)}</strong> ← <strong>{fa(3)}</strong>" in preview.text
    assert re.search(rf'id="added-count">{fa(1)}<', preview.text)
    assert re.search(rf'id="removed-count">{fa(1)}<', preview.text)
    assert re.search(rf'id="changed-count">{fa(1)}<', preview.text)
    assert "new_notice" in preview.text and "متن پرسش" in preview.text
    done = user.post("/console/publishing/confirm", {"key": key_of(preview)})
    assert done.status_code == 303
    report = runner.run_sync(laptop)
    assert report.ok and report.updates["forms_written"] == ["pishkhan.yaml"]
    token = device_token.load(laptop.db)
    forms = httpx.get(f"{server.url}/v1/forms", headers={"Authorization": f"Bearer {token}"})
    pishkhan = next(f for f in forms.json()["forms"] if f["name"] == "pishkhan.yaml")
    assert yaml.safe_load(pishkhan["content"])["version"] == 3
    assert any("pishkhan.yaml" in r for r in audit_rows(user) if 'data-action="publish"' in r)

    # a brand-new form
    def renamed(document: dict[str, Any]) -> None:
        document["id"] = "pishkhan-night"
        document["version"] = 1

    fresh = upload(user, "form", "pishkhan-night.yaml", edited_form(renamed))
    assert "<strong>فرم تازه</strong>" in fresh.text
    assert user.post("/console/publishing/cancel", {"key": key_of(fresh)}).status_code == 303
    cancelled = user.post("/console/publishing/confirm", {"key": key_of(fresh)})
    assert cancelled.status_code == 410
    runner.run_sync(laptop)
    assert "pishkhan-night.yaml" not in {f["name"] for f in httpx.get(
        f"{server.url}/v1/forms", headers={"Authorization": f"Bearer {token}"}
    ).json()["forms"]}  # fmt: skip


def test_a_preview_made_before_another_publish_is_shown_again_not_published(
    server: ServerProcess, laptop: AppContext, admin: str, console: Callable[[str], Console]
) -> None:
    user = console(admin)
    rows = demo_offices()
    first = upload(user, "registry", "a.json", json.dumps({"offices": rows[:10]}).encode())
    second = upload(user, "registry", "b.json", json.dumps({"offices": rows[:20]}).encode())
    assert user.post("/console/publishing/confirm", {"key": key_of(second)}).status_code == 303
    stale = user.post("/console/publishing/confirm", {"key": key_of(first)})
    assert stale.status_code == 200 and 'id="moved-on"' in stale.text
    assert re.search(rf'id="removed-count">{fa(10)}<', stale.text)
    assert len(published_registry(server, laptop).json()["offices"]) == 20
    assert user.post("/console/publishing/confirm", {"key": key_of(stale)}).status_code == 303
    assert len(published_registry(server, laptop).json()["offices"]) == 10


def test_a_viewer_or_supervisor_is_refused_and_logged(
    server: ServerProcess, laptop: AppContext, admin: str, console: Callable[[str], Console]
) -> None:
    before = published_registry(server, laptop).headers["etag"]
    for username in ("vali", "sara"):
        user = console(username)
        assert user.get("/console/publishing").status_code == 403
        user.get("/console/inspections")  # a page they may open, for the session's token
        refused = upload(user, "registry", "offices.json", DEMO.read_bytes())
        assert refused.status_code == 403 and "برای نقش شما مجاز نیست" in refused.text
        assert user.post("/console/publishing/confirm", {"key": "0" * 64}).status_code == 403
    assert published_registry(server, laptop).headers["etag"] == before
    denied = [r for r in audit_rows(console(admin)) if 'data-action="denied"' in r]
    assert any("vali" in r and "/console/publishing/preview" in r for r in denied)
    assert any("sara" in r and "/console/publishing/confirm" in r for r in denied)


def test_a_forged_csrf_token_is_refused(
    server: ServerProcess, laptop: AppContext, admin: str, console: Callable[[str], Console]
) -> None:
    user = console(admin)
    before = published_registry(server, laptop).headers["etag"]
    staged = server.data_dir / "publishing"
    kept = sorted(staged.glob("*.json"))
    rows = demo_offices()[:5]
    for token in ("forged", ""):
        refused = upload(user, "registry", "offices.csv", as_csv(rows), csrf=token)
        assert refused.status_code == 403 and "برگهٔ امنیتی" in refused.text
    assert sorted(staged.glob("*.json")) == kept  # nothing was even kept for a preview
    preview = upload(user, "registry", "offices.csv", as_csv(rows))
    forged = user.post("/console/publishing/confirm", {"key": key_of(preview)}, csrf="forged")
    assert forged.status_code == 403
    assert published_registry(server, laptop).headers["etag"] == before


def test_an_oversized_upload_is_refused_in_persian(
    server: ServerProcess, laptop: AppContext, admin: str, console: Callable[[str], Console]
) -> None:
    user = console(admin)
    before = published_registry(server, laptop).headers["etag"]
    staged = server.data_dir / "publishing"
    kept = sorted(staged.glob("*.json"))
    big = as_csv(demo_offices() * 2000)[: PUBLISH_UPLOAD_LIMIT + 1]
    refused = upload(user, "registry", "offices.csv", big)
    assert refused.status_code == 413
    assert f"{fa(5)} مگابایت" in refused.text and "پذیرفته نشد" in refused.text
    assert sorted(staged.glob("*.json")) == kept
    assert published_registry(server, laptop).headers["etag"] == before
    # just under the limit is read and checked (the rows cut mid-way are refused by line)
    within = upload(user, "registry", "offices.csv", big[: PUBLISH_UPLOAD_LIMIT - 64 * 1024])
    assert within.status_code == 422 and 'id="refused-line"' in within.text


def test_the_upload_is_read_only_up_to_the_limit() -> None:
    """Past the limit the body is not read on (a client sending without end is cut off)."""
    chunk = b"x" * (1024 * 1024)
    asked = 0

    async def receive() -> dict[str, Any]:
        nonlocal asked
        asked += 1
        return {"type": "http.request", "body": chunk, "more_body": True}  # never ends

    request = Request({"type": "http", "method": "POST", "headers": []}, receive)
    assert asyncio.run(body_within_limit(request)) is None
    assert asked == PUBLISH_UPLOAD_LIMIT // len(chunk) + 1
