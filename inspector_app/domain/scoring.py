"""Scoring in plain Python: weighted compliance, critical failures, grade, satisfaction index.

Compliance is the weighted mean of item scores (each 0..1) over visible, answered, scored
items; N/A and unanswered items are left out. Any failed critical item caps the grade.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from inspector_app.domain.forms import Form, Item
from inspector_app.domain.vocabulary import GRADES

AnswerKey = tuple[str, int]  # (item id, repeat index); checklist items use repeat index 0

CRITICAL_CAP = "C"  # a failed critical item: the grade is at best this
FAIL_BELOW = 0.5  # an item scoring under this has failed


def item_score(item: Item, value: Any) -> float | None:
    """The 0..1 score of one answer, or None when it does not count (N/A, unscored, empty)."""
    if value is None or not item.scored:
        return None
    return item.kind.score(item, value)


def is_visible(item: Item, answers: Mapping[AnswerKey, Any], repeat_index: int = 0) -> bool:
    if item.show_if is None:
        return True
    return item.show_if.holds(answers.get((item.show_if.item, repeat_index)))


def is_answered(
    item: Item, answers: Mapping[AnswerKey, Any], photos: Mapping[AnswerKey, int], repeat: int = 0
) -> bool:
    key = (item.id, repeat)
    return item.kind.is_answered(item, answers.get(key), photos.get(key, 0))


@dataclass(frozen=True)
class SectionScore:
    section_id: str
    title: str
    compliance: float | None  # 0..100
    answered: int
    total_visible: int


@dataclass(frozen=True)
class ScoreResult:
    compliance: float | None  # 0..100, None when nothing scored yet
    grade: str | None  # A..D
    critical_failures: list[str]
    satisfaction: float | None  # 0..100 over the interviews
    sections: list[SectionScore]
    yes: int
    no: int
    na: int
    open_required: list[AnswerKey] = field(default_factory=list)
    required_total: int = 0  # visible required items (interviews included)

    @property
    def required_answered(self) -> int:
        return self.required_total - len(self.open_required)

    @property
    def uncapped_grade(self) -> str | None:
        """The grade the compliance alone gives, before a failed critical item caps it."""
        return grade_for(self.compliance, False)

    @property
    def capped(self) -> bool:
        """Whether a failed critical item lowered the grade."""
        return bool(self.critical_failures) and self.uncapped_grade != self.grade


def grade_for(compliance: float | None, critical_failed: bool) -> str | None:
    if compliance is None:
        return "D" if critical_failed else None
    grade = next(name for name, floor in GRADES if compliance >= floor - 1e-9)
    order = [name for name, _ in GRADES]
    if critical_failed and order.index(grade) < order.index(CRITICAL_CAP):
        grade = CRITICAL_CAP
    return grade


def _weighted(pairs: Iterable[tuple[float, float]]) -> float | None:
    total_weight = 0.0
    total = 0.0
    for weight, score in pairs:
        total_weight += weight
        total += weight * score
    return 100.0 * total / total_weight if total_weight else None


def score(
    form: Form,
    answers: Mapping[AnswerKey, Any],
    photos: Mapping[AnswerKey, int] | None = None,
    interviews: Iterable[int] = (),
) -> ScoreResult:
    """Score an inspection's answers against its form."""
    photos = photos or {}
    sections: list[SectionScore] = []
    all_pairs: list[tuple[float, float]] = []
    critical: list[str] = []
    open_required: list[AnswerKey] = []
    required_total = 0
    yes = no = na = 0
    for section in form.sections:
        pairs: list[tuple[float, float]] = []
        answered = visible = 0
        for item in section.items:
            if not is_visible(item, answers):
                continue
            visible += 1
            required_total += item.required
            key = (item.id, 0)
            value = answers.get(key)
            kind = item.kind  # looked up once: this loop runs on every saved answer
            if kind.is_answered(item, value, photos.get(key, 0)):
                answered += 1
            elif item.required:
                open_required.append(key)
            if kind.yes_no:
                yes += value == "yes"
                no += value == "no"
                na += value == "na"
            s = None if value is None or not kind.scored(item) else kind.score(item, value)
            if s is None:
                continue
            pairs.append((item.weight, s))
            if item.critical and s < FAIL_BELOW:
                critical.append(item.id)
        all_pairs.extend(pairs)
        sections.append(
            SectionScore(section.id, section.title, _weighted(pairs), answered, visible)
        )

    satisfaction_scores: list[float] = []
    if form.interview is not None:
        for repeat in sorted(set(interviews)):
            for item in form.interview.items:
                if not is_visible(item, answers, repeat):
                    continue
                required_total += item.required
                if item.required and not is_answered(item, answers, photos, repeat):
                    open_required.append((item.id, repeat))
                if item.satisfaction:
                    s = item_score(item, answers.get((item.id, repeat)))
                    if s is not None:
                        satisfaction_scores.append(s)
    compliance = _weighted(all_pairs)
    satisfaction = (
        100.0 * sum(satisfaction_scores) / len(satisfaction_scores) if satisfaction_scores else None
    )
    return ScoreResult(
        compliance=compliance,
        grade=grade_for(compliance, bool(critical)),
        critical_failures=critical,
        satisfaction=satisfaction,
        sections=sections,
        yes=yes,
        no=no,
        na=na,
        open_required=open_required,
        required_total=required_total,
    )
