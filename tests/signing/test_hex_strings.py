"""The fast hex-string reader answers exactly as pyHanko's own: the same object, the same
position after it, the same refusal, for well-formed strings and for everything else."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.misc import PdfReadError

from inspector_app.pdf import hex_strings, verify  # verify installs the fast reader

PYHANKO = hex_strings._original
HEXISH = st.sampled_from(list(b"0123456789abcdefABCDEF \n\r\t\f\x00%>gZ<)"))


def outcome(reader: object, data: bytes) -> tuple[object, ...]:
    stream = io.BytesIO(data)
    try:
        found = reader(stream)  # type: ignore[operator]
    except PdfReadError as exc:
        return ("refused", type(exc), str(exc))
    return (type(found), bytes(found.original_bytes), stream.tell())


@given(st.lists(HEXISH, max_size=60).map(bytes), st.binary(max_size=8))
def test_same_answer_as_pyhanko(body: bytes, after: bytes) -> None:
    data = b"<" + body + after
    assert outcome(hex_strings.read_hex_string, data) == outcome(PYHANKO, data)


@pytest.mark.parametrize(
    "data",
    [
        b"<48656c6c6f> trailer",
        b"<4 8\n65\t6c6c6f>",
        b"<486>",  # an odd digit count: the last digit is followed by 0
        b"<>",
        b"<FEFF0041>",  # a BOM: a text string
        b"<48 % a comment\n65>",  # pyHanko skips it: handed to pyHanko
        b"<48zz>",
        b"<4865",  # the file ends inside the string
        b"<" + b"ab" * 9000 + b">",  # longer than one read
        b"<" + b"ab" * 9000,
    ],
)
def test_same_answer_on_edges(data: bytes) -> None:
    assert outcome(hex_strings.read_hex_string, data) == outcome(PYHANKO, data)


def test_a_signed_report_verifies_the_same_with_either_reader(
    signed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = signed.read_bytes()
    assert generic.read_hex_string_from_stream is hex_strings.read_hex_string
    damaged = pdf.replace(b"/Contents <30", b"/Contents <31", 1)  # the CMS's first byte
    assert damaged != pdf
    fast = [verify.verify_pdf(pdf).as_dict(), verify.verify_pdf(damaged).as_dict()]
    monkeypatch.setattr(generic, "read_hex_string_from_stream", PYHANKO)
    slow = [verify.verify_pdf(pdf).as_dict(), verify.verify_pdf(damaged).as_dict()]
    assert fast == slow
    assert fast[0]["ok"] and not fast[1]["ok"]
