"""The canonical JSON that every hash is taken over: byte for byte what RFC 8785 prescribes
(the rfc8785 package is the reference), whichever encoder writes it."""

from __future__ import annotations

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.domain.canonical import canonical_json

TEXT = st.text(st.characters(max_codepoint=0x10FFFF, exclude_categories=("Cs",)))
LEAF = (
    st.none()
    | st.booleans()
    | st.integers(-(2**60), 2**60)
    | TEXT
    | st.floats(allow_nan=False, allow_infinity=False)
)
DOCUMENTS = st.recursive(
    LEAF, lambda inner: st.lists(inner) | st.dictionaries(TEXT, inner), max_leaves=40
)


@settings(max_examples=500, deadline=None)
@given(DOCUMENTS)
def test_same_bytes_as_the_reference_or_the_same_refusal(document: object) -> None:
    try:
        expected = rfc8785.dumps(document)
    except Exception as refused:
        with pytest.raises(type(refused)):
            canonical_json(document)
        return
    assert canonical_json(document) == expected


@pytest.mark.parametrize(
    "document",
    [
        {"z": 1, "a": [True, None, "ی\u200cک"], "\U0001f600": 1, "\ufb01": 2},  # UTF-16 order
        {"control": '\x00\x1f\n\t"\\\u2028\x7f'},
        {"n": 1.0, "m": 1e21, "k": -0.0, "j": 5e-324, "i": 2.0**53, "h": 0.1, "g": 1e-4},
        (1, 2, {"t": ("a",)}),
    ],
)
def test_the_cases_where_the_encoders_could_differ(document: object) -> None:
    assert canonical_json(document) == rfc8785.dumps(document)


@pytest.mark.parametrize("document", [{"big": 2**53}, {"bad": "\ud800"}, {"nan": float("nan")}])
def test_what_rfc_8785_cannot_write_is_refused(document: object) -> None:
    with pytest.raises(Exception) as refused:
        rfc8785.dumps(document)
    with pytest.raises(refused.type):
        canonical_json(document)
