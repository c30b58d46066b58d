from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from inspector_app import paths
from inspector_app.domain.forms import (
    Item,
    check_answer,
    load_form,
    load_forms,
    parse_form,
    parse_form_once,
)
from inspector_app.domain.item_types import TYPES, type_named
from inspector_app.errors import FormError, InvalidAnswer

SHIPPED = sorted(paths.BUNDLED_FORMS.glob("*.yaml"))

MINIMAL = """\
id: test-form
version: 1
title: فرم آزمایشی
office_types: [pishkhan]
sections:
  - id: s1
    title: بخش یک
    items:
      - id: a
        type: yesno
        text: پرسش یک
      - id: b
        type: scale
        text: پرسش دو
        min: 1
        max: 5
        show_if: {item: a, equals: "yes"}
"""


def write(tmp_path: Path, text: str, name: str = "form.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("path", SHIPPED, ids=[p.stem for p in SHIPPED])
def test_shipped_forms_are_complete(path: Path) -> None:
    loaded = load_form(path)
    form = loaded.form
    assert len(form.sections) >= 5
    assert sum(1 for _ in form.checklist_items()) >= 30
    assert form.interview is not None
    interview_texts = " ".join(i.text for i in form.interview.items)
    for topic in ("انتظار", "تعرفه"):
        assert topic in interview_texts
    assert any(i.satisfaction for i in form.interview.items)
    assert "ي" not in path.read_text(encoding="utf-8")
    assert "ك" not in path.read_text(encoding="utf-8")


def test_one_form_per_office_type() -> None:
    report = load_forms([paths.BUNDLED_FORMS])
    assert not report.errors
    covered = {t for f in report.forms for t in f.form.office_types}
    assert covered == {"pishkhan", "police10", "brokerage"}


def test_minimal_form_loads_and_hash_is_stable(tmp_path: Path) -> None:
    first = load_form(write(tmp_path, MINIMAL))
    second = load_form(write(tmp_path, MINIMAL.replace("title: بخش یک", "title:   بخش یک")))
    assert first.sha256 == second.sha256  # same content, different spacing
    assert len(first.sha256) == 64


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (MINIMAL.replace("type: scale", "type: slider"), 13, ["slider", "b"]),
        # A rule over the whole form, told at the offending item (not at the form's start).
        (MINIMAL.replace("id: b", "id: a"), 12, ["تکراری", "a", "items.1.id"]),
        (MINIMAL.replace("{item: a,", "{item: zz,"), 17, ["zz", "show_if.item"]),
        (MINIMAL.replace("min: 1\n", "min: 9\n"), 12, ["min"]),
        (MINIMAL.replace('equals: "yes"', "equals: yes"), 17, ["نقل‌قول"]),
        (MINIMAL + "    colour: red\n", 18, ["colour"]),
    ],
    ids=["unknown-type", "duplicate-id", "unknown-condition", "bad-scale", "bare-yes", "extra-key"],
)
def test_broken_forms_name_file_line_and_reason(
    tmp_path: Path, text: str, line: int, words: list[str]
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(FormError) as caught:
        load_form(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: ")
    for word in words:
        assert word in message


def test_truncated_and_malformed_yaml(tmp_path: Path) -> None:
    truncated = write(tmp_path, MINIMAL[: MINIMAL.index("      - id: b")] + "      - id: [b\n")
    with pytest.raises(FormError) as caught:
        load_form(truncated)
    assert str(caught.value).startswith(f"{truncated}:")
    with pytest.raises(FormError):
        load_form(write(tmp_path, "- just\n- a list\n", "list.yaml"))
    with pytest.raises(FormError):
        load_form(write(tmp_path, "", "empty.yaml"))


def test_broken_file_is_skipped_and_others_load(tmp_path: Path) -> None:
    write(tmp_path, MINIMAL, "good.yaml")
    write(tmp_path, "id: [unclosed", "bad.yaml")
    write(
        tmp_path,
        MINIMAL.replace("id: test-form", "id: other").replace(
            "min: 1", "min: 1\n        labels: {1: کم, 5: زیاد}"
        ),
        "labels.yaml",
    )
    report = load_forms([tmp_path])
    assert sorted(f.form.id for f in report.forms) == ["other", "test-form"]
    assert len(report.errors) == 1 and "bad.yaml" in str(report.errors[0])


def test_answers_are_checked_against_their_item(tmp_path: Path) -> None:
    form = load_form(write(tmp_path, MINIMAL)).form
    assert check_answer(form.item("a"), "na") == "na"
    assert check_answer(form.item("b"), 5.0) == 5
    for item_id, bad in (("a", "maybe"), ("a", 1), ("b", 6), ("b", "5"), ("b", 2.5), ("b", True)):
        with pytest.raises(InvalidAnswer):
            check_answer(form.item(item_id), bad)


def test_item_types_are_looked_up_by_name() -> None:
    assert list(TYPES) == [
        *("yesno", "scale", "number", "text", "choice", "multichoice", "photo"),
        *("national_code", "mobile", "landline", "postal_code", "jalali_date", "gps_point"),
    ]
    assert type_named("scale") is TYPES["scale"]
    for unknown in ("slider", 5, None):
        with pytest.raises(FormError) as caught:
            type_named(unknown)
        assert "'yesno'" in str(caught.value) and "'photo'" in str(caught.value)


def test_every_item_type_has_an_editor_control() -> None:
    from inspector_app.ui.editor.items import CONTROLS

    assert set(CONTROLS) == set(TYPES)


def test_multichoice_interview_answers_are_counted_by_option() -> None:
    item = Item.model_validate(
        {
            "id": "m",
            "type": "multichoice",
            "text": "پرسش",
            "options": [{"id": "a", "label": "الف"}, {"id": "b", "label": "ب"}],
        }
    )
    assert item.kind.interview_summary(item, [["a", "b"], ["a"]]) == "الف: ۲ — ب: ۱"


def load_error(tmp_path: Path, text: str) -> tuple[Path, str]:
    path = write(tmp_path, text)
    with pytest.raises(FormError) as caught:
        load_form(path)
    return path, str(caught.value)


def test_a_key_written_twice_is_refused_with_both_lines(tmp_path: Path) -> None:
    # A second `items:` in a section: YAML alone keeps the second and drops the first quietly.
    second_items = "    items:\n      - id: c\n        type: text\n        text: پرسش سه\n"
    path, message = load_error(tmp_path, MINIMAL + second_items)
    assert message.startswith(f"{path}:18: sections.0: ")
    assert "«items»" in message and "خط 8 و خط 18" in message
    path, message = load_error(
        tmp_path, MINIMAL.replace("version: 1\n", "version: 1\nversion: 2\n")
    )
    assert message.startswith(f"{path}:3: ") and "«version»" in message and "خط 2 و خط 3" in message
    # A scale label under 1 and under "1" is one label written twice (both are read as 1).
    labels = '        max: 5\n        labels: {1: کم, "1": زیاد}\n'
    path, message = load_error(tmp_path, MINIMAL.replace("        max: 5\n", labels))
    assert message.startswith(f"{path}:17: ") and "«1»" in message
    # A merge key (`<<`) brings keys in; it repeats none.
    merged = MINIMAL.replace("{item: a, equals:", "{<<: {item: a}, equals:")
    assert load_form(write(tmp_path, merged)).form.item("b").show_if is not None


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ('equals: "yes"', 'equals: "maybe"', 17, ["'maybe'", '"yes", "no", "na"']),
        ('equals: "yes"', 'in: ["yes", "perhaps"]', 17, ["'perhaps'", "show_if.in.1"]),
        ("        text: پرسش یک\n", "        text: پرسش یک\n        allow_na: false\n", 18, []),
        ('{item: a, equals: "yes"}', '{item: c, equals: "gold"}', 23, ["'gold'", "plain"]),
    ],
    ids=["yesno-maybe", "yesno-in", "na-not-allowed", "unknown-option"],
)
def test_a_condition_its_item_never_meets_is_refused_at_its_line(
    tmp_path: Path, old: str, new: str, line: int, words: list[str]
) -> None:
    text = MINIMAL.replace(old, new)
    if "allow_na" in new:
        text = text.replace('equals: "yes"', 'equals: "na"')
    if "item: c" in new:  # a choice item between the two
        text = text.replace(
            "      - id: b\n",
            "      - id: c\n        type: choice\n        text: جنس\n        options:\n"
            "          - {id: plain, label: ساده}\n          - {id: fancy, label: آراسته}\n"
            "      - id: b\n",
        )
    path, message = load_error(tmp_path, text)
    assert message.startswith(f"{path}:{line}: "), message
    assert "[پرسش b]" in message and "هرگز" in message
    for word in words:
        assert word in message


def test_conditions_that_can_hold_still_load(tmp_path: Path) -> None:
    text = MINIMAL.replace('equals: "yes"', 'in: ["yes", "na"]')
    assert load_form(write(tmp_path, text)).form.item("b").show_if is not None


@pytest.mark.parametrize(
    ("old", "new", "line", "letter", "persian"),
    [
        ("text: پرسش یک", "text: پرسش يک", 11, "ي", "ی"),
        ("title: بخش یک", "title: بخش یك", 7, "ك", "ک"),
        ("title: فرم آزمایشی", "title: فرم آزمايشی", 3, "ي", "ی"),
        ("max: 5\n", 'max: 5\n        labels: {"5": "بسيار خوب"}\n', 17, "ي", "ی"),
        ("text: پرسش دو", "text: |\n          پرسش دو\n          با كلمهٔ دیگر", 16, "ك", "ک"),
    ],
    ids=["item-text", "section-title", "form-title", "scale-label", "block-text"],
)
def test_arabic_yeh_and_kaf_in_persian_text_are_refused(
    tmp_path: Path, old: str, new: str, line: int, letter: str, persian: str
) -> None:
    path, message = load_error(tmp_path, MINIMAL.replace(old, new))
    assert message.startswith(f"{path}:{line}: "), message
    assert f"«{letter}»" in message and f"«{persian}»" in message


def test_an_option_label_with_arabic_kaf_is_named_at_its_line(tmp_path: Path) -> None:
    text = MINIMAL + (
        "      - id: c\n        type: choice\n        text: جنس\n        options:\n"
        "          - {id: plain, label: ساده}\n          - {id: fancy, label: كاشی}\n"
    )
    path, message = load_error(tmp_path, text)
    assert message.startswith(f"{path}:23: sections.0.items.2.options.1.label [پرسش c]: ")
    assert "«ك»" in message and "«ک»" in message


def test_a_stored_snapshot_with_arabic_letters_still_opens(tmp_path: Path) -> None:
    # The authoring checks are for form files: an inspection made with an old form still opens.
    document = load_form(write(tmp_path, MINIMAL)).document
    document["sections"][0]["title"] = "بخش يك"
    assert parse_form(document).form.sections[0].title == "بخش يك"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_a_remembered_form_is_the_form_parsed_anew(path: Path) -> None:
    # Each shipped form as it is stored in an inspection (JSON: string keys), and once with
    # integer scale-label keys as YAML can give them: the same form, document and hash.
    document = load_form(path).document
    fresh, remembered = parse_form(document), parse_form_once(document)
    assert (remembered.form, remembered.document, remembered.sha256) == (
        fresh.form, fresh.document, fresh.sha256,
    )  # fmt: skip
    assert parse_form_once(dict(document)) is remembered
    labelled = [i for s in document["sections"] for i in s["items"] if i.get("labels")]
    for item in labelled:
        item["labels"] = {int(k): v for k, v in item["labels"].items()}
    assert parse_form_once(document).sha256 == fresh.sha256


def test_a_form_that_fails_is_refused_each_time(tmp_path: Path) -> None:
    document = load_form(write(tmp_path, MINIMAL)).document
    document["sections"][0]["items"][1]["max"] = 0  # below its min
    for _ in range(2):  # a refusal is not remembered as a form
        with pytest.raises(ValidationError):
            parse_form_once(document)


def test_a_huge_value_is_not_echoed_back_whole(tmp_path: Path) -> None:
    huge = "x" * 30_000_000
    path, message = load_error(tmp_path, MINIMAL.replace("type: scale", f"type: {huge}"))
    assert message.startswith(f"{path}:13: ") and len(message) < 500
    assert "'" + "x" * 79 + "…" in message
    path, message = load_error(tmp_path, MINIMAL.replace('equals: "yes"', f'equals: "{huge}"'))
    assert message.startswith(f"{path}:17: ") and len(message) < 500 and "…" in message
