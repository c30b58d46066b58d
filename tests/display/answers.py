"""Answering checklist items on the real display, by mouse and by keyboard, and recording what
was answered so the stored inspection can be checked against it.

Keyboard: the editor's shortcuts (Ctrl+1/2/3 answer the current item and move on, Alt+Down
moves to the next item). Mouse: the answer buttons, a combo box's popup, check boxes, fields.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from inspector_app.domain.forms import Item
from tests.display.driver import DisplayFailure, Driver, Map

YESNO_KEYS = {"yes": "ctrl+1", "no": "ctrl+2", "na": "ctrl+3"}
# Answers other than the default «yes»; the rest of the checklist is answered «yes».
PLAN: dict[str, Any] = {
    "licence_holder_present": "no",
    "tariff_posted": "na",
    "hours_kept": "no",
    "drinking_water": "na",
    "low_counter": "no",
    "iv_documents_returned": "no",
}
NUMBERS = {
    "staff_count": "۴",
    "active_counters": "2",
    "waiting_people": "۱۲",
    "iv_wait_minutes": "25",
}
TEXTS = {"complaint_notes": "دفتر شکایت ثبت‌شده ندارد", "iv_comment": "منتظر ماندم"}


def persian_to_int(text: str) -> int:
    return int(text.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")))


class Answerer:
    """Answers items of the page on screen; `answers` holds every value given, by
    (item id, repeat index)."""

    def __init__(self, driver: Driver, photo: Path) -> None:
        self.driver = driver
        self.photo = photo
        self.answers: dict[tuple[str, int], Any] = {}
        self.photos: dict[tuple[str, int], int] = {}
        self.count = 0  # items answered: every third yes/no and choice goes by mouse
        self.choices = 0
        self.keyboard = 0  # answers given with the keyboard, reported
        self.mouse = 0

    # --- helpers -------------------------------------------------------------------------
    @staticmethod
    def frame(item: Item, repeat: int) -> str:
        name = f"item_{item.id}_{repeat}"
        return f"interview_{repeat}/{name}" if repeat else f"sectionPages/{name}"

    @staticmethod
    def scroller(repeat: int) -> str:
        return "interviewsPanel" if repeat else "sectionPages"

    @staticmethod
    def is_current(current: Map, frame: str) -> bool:
        entry = current.one(frame)
        return bool(entry and (entry.get("props") or {}).get("current"))

    def make_current(self, frame: str, previous: str | None) -> bool:
        """Alt+Down from the previous item when that one is current; True when `frame` is
        current now (the keyboard can answer it)."""
        current = self.driver.current(f"checking which item is current before {frame}")
        if self.is_current(current, frame):
            return True
        if previous is None or not self.is_current(current, previous):
            return False
        self.driver.display.key("alt+Down")
        self.driver.wait(
            lambda m: self.is_current(m, frame), f"Alt+Down to make {frame} the current item"
        )
        return True

    def checked(self, pattern: str) -> bool:
        return bool(self.driver.wait(lambda m: (m.one(pattern) or {}).get("checked"), pattern))

    # --- one item ------------------------------------------------------------------------
    def answer(self, item: Item, repeat: int, previous: str | None) -> None:
        frame = self.frame(item, repeat)
        self.count += 1
        handler = getattr(self, f"_{item.type}")
        handler(item, repeat, frame, previous)
        self.driver.shot(f"{item.id}-{repeat}" if repeat else item.id)

    def _yesno(self, item: Item, repeat: int, frame: str, previous: str | None) -> None:
        value = PLAN.get(item.id, "yes")
        by_mouse = self.count % 3 == 0
        button = f"{frame}/answer_{value}"
        keyboard = not by_mouse and self.make_current(frame, previous)
        if keyboard:
            self.driver.display.key(YESNO_KEYS[value])
            self.keyboard += 1
        else:
            self.driver.reveal(button, self.scroller(repeat))
            self.driver.click(button)
            self.mouse += 1

        def chosen(m: Map) -> bool:
            entry = m.one(button)
            # The last item of a section answered from the keyboard moves on to the next
            # section: its page is hidden then (the stored value is checked at the end).
            return bool((entry or {}).get("checked") or (keyboard and entry is None))

        self.driver.wait(chosen, f"«{value}» shown as chosen on {item.id}")
        self.answers[(item.id, repeat)] = value

    def _scale(self, item: Item, repeat: int, frame: str, _previous: str | None) -> None:
        assert item.max is not None
        value = int(item.max) - 1
        button = f"{frame}/answer_{value}"
        self.driver.reveal(button, self.scroller(repeat))
        self.driver.click(button)
        self.mouse += 1
        self.checked(button)
        self.answers[(item.id, repeat)] = value

    def _number(self, item: Item, repeat: int, frame: str, _previous: str | None) -> None:
        typed = NUMBERS.get(item.id, "3")
        field = f"{frame}/numberAnswer"
        self.driver.reveal(field, self.scroller(repeat))
        self.driver.click(field)
        self.driver.wait(lambda m: (m.one(field) or {}).get("focus"), f"focus in {field}")
        self.driver.display.type(typed)
        self.driver.display.key("Return")
        self.mouse += 1
        self.driver.wait(
            lambda m: (
                persian_to_int((m.one(field) or {}).get("text") or "-1") == persian_to_int(typed)
            ),
            f"{typed} in {field}",
        )
        self.answers[(item.id, repeat)] = persian_to_int(typed)

    def _text(self, item: Item, repeat: int, frame: str, _previous: str | None) -> None:
        typed = TEXTS.get(item.id, "خوب")
        field = f"{frame}/textAnswer"
        self.driver.reveal(field, self.scroller(repeat))
        self.driver.click(field)
        self.driver.wait(lambda m: (m.one(field) or {}).get("focus"), f"focus in {field}")
        self.driver.display.type(typed)
        self.driver.wait(lambda m: (m.one(field) or {}).get("text") == typed, f"text in {field}")
        self.driver.display.key("Tab")  # leaving the field writes it at once
        self.mouse += 1
        self.answers[(item.id, repeat)] = typed

    def _multichoice(self, item: Item, repeat: int, frame: str, _previous: str | None) -> None:
        options = item.options or []
        chosen = [options[0].id, options[min(2, len(options) - 1)].id]
        for option_id in dict.fromkeys(chosen):
            box = f"{frame}/option_{option_id}"
            self.driver.reveal(box, self.scroller(repeat))
            self.driver.click(box, leading=True)  # on the box itself, not the empty row
            self.checked(box)
        self.mouse += 1
        self.answers[(item.id, repeat)] = [o.id for o in options if o.id in chosen]

    def _choice(self, item: Item, repeat: int, frame: str, previous: str | None) -> None:
        options = item.options or []
        self.choices += 1
        position = 1 if self.choices % 2 else min(2, len(options))  # 1-based, as in the list
        option = options[position - 1]
        combo = f"{frame}/choiceAnswer"
        if self.choices % 2 == 0 and self.make_current(frame, previous):
            self.driver.wait(lambda m: (m.one(combo) or {}).get("focus"), f"focus on {combo}")
            for _ in range(position):
                self.driver.display.key("Down")  # a closed combo box steps through its items
            self.keyboard += 1
        else:
            self.driver.reveal(combo, self.scroller(repeat))
            self.driver.click(combo)
            self.driver.wait(lambda m: m.popup and m.popup.get("rows"), f"the popup of {combo}")
            self.driver.shot(f"{item.id}-popup")
            self.driver.click_row_of_popup(option.label)
            self.driver.wait(lambda m: m.popup is None, f"the popup of {combo} to close")
            self.mouse += 1
        self.driver.wait(
            lambda m: (m.one(combo) or {}).get("data") == option.id,
            f"«{option.label}» chosen in {combo}",
        )
        self.answers[(item.id, repeat)] = option.id

    def _photo(self, item: Item, repeat: int, frame: str, _previous: str | None) -> None:
        strip = f"{frame}/photoStrip"
        before = (self.driver.current("counting photos").one(f"{strip}/thumbnails") or {}).get(
            "count", 0
        )
        self.driver.reveal(f"{strip}/addPhoto", self.scroller(repeat))
        self.driver.click(f"{strip}/addPhoto")
        dialog = self.driver.wait(
            lambda m: next((w for w in m.windows() if w["class"] == "QFileDialog"), None),
            "the photo file dialog",
        )
        edit = self.driver.widget("fileNameEdit", "the file name field of the file dialog")
        self.driver.shot(f"{item.id}-file-dialog")
        if not edit["focus"]:
            self.driver.click("fileNameEdit")
        self.driver.display.type(str(self.photo))
        self.driver.display.key("Return")
        self.driver.wait(
            lambda m: not any(w["class"] == "QFileDialog" for w in m.windows()),
            f"the file dialog «{dialog['title']}» to close after Enter",
        )
        self.driver.wait(
            lambda m: (m.one(f"{strip}/thumbnails") or {}).get("count", 0) > before,
            f"the photo's thumbnail on {item.id}",
            timeout=40,
        )
        self.mouse += 1
        self.photos[(item.id, repeat)] = before + 1


def visible_items(current: Map, items: list[Item], repeat: int) -> list[Item]:
    """The items of `items` that the page shows now (conditional ones may be hidden)."""
    return [i for i in items if current.one(Answerer.frame(i, repeat)) is not None]


def answer_all(answerer: Answerer, items: list[Item], repeat: int) -> None:
    """Answer every item the page shows, in order; items that appear meanwhile too."""
    done: set[str] = set()
    previous: str | None = None
    while True:
        current = answerer.driver.current("reading the items on the page")
        pending = [i for i in visible_items(current, items, repeat) if i.id not in done]
        if not pending:
            return
        item = pending[0]
        if (item.id, repeat) in answerer.answers or (
            item.type == "photo" and (item.id, repeat) in answerer.photos
        ):
            done.add(item.id)  # answered before the app was restarted
            continue
        answerer.answer(item, repeat, previous)
        done.add(item.id)
        previous = answerer.frame(item, repeat)
        if len(done) > len(items):
            raise DisplayFailure("answering went round in circles")
