"""Office search: folded substring matching, with a trigram fallback for typos.

Built once from the registry rows and kept in memory. All folded keys are joined into one
string, so a query word is found with `str.find` (C speed) rather than a Python loop per
office; only when nothing matches is the trigram index of the vocabulary consulted.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence

from inspector_app.domain.persian import fold_words, fold_words_many, from_wrong_layout

SEARCH_FIELDS = ("name", "code", "city", "county")
_SEP = "\n"  # never part of a folded key


def _trigrams(word: str) -> set[str]:
    padded = f" {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


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
        }

    def _fuzzy(self, words: Sequence[str], threshold: float = 0.4) -> list[str]:
        """Offices with, for every query word, a word sharing enough trigrams (a typo passes)."""
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
