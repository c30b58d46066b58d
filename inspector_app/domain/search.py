"""Office search: folded substring matching, with a trigram fallback for typos.

Built once from the registry rows and kept in memory: a query is a scan of short folded keys
(fast enough for a national registry) and, only if nothing matches, a trigram lookup.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from inspector_app.domain.persian import fold, fold_words, from_wrong_layout

SEARCH_FIELDS = ("name", "code", "city", "county")


@dataclass(frozen=True)
class _Entry:
    code: str
    key: str  # all searchable fields, folded, joined by "|"
    words: tuple[str, ...]


def _trigrams(word: str) -> set[str]:
    padded = f" {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class OfficeIndex:
    """Searchable view of the registry; rows are mappings with the SEARCH_FIELDS and `code`."""

    def __init__(self, rows: Iterable[dict[str, object]]) -> None:
        self._entries: list[_Entry] = []
        self._grams: dict[str, set[int]] = defaultdict(set)
        for row in rows:
            texts = [str(row.get(f) or "") for f in SEARCH_FIELDS]
            words = tuple(w for t in texts for w in fold_words(t))
            entry = _Entry(str(row["code"]), "|".join(fold(t) for t in texts), words)
            index = len(self._entries)
            self._entries.append(entry)
            for word in set(words):
                for gram in _trigrams(word):
                    self._grams[gram].add(index)

    def __len__(self) -> int:
        return len(self._entries)

    def search(self, query: str, limit: int | None = None) -> list[str]:
        """Codes of matching offices, best first: all query words as substrings, else fuzzy."""
        found = self._substring(fold_words(query))
        if not found and any("a" <= ch.lower() <= "z" for ch in query):
            # Typed with the Latin layout active: read the keys as a Persian keyboard.
            found = self._substring(fold_words(from_wrong_layout(query)))
        if not found:
            found = self._fuzzy(fold_words(query))
        return found[:limit] if limit else found

    def _substring(self, words: Sequence[str]) -> list[str]:
        if not words:
            return []
        joined = "".join(words)
        ranked: list[tuple[int, int, str]] = []
        for position, entry in enumerate(self._entries):
            key = entry.key
            if all(w in key for w in words) or joined in key:
                # Matches at the start of the name rank first.
                rank = 0 if key.startswith(joined) else 1
                ranked.append((rank, position, entry.code))
        ranked.sort()
        return [code for _, _, code in ranked]

    def _fuzzy(self, words: Sequence[str], threshold: float = 0.45) -> list[str]:
        """Offices sharing enough trigrams with every query word (one typo in a word passes)."""
        if not words:
            return []
        totals: dict[int, float] = defaultdict(float)
        for word in words:
            grams = _trigrams(word)
            hits: dict[int, int] = defaultdict(int)
            for gram in grams:
                for index in self._grams.get(gram, ()):
                    hits[index] += 1
            for index, count in hits.items():
                best = count / len(grams)
                if best >= threshold:
                    totals[index] += best
        needed = len(words) * threshold
        ranked = sorted(
            ((-score, index) for index, score in totals.items() if score >= needed),
        )
        return [self._entries[index].code for _, index in ranked]
