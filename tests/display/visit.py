"""One whole inspection visit on a real X display, as an inspector does it:

first-run setup, find an office by typing, start the inspection, answer the checklist (mouse and
keyboard), a photo through the file dialog, kill -9 mid-visit, start again and carry on, an
interview, then finalize: departure time, two signatures drawn with the mouse, the passphrase.
At the end the stored inspection (`inspections export`) must hold every answer given.
"""

from __future__ import annotations

import json
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from inspector_app.domain.forms import Form, load_form
from tests.display.answers import Answerer, answer_all, persian_to_int
from tests.display.driver import ROOT, DisplayFailure, Driver, Map, center
from tests.display.xdisplay import XDisplay

FORM = ROOT / "forms" / "pishkhan.yaml"
INSPECTOR = "مریم احمدی"
PERSONNEL = "4071235"
REPRESENTATIVE = "علی رضایی"
PASSPHRASE = "kangan-visit-2026"
OFFICE_TYPE = "پیشخوان خدمات دولت"
KILL_AFTER_SECTION = 1  # kill -9 the app once this section (0-based) is answered


@dataclass(frozen=True)
class Size:
    width: int
    height: int
    scale: float | None = None
    query: str = "کنگان"  # what is typed in the offices search

    @property
    def label(self) -> str:
        text = f"{self.width}x{self.height}"
        return f"{text}-scale{self.scale}" if self.scale else text


SIZES = (
    Size(1280, 720),
    Size(1366, 768, query=";k'hk"),  # «کنگان» typed with the Latin layout still active
    Size(1920, 1080, scale=1.5, query=";k'hk"),
)


@dataclass
class Outcome:
    size: Size
    inspection_id: str = ""
    seconds: float = 0.0
    answers: int = 0
    keyboard: int = 0
    mouse: int = 0
    notes: list[str] = field(default_factory=list)
    screenshots: Path | None = None


def make_photo(path: Path) -> Path:
    from PIL import Image, ImageDraw

    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (1200, 900), (236, 226, 200))
    draw = ImageDraw.Draw(image)
    draw.rectangle((150, 120, 1050, 780), outline=(40, 60, 120), width=14)
    draw.line((150, 120, 1050, 780), fill=(160, 40, 40), width=9)
    image.save(path, quality=90)
    return path


class Visit:
    def __init__(self, size: Size, work: Path, shots: Path) -> None:
        self.size = size
        self.work = work
        self.data_dir = work / "data"
        self.display = XDisplay(size.width, size.height, work / "x")
        self.driver = Driver(self.display, self.data_dir, work, shots, size.scale)
        self.form: Form = load_form(FORM).form
        self.answerer = Answerer(self.driver, make_photo(work / "pictures" / "licence.jpg"))
        self.outcome = Outcome(size, screenshots=shots)

    def run(self) -> Outcome:
        started = time.monotonic()
        self.display.start()
        try:
            self._visit()
        finally:
            self.driver.stop()
            self.display.stop()
            self.outcome.notes = list(self.driver.notes)
        self._check_stored()
        self.outcome.seconds = time.monotonic() - started
        self.outcome.answers = len(self.answerer.answers)
        self.outcome.keyboard = self.answerer.keyboard
        self.outcome.mouse = self.answerer.mouse
        return self.outcome

    # --- the visit -----------------------------------------------------------------------
    def _visit(self) -> None:
        d = self.driver
        d.start_app()
        self._ready()
        self._first_run()
        self._find_office()
        d.click("officeDetail/startInspection")
        d.widget("inspectionEditor/sectionNav", "the inspection editor")
        d.shot("editor-opened")
        sections = self.form.sections
        for number in range(KILL_AFTER_SECTION + 1):
            self._section(number)
        d.wait(lambda m: (m.one("savedIndicator") or {}).get("props", {}).get("state") == "saved",
               "the saved mark")  # fmt: skip
        d.shot("before-kill")
        code = d.kill_hard()
        if code not in (-9, 128 + 9):  # `uv run` reports its child's SIGKILL as 137
            raise DisplayFailure(f"kill -9 of the app gave exit code {code}, not 137")
        d.start_app()
        self._ready()
        d.shot("restarted")
        self._reopen_draft()
        self._check_shown(0)
        self._go_to_section(1)
        self._check_shown(1)
        for number in range(KILL_AFTER_SECTION + 1, len(sections)):
            self._section(number)
        self._interview()
        self._finalize()
        code = d.quit()
        if code != 0:
            raise DisplayFailure(f"the app exited with code {code} after SIGTERM")

    def _ready(self) -> None:
        self.driver.wait(
            lambda m: (
                (m.one("officesPage/officesTable") or {}).get("count") or m.window("firstRunDialog")
            ),
            "the offices list (or the first-run setup)",
            timeout=90,
        )
        self.driver.shot("app-ready")

    def _first_run(self) -> None:
        d = self.driver
        current = d.fresh("looking for the first-run setup")
        if current.window("firstRunDialog") is None:
            return
        d.shot("first-run")
        d.click("firstRunName")
        d.display.type(INSPECTOR)
        d.click("firstRunPersonnel")
        d.display.type(PERSONNEL)
        choice = d.widget("firstRunDialog/identityCreateChoice")
        if not choice.get("checked"):
            d.click("firstRunDialog/identityCreateChoice")
        for name in ("newPassphrase", "newPassphraseAgain"):
            d.reveal(f"firstRunDialog/{name}", "firstRunDialog")
            d.click(f"firstRunDialog/{name}")
            d.display.type(PASSPHRASE)
        d.shot("first-run-filled")
        d.click("firstRunDialog/firstRunCreate")
        d.wait(lambda m: m.window("firstRunDialog") is None, "the first-run setup to close",
               timeout=60)  # fmt: skip
        d.wait(lambda m: (m.one("officesPage/officesTable") or {}).get("count"), "the offices")
        d.shot("first-run-done")

    def _find_office(self) -> None:
        d = self.driver
        d.click("officesPage/officeSearch")
        d.display.type(self.size.query)
        d.wait(
            lambda m: (t := m.one("officesTable")) and 0 < t["count"] < 20
            and all("کنگان" in r["text"] for r in t["rows"]),
            f"offices in Kangan after typing «{self.size.query}»",
        )  # fmt: skip
        d.shot("search")
        d.click_row("officesPage/officesTable", OFFICE_TYPE)
        d.wait(
            lambda m: (m.one("officeDetail/startInspection") or {}).get("enabled"),
            "the office detail with the start button",
        )
        d.shot("office-chosen")

    def _go_to_section(self, number: int) -> None:
        d = self.driver
        title = self.form.sections[number].title if number < len(self.form.sections) else None
        nav = "inspectionEditor/sectionNav"
        if (d.current("reading the section list").one(nav) or {}).get("current") != number:
            self._click_nav_row(number, title)
        d.wait(lambda m: (m.one(nav) or {}).get("current") == number, f"section {number + 1}")

    def _click_nav_row(self, number: int, title: str | None) -> None:
        d = self.driver
        nav = "inspectionEditor/sectionNav"
        for _ in range(10):
            current = d.current("reading the section list")
            view = current.one(nav)
            row = next((r for r in (view or {}).get("rows", []) if r["row"] == number), None)
            if row is not None and current.on_screen(row | {"shown": row["rect"]}) == row["rect"]:
                d.display.click(*center(row["rect"]))
                return
            assert view is not None
            d.display.wheel(*center(view["shown"]), down=True)
        raise DisplayFailure(
            f"section row {number + 1} «{title}» of the section list is off screen"
        )

    def _section(self, number: int) -> None:
        self._go_to_section(number)
        self.driver.shot(f"section-{number + 1}")
        answer_all(self.answerer, self.form.sections[number].items, 0)

    def _reopen_draft(self) -> None:
        d = self.driver
        d.click_row("mainWindow/navigation", "بازرسی‌ها")
        d.wait(lambda m: (m.one("inspectionsTable") or {}).get("rows"), "the draft in the list")
        d.click_row("inspectionsPage/inspectionsTable", lambda _text: True)
        d.wait(lambda m: (m.one("openInspection") or {}).get("enabled"), "the open button")
        d.shot("draft-chosen")
        d.click("inspectionsPage/openInspection")
        d.widget("inspectionEditor/sectionNav", "the editor on the draft")
        d.shot("draft-reopened")

    def _check_shown(self, number: int) -> None:
        """After the restart the editor shows what was answered before the kill."""
        current: Map = self.driver.current("reading the reopened answers")
        for item in self.form.sections[number].items:
            frame = Answerer.frame(item, 0)
            if (item.id, 0) in self.answerer.photos:
                count = (current.one(f"{frame}/thumbnails") or {}).get("count")
                if count != self.answerer.photos[(item.id, 0)]:
                    raise DisplayFailure(f"after kill -9: {item.id} shows {count} photos")
            if (item.id, 0) not in self.answerer.answers:
                continue
            value = self.answerer.answers[(item.id, 0)]
            if item.type in ("yesno", "scale"):
                shown = (current.one(f"{frame}/answer_{value}") or {}).get("checked")
            elif item.type == "number":
                text = (current.one(f"{frame}/numberAnswer") or {}).get("text") or "-1"
                shown = persian_to_int(text) == value
            else:
                continue
            if not shown:
                raise DisplayFailure(f"after kill -9 and restart, {item.id} does not show {value}")
        self.driver.shot(f"checked-section-{number + 1}")

    def _interview(self) -> None:
        d = self.driver
        interview = self.form.interview
        assert interview is not None
        self._go_to_section(len(self.form.sections))
        d.click("interviewsPanel/addInterview")
        d.widget("interview_1", "the new interview")
        d.shot("interview-added")
        answer_all(self.answerer, interview.items, 1)

    def _finalize(self) -> None:
        d = self.driver
        d.click("finalizeActions/openFinalize")
        d.widget("finalizeDialog/finalizeButton", "the finalize dialog")
        d.shot("finalize-opened")
        body = "finalizeDialog/dialogBody"
        scroller = body if d.current("the finalize dialog").one(body) else "finalizeDialog"
        if d.current("the finalize dialog").one("finalizeDialog/setDeparture"):
            d.reveal("finalizeDialog/setDeparture", scroller)
            d.click("finalizeDialog/setDeparture")
            d.wait(lambda m: m.one("finalizeDialog/setDeparture") is None, "the departure time")
        d.reveal("signerName_representative", scroller)
        d.click("signerName_representative")
        d.display.type(REPRESENTATIVE)
        for role in ("inspector", "representative"):
            self._sign(f"signaturePad_{role}", scroller)
        d.shot("signed")
        fields = ["passphrase"]
        if d.current("the finalize dialog").one(
            "finalizeDialog/newPassphrase"
        ):  # no identity yet: made here
            fields = ["newPassphrase", "newPassphraseAgain"]
        for name in fields:
            d.reveal(f"finalizeDialog/{name}", scroller)
            d.click(f"finalizeDialog/{name}")
            d.display.type(PASSPHRASE)
        d.shot("passphrase")
        d.click("finalizeDialog/finalizeButton")
        d.widget("confirmBox/confirmYes", "the confirmation before locking", timeout=30)
        d.shot("confirm")
        d.click("confirmBox/confirmYes")
        info = d.wait(
            lambda m: next((w for w in m.windows() if w.get("icon") == "Information"), None),
            "the «finalized» message",
            timeout=120,
        )
        d.shot("finalized")
        d.display.click(*center(info["buttons"][0]["rect"]))
        d.wait(lambda m: (m.one("readOnlyBanner") or {}).get("text"), "the read-only editor")
        d.wait(lambda m: m.one("finalizeActions/saveSignedPdf"), "the signed PDF button")
        d.shot("read-only")

    def _sign(self, pad: str, scroller: str) -> None:
        d = self.driver
        d.reveal(pad, scroller)
        current = d.current(f"finding {pad}")
        entry = current.one(pad)
        assert entry is not None
        x, y, w, h = current.on_screen(entry) or entry["rect"]
        points = [
            (x + int(w * (0.15 + 0.7 * step / 24)), y + int(h * (0.5 + 0.3 * (-1) ** step)))
            for step in range(25)
        ]
        d.display.drag(points)
        d.wait(lambda m: (m.one(pad.replace("signaturePad", "clear")) or {}).get("enabled"),
               f"the drawn signature on {pad}")  # fmt: skip

    # --- what was stored -----------------------------------------------------------------
    def _cli(self, *args: str) -> str:
        done = subprocess.run(
            [str(ROOT / "start"), *args, "--data-dir", str(self.data_dir)],
            cwd=ROOT, env=self.display.env(), capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        if done.returncode != 0:
            raise DisplayFailure(f"./start {' '.join(args)} failed: {done.stderr[-2000:]}")
        return done.stdout

    def _check_stored(self) -> None:
        listed = json.loads(self._cli("inspections", "list", "--json"))
        if len(listed) != 1:
            raise DisplayFailure(f"expected one inspection, found {len(listed)}")
        inspection_id = listed[0]["id"]
        self.outcome.inspection_id = inspection_id
        out = self.work / f"inspection-{inspection_id}.json"
        self._cli("inspections", "export", inspection_id, "-o", str(out))
        exported: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        if exported["status"] != "finalized":
            raise DisplayFailure(f"the inspection is {exported['status']}, not finalized")
        document = exported["inspection"]
        stored = {(a["item_id"], a["repeat_index"]): a["value"] for a in document["answers"]}
        wrong = {
            key: (value, stored.get(key))
            for key, value in self.answerer.answers.items()
            if stored.get(key) != value
        }
        if wrong:
            raise DisplayFailure(f"answers not stored as given (given, stored): {wrong}")
        photos = [(p["item_id"], p["repeat_index"]) for p in document["photos"]]
        for key, count in self.answerer.photos.items():
            if photos.count(key) != count:
                raise DisplayFailure(f"{key}: {photos.count(key)} photos stored, {count} added")
        if document["interviews"] != [1]:
            raise DisplayFailure(f"interviews stored: {document['interviews']}")
        signatures = {s["role"]: s for s in document["signatures"]}
        for role in ("inspector", "representative"):
            if not (signatures.get(role) or {}).get("png_sha256"):
                raise DisplayFailure(f"no drawn {role} signature stored")
        if signatures["representative"]["signer_name"] != REPRESENTATIVE:
            raise DisplayFailure(f"representative stored as {signatures['representative']}")
        log = self.data_dir / "bazres.log"
        errors = [
            line for line in log.read_text(errors="replace").splitlines() if " ERROR " in line
        ]
        if errors:
            raise DisplayFailure("the app logged errors:\n" + "\n".join(errors[:20]))
