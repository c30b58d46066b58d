from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from inspector_app.domain.forms import Form
from inspector_app.domain.scoring import grade_for, item_score, score

FORM = Form.model_validate(
    {
        "id": "t",
        "version": 1,
        "title": "آزمون",
        "office_types": ["pishkhan"],
        "sections": [
            {
                "id": "s1",
                "title": "یک",
                "items": [
                    {"id": "a", "type": "yesno", "text": "الف", "weight": 2},
                    {"id": "b", "type": "yesno", "text": "ب", "weight": 1, "critical": True},
                    {"id": "c", "type": "scale", "text": "ج", "min": 1, "max": 5, "weight": 1},
                ],
            },
            {
                "id": "s2",
                "title": "دو",
                "items": [
                    {"id": "d", "type": "yesno", "text": "د", "weight": 3},
                    {
                        "id": "e",
                        "type": "yesno",
                        "text": "ه",
                        "required": False,
                        "show_if": {"item": "d", "equals": "no"},
                    },
                    {
                        "id": "f",
                        "type": "number",
                        "text": "و",
                        "min": 0,
                        "max": 100,
                        "compliant_max": 30,
                    },
                    {
                        "id": "g",
                        "type": "choice",
                        "text": "ز",
                        "options": [
                            {"id": "ok", "label": "خوب", "score": 1},
                            {"id": "half", "label": "نیمه", "score": 0.5},
                            {"id": "bad", "label": "بد", "score": 0},
                        ],
                    },
                    {"id": "h", "type": "text", "text": "ح", "required": False},
                ],
            },
        ],
        "interview": {
            "title": "مصاحبه",
            "items": [
                {
                    "id": "courtesy",
                    "type": "scale",
                    "text": "ادب",
                    "min": 1,
                    "max": 5,
                    "satisfaction": True,
                },
                {"id": "done", "type": "yesno", "text": "انجام شد", "satisfaction": True},
                {"id": "wait", "type": "number", "text": "انتظار", "min": 0, "max": 600},
            ],
        },
    }
)


def test_hand_computed_example() -> None:
    answers: dict[tuple[str, int], Any] = {
        ("a", 0): "yes",  # 2 × 1
        ("b", 0): "na",  # excluded
        ("c", 0): 4,  # 1 × 0.75
        ("d", 0): "no",  # 3 × 0
        ("e", 0): "yes",  # visible because d = no: 1 × 1
        ("f", 0): 45,  # 1 × 0 (over 30)
        ("g", 0): "half",  # 1 × 0.5
        ("courtesy", 1): 5,
        ("done", 1): "no",
        ("courtesy", 2): 3,
    }
    result = score(FORM, answers, interviews=[1, 2])
    # s1: (2 + 0.75) / 3 = 91.67; s2: (0 + 1 + 0 + 0.5) / 6 = 25; overall 4.25 / 9
    assert round(result.sections[0].compliance or 0, 2) == 91.67
    assert result.sections[1].compliance == 25.0
    assert round(result.compliance or 0, 4) == round(100 * 4.25 / 9, 4)
    assert result.grade == "D"
    assert result.critical_failures == []
    # satisfaction: courtesy 1.0, done 0.0, courtesy 0.5 -> 50
    assert result.satisfaction == 50.0
    assert (result.yes, result.no, result.na) == (2, 1, 1)
    # interview 2 has no answer for the required "done" and "wait"; interview 1 lacks "wait"
    assert set(result.open_required) == {("wait", 1), ("done", 2), ("wait", 2)}


def test_hidden_item_does_not_count_and_is_not_required() -> None:
    answers = {
        ("a", 0): "yes",
        ("b", 0): "yes",
        ("c", 0): 5,
        ("d", 0): "yes",
        ("e", 0): "no",
        ("f", 0): 10,
        ("g", 0): "ok",
    }
    result = score(FORM, answers)
    assert result.compliance == 100.0  # e is hidden (d = yes) and its "no" is ignored
    assert result.grade == "A"
    assert result.open_required == []


def test_failed_critical_item_caps_the_grade() -> None:
    answers = {
        ("a", 0): "yes",
        ("b", 0): "no",
        ("c", 0): 5,
        ("d", 0): "yes",
        ("f", 0): 1,
        ("g", 0): "ok",
    }
    result = score(FORM, answers)
    assert round(result.compliance or 0, 2) == round(100 * 8 / 9, 2)  # 88.89: would be B
    assert result.critical_failures == ["b"]
    assert result.grade == "C"
    assert grade_for(95.0, True) == "C"
    assert grade_for(40.0, True) == "D"


def test_nothing_answered() -> None:
    result = score(FORM, {})
    assert result.compliance is None and result.grade is None and result.satisfaction is None
    assert len(result.open_required) == 6  # a b c d f g are required; e hidden; h optional


yesno = st.sampled_from(["yes", "no", "na", None])


@given(
    a=yesno,
    b=yesno,
    d=yesno,
    c=st.one_of(st.none(), st.integers(1, 5)),
    f=st.one_of(st.none(), st.integers(0, 100)),
    g=st.sampled_from([None, "ok", "half", "bad"]),
)
def test_properties(a: Any, b: Any, d: Any, c: Any, f: Any, g: Any) -> None:
    answers = {
        k: v
        for k, v in {
            ("a", 0): a,
            ("b", 0): b,
            ("c", 0): c,
            ("d", 0): d,
            ("f", 0): f,
            ("g", 0): g,
        }.items()
        if v is not None
    }
    result = score(FORM, answers)
    if result.compliance is not None:
        assert 0.0 <= result.compliance <= 100.0
        assert result.grade in {"A", "B", "C", "D"}
    # N/A never changes the score: replacing N/A by "no answer" gives the same compliance
    without_na = {k: v for k, v in answers.items() if v != "na"}
    assert score(FORM, without_na).compliance == result.compliance
    # turning a "no" into "yes" never lowers compliance
    for key in (("a", 0), ("b", 0), ("d", 0)):
        if answers.get(key) == "no":
            better = score(FORM, {**answers, key: "yes"})
            if key != ("d", 0):  # d also hides e, which changes the set of items
                assert (better.compliance or 0) >= (result.compliance or 0)
    if b == "no":
        assert result.grade in {"C", "D"}


@given(st.integers(1, 5))
def test_scale_scores_linearly(value: int) -> None:
    assert item_score(FORM.item("c"), value) == (value - 1) / 4
