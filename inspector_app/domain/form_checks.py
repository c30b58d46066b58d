"""Authoring mistakes in a form file that its schema alone lets through, and where in the
file an error stands.

A key written twice (YAML keeps the last one silently: a second `items:` list would replace the
first) and Arabic «ي»/«ك» in Persian text are found in the composed YAML; a `show_if` value its
item never takes is found on the validated form (forms.py). These are checks of form *files*
(the app, `inspector-app forms validate`, the server's publishing), not of form snapshots
already stored with inspections. Each problem names its place as a pydantic-style location;
`error_at` turns it into `file:line: location [پرسش id]: message`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from inspector_app.errors import FormError

ECHO_LIMIT = 80  # characters of a given value repeated in a message
ARABIC_LETTERS = {"ي": "ی", "ك": "ک", "ى": "ی"}
# Keys whose values are Persian text (and `labels`, whose values are).
TEXT_KEYS = {"title", "description", "text", "help", "finding", "label", "unit"}
_MERGE = "tag:yaml.org,2002:merge"

Location = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    loc: Location  # where in the document, as pydantic gives it
    message: str
    line: int | None = None  # when known from the YAML itself


def cut(text: str) -> str:
    """`text` as a message repeats it: at most ECHO_LIMIT characters, then «…»."""
    return text if len(text) <= ECHO_LIMIT else text[:ECHO_LIMIT] + "…"


def shortened(value: object) -> str:
    """A given value as a message repeats it: a string quoted, and cut."""
    return cut(repr(value) if isinstance(value, str) else str(value))


def duplicate_key(node: yaml.Node | None) -> Problem | None:
    """The first mapping key written twice in the composed document, with both lines."""
    for mapping, path in _mappings(node, (), set()):
        seen: dict[str, yaml.Node] = {}
        for key, _value in mapping.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag == _MERGE:
                continue
            # By its text: a scale label under 1 and under "1" is one label (pydantic reads
            # both as 1 and keeps one).
            first = seen.setdefault(key.value, key)
            if first is not key:
                return Problem(
                    path,
                    f"کلید «{cut(key.value)}» دو بار آمده است (خط "
                    f"{first.start_mark.line + 1} و خط {key.start_mark.line + 1})؛ YAML فقط "
                    "دومی را نگه می‌دارد و اولی بی‌صدا کنار می‌رود",
                    key.start_mark.line + 1,
                )
    return None


def _mappings(
    node: yaml.Node | None, path: Location, visited: set[int]
) -> Iterator[tuple[yaml.MappingNode, Location]]:
    if node is None or id(node) in visited:  # an alias names a node already walked
        return
    visited.add(id(node))
    if isinstance(node, yaml.MappingNode):
        yield node, path
        for key, value in node.value:
            yield from _mappings(value, (*path, str(key.value)), visited)
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            yield from _mappings(value, (*path, index), visited)


def arabic_letter(node: yaml.Node | None) -> Problem | None:
    """The first Persian text (a title, question, option label, …) written with Arabic ي or ك."""
    for mapping, path in _mappings(node, (), set()):
        for key, value in mapping.value:
            name = str(key.value)
            texts: list[tuple[yaml.Node, Location]] = []
            if name in TEXT_KEYS:
                texts.append((value, (*path, name)))
            elif name == "labels" and isinstance(value, yaml.MappingNode):
                texts += [(v, (*path, name, str(k.value))) for k, v in value.value]
            for text, loc in texts:
                found = _arabic_in(text)
                if found is not None:
                    letter, line = found
                    return Problem(
                        loc,
                        f"حرف عربی «{letter}» در متن فارسی؛ به جای آن «{ARABIC_LETTERS[letter]}» "
                        f"فارسی بنویسید: {shortened(text.value)}",
                        line,
                    )
    return None


def _arabic_in(node: yaml.Node) -> tuple[str, int] | None:
    """The Arabic letter in a text scalar and the file line it stands on."""
    if not isinstance(node, yaml.ScalarNode) or not isinstance(node.value, str):
        return None
    position = min((i for i, c in enumerate(node.value) if c in ARABIC_LETTERS), default=None)
    if position is None:
        return None
    line = node.start_mark.line + 1
    if node.style in ("|", ">"):  # a block: its text starts on the line after the marker
        line += 1 + node.value.count("\n", 0, position)
    return node.value[position], line


def error_at(where: str, node: yaml.Node | None, document: Any, problem: Problem) -> FormError:
    """`file:line: location [پرسش id]: message`, the line that of the offending item's key."""
    line = problem.line or line_of(node, problem.loc)
    item_id = item_id_at(document, problem.loc)
    about = f" [پرسش {item_id}]" if item_id else ""
    field = ".".join(str(p) for p in problem.loc) or "(فرم)"
    message = f"{field}{about}: {problem.message}"
    return FormError(message, where=f"{where}:{line}" if line else where)


def line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """The 1-based line of the deepest YAML node that the pydantic error location reaches."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if k.value == part), None)
            if found is None:
                # An extra key: point at the key itself.
                key = next((k for k, _ in node.value if k.value == part), None)
                return key.start_mark.line + 1 if key is not None else line
            node = found
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line


def item_id_at(document: Any, loc: tuple[Any, ...]) -> str | None:
    """The id of the item an error location points into, if any."""
    found: str | None = None
    current = document
    for part in loc:
        try:
            current = current[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(current, dict) and "type" in current and isinstance(current.get("id"), str):
            found = current["id"]
    return found
