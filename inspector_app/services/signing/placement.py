"""Where the visible signature box goes: the empty space at the foot of the last page.

The report is laid out by platypus and does not say where its last flowable ended, so the last
page's content stream is scanned for the lowest point anything is drawn at (text positions,
paths, images, with the current transformation matrix followed through q/Q/cm). Anything in
the footer band (page number, report id) is ignored. When the foot of the page is too full, a
page of the same size is added for the box before signing (the signature covers it), with a
heading that says what it is.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from inspector_app.pdf.keywords import parse_keywords
from inspector_app.pdf.layout import MARGIN
from inspector_app.services.signing import stamp

# Everything below this height belongs to the report's footer (its rule sits at MARGIN + 11).
FOOTER_TOP = float(MARGIN) + 14.0
GAP = 6.0  # between the content's lowest point and the box

_TOKEN = re.compile(
    rb"\((?:\\.|[^\\)])*\)|<<|>>|<[0-9A-Fa-f\s]*>|\[|\]|/[^\s/\[\]()<>{}%]*|"
    rb"[+-]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'\"*]+|%[^\r\n]*"
)
_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)$")
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _y(m: Matrix, x: float, y: float) -> float:
    return m[1] * x + m[3] * y + m[5]


def lowest_drawn_y(content: bytes, floor: float) -> float | None:
    """The lowest y (page space) at or above `floor` where `content` draws something."""
    ctm = _IDENTITY
    stack: list[Matrix] = []
    operands: list[float] = []
    text_line: Matrix = _IDENTITY
    lowest: float | None = None

    def mark(m: Matrix, x: float, y: float) -> None:
        nonlocal lowest
        value = _y(m, x, y)
        if value >= floor and (lowest is None or value < lowest):
            lowest = value

    for token in _TOKEN.findall(content):
        if _NUMBER.match(token):
            operands.append(float(token))
            continue
        if token[:1] in (b"(", b"<", b"[", b"]", b"/", b"%") or token == b">>":
            continue
        op = token.decode("latin-1")
        nums = operands
        operands = []
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop() if stack else _IDENTITY
        elif op == "cm" and len(nums) >= 6:
            ctm = _multiply(tuple(nums[-6:]), ctm)  # type: ignore[arg-type]
        elif (op in ("m", "l") and len(nums) >= 2) or (op == "c" and len(nums) >= 6):
            mark(ctm, nums[-2], nums[-1])
        elif op == "re" and len(nums) >= 4:
            x, y, w, h = nums[-4:]
            mark(ctm, x, y)
            mark(ctm, x + w, y + h)
        elif op == "Do":
            mark(ctm, 0.0, 0.0)
            mark(ctm, 1.0, 1.0)
        elif op == "BT":
            text_line = _IDENTITY
        elif op == "Tm" and len(nums) >= 6:
            text_line = tuple(nums[-6:])  # type: ignore[assignment]
        elif op in ("Td", "TD") and len(nums) >= 2:
            text_line = _multiply((1.0, 0.0, 0.0, 1.0, nums[-2], nums[-1]), text_line)
        elif op in ("Tj", "TJ", "'", '"', "T*"):
            # Descenders reach about a third of the font size below the baseline.
            mark(_multiply(text_line, ctm), 0.0, -4.0)
    return lowest


@dataclass(frozen=True)
class Placement:
    page: int  # zero-based page index of the box
    box: tuple[int, int, int, int]  # whole points, as pyHanko's field spec wants them
    added_page: bool


def _page_content(page: generic.DictionaryObject) -> bytes:
    contents = page.get("/Contents")
    if contents is None:
        return b""
    contents = contents.get_object()
    if isinstance(contents, generic.ArrayObject):
        return b"\n".join(part.get_object().data for part in contents)
    return bytes(contents.data)


def place_signature_box(writer: IncrementalPdfFileWriter) -> Placement:
    """Choose the box on the last page (adding a blank page to `writer` if it is full)."""
    reader = writer.prev
    last = int(reader.root["/Pages"]["/Count"]) - 1
    page, _ = reader.find_page_for_modification(last)
    page = page.get_object()
    x1_page, y1_page, x2_page, y2_page = (float(v) for v in page["/MediaBox"])
    right = int(x2_page - float(MARGIN))
    bottom = int(max(FOOTER_TOP, y1_page + 20.0)) + 1
    width, height = int(stamp.WIDTH), int(stamp.HEIGHT)
    box = (right - width, bottom, right, bottom + height)
    lowest = lowest_drawn_y(_page_content(page), bottom)
    if lowest is None or lowest >= box[3] + GAP:
        return Placement(last, box, added_page=False)
    info = reader.trailer_view.get("/Info")
    info = info.get_object() if info is not None else {}
    found = parse_keywords(str(info.get("/Keywords", "")))
    drawn = stamp.signature_page_pdf(
        x2_page - x1_page,
        y2_page - y1_page,
        float(MARGIN),
        str(info.get("/Title", "")),
        found.report_id if found else "",
    )
    xobject = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(drawn)), page_ix=0)
    content = writer.add_object(generic.StreamObject(stream_data=b"q /SignaturePage Do Q"))
    page_dict = generic.DictionaryObject(
        {
            generic.pdf_name("/Type"): generic.pdf_name("/Page"),
            generic.pdf_name("/MediaBox"): generic.ArrayObject(
                [generic.FloatObject(v) for v in (x1_page, y1_page, x2_page, y2_page)]
            ),
            generic.pdf_name("/Resources"): generic.DictionaryObject(
                {
                    generic.pdf_name("/XObject"): generic.DictionaryObject(
                        {generic.pdf_name("/SignaturePage"): xobject}
                    )
                }
            ),
            generic.pdf_name("/Contents"): content,
        }
    )
    writer.insert_page(page_dict)
    top = int(y2_page - float(MARGIN) - stamp.SIGNATURE_PAGE_TOP_GAP)
    return Placement(last + 1, (right - width, top - height, right, top), True)
