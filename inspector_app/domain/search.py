"""Office search: folded substring matching, with a trigram fallback for typos.

Built once from the registry rows and kept in memory. All folded keys are joined into one
string, so a query word is found with `str.find` (C speed) rather than a Python loop per
office; only when nothing matches is the vocabulary consulted for words one typo away (an
index of each word with one letter deleted) or sharing enough trigrams (longer words).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence

from inspector_app.domain.persian import fold_words, fold_words_many, from_wrong_layout

SEARCH_FIELDS = ("name", "code", "city", "county")
_SEP = "\n"  # never part of a folded key
# Shorter words are too easily one edit away from unrelated ones («دیر» and «دیلم»).
MIN_TYPO_LENGTH = 4


def _trigrams(word: str) -> set[str]:
    padded = f" {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def one_edit_apart(a: str, b: str) -> bool:
    """Whether `b` is `a` with at most one letter inserted, deleted, replaced or two swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if a[i + 1 :] == b[i + 1 :]:
        return True
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]


class OfficeIndex:
    """Searchable view of the registry; rows are mappings with the SEARCH_FIELDS and `code`."""

    def __init__(self, rows: Iterable[dict[str, object]]) -> None:
        self._codes: list[str] = []
        self._starts: list[int] = []  # offset of each office's key in the joined text
        keys: list[str] = []
        self._word_offices: dict[str, list[int]] = defaultdict(list)
        offset = 0
        rows = list(rows)
        width = len(SEARCH_FIELDS)
        folded = fold_words_many([str(row.get(f) or "") for row in rows for f in SEARCH_FIELDS])
        for index, row in enumerate(rows):
            words_by_field = folded[index * width : (index + 1) * width]
            # Each field's words are kept both joined (so "پیش خوان" finds "پیشخوان") and apart.
            key = "|".join("".join(ws) + " " + " ".join(ws) for ws in words_by_field)
            self._codes.append(str(row["code"]))
            self._starts.append(offset)
            keys.append(key)
            offset += len(key) + 1
            for word in {w for ws in words_by_field for w in ws}:
                self._word_offices[word].append(index)
        self._text = _SEP.join(keys)
        self._grams: dict[str, list[str]] | None = None  # built on the first fuzzy query
        self._edits: dict[str, list[str]] | None = None

    def __len__(self) -> int:
        return len(self._codes)

    def search(self, query: str, limit: int | None = None) -> list[str]:
        """Codes of matching offices, best first: all query words as substrings, else fuzzy."""
        found = self._substring(fold_words(query))
        if not found and any("a" <= ch.lower() <= "z" for ch in query):
            # Typed with the Latin layout active: read the keys as a Persian keyboard.
            found = self._substring(fold_words(from_wrong_layout(query)))
        if not found:
            found = self._fuzzy(fold_words(query))
        return found[:limit] if limit else found

    def _offices_containing(self, needle: str) -> set[int]:
        hits: set[int] = set()
        text, starts = self._text, self._starts
        position = text.find(needle)
        while position != -1:
            office = bisect_right(starts, position) - 1
            hits.add(office)
            # Skip to the next office: one hit per office is enough.
            following = starts[office + 1] if office + 1 < len(starts) else len(text)
            position = text.find(needle, following)
        return hits

    def _substring(self, words: Sequence[str]) -> list[str]:
        if not words:
            return []
        ordered = sorted(words, key=len, reverse=True)  # the longest word narrows most
        hits = self._offices_containing(ordered[0])
        for word in ordered[1:]:
            if not hits:
                break
            hits = {i for i in hits if word in self._key(i)}
        if not hits and len(words) > 1:
            hits = self._offices_containing("".join(words))
        first = words[0]
        # Offices whose name starts with the first query word come first, then registry order.
        return [
            self._codes[i]
            for i in sorted(hits, key=lambda i: (not self._key(i).startswith(first), i))
        ]

    def _key(self, index: int) -> str:
        end = self._starts[index + 1] - 1 if index + 1 < len(self._starts) else len(self._text)
        return self._text[self._starts[index] : end]

    def _vocabulary_grams(self) -> dict[str, list[str]]:
        if self._grams is None:
            grams: dict[str, list[str]] = defaultdict(list)
            for word in self._word_offices:
                if not word.isdigit():  # typos in numbers are not guessed
                    for gram in _trigrams(word):
                        grams[gram].append(word)
            self._grams = grams
        return self._grams

    def _vocabulary_edits(self) -> dict[str, list[str]]:
        """Each vocabulary word under itself and under each of its one-letter deletions."""
        if self._edits is None:
            edits: dict[str, list[str]] = defaultdict(list)
            for word in self._word_offices:
                if len(word) >= MIN_TYPO_LENGTH - 1 and not word.isdigit():
                    for key in {word} | _deletions(word):
                        edits[key].append(word)
            self._edits = edits
        return self._edits

    def _one_typo_words(self, word: str) -> set[str]:
        if len(word) < MIN_TYPO_LENGTH or word.isdigit():
            return set()
        edits = self._vocabulary_edits()
        candidates = {c for key in {word} | _deletions(word) for c in edits.get(key, ())}
        return {c for c in candidates if one_edit_apart(word, c)}

    def _similar_words(self, word: str, threshold: float) -> set[str]:
        grams = _trigrams(word)
        counts: dict[str, int] = defaultdict(int)
        vocabulary = self._vocabulary_grams()
        for gram in grams:
            for candidate in vocabulary.get(gram, ()):
                counts[candidate] += 1
        return {
            candidate
            for candidate, shared in counts.items()
            if shared / len(grams | _trigrams(candidate)) >= threshold
        } | self._one_typo_words(word)

    def _fuzzy(self, words: Sequence[str], threshold: float = 0.4) -> list[str]:
        """Offices with, for every query word, a word one typo away or sharing enough trigrams.

        Trigrams alone miss a typo in a short word: «کنگن» shares only 2 of the 7 trigrams of
        «کنگان» and its own, under any threshold that does not also match unrelated words.
        """
        if not words:
            return []
        hits: set[int] | None = None
        for word in words:
            offices: set[int] = set()
            for similar in self._similar_words(word, threshold):
                offices.update(self._word_offices[similar])
            hits = offices if hits is None else hits & offices
            if not hits:
                return []
        return [self._codes[i] for i in sorted(hits or ())]
