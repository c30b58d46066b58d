"""Make the application icon's PNG and ICO files from resources/icons/bazres.svg.

    uv run --frozen python packaging/make_icon.py

Each size is drawn from the SVG by Qt's own renderer (no cairo needed), so small sizes are
rendered at their size rather than scaled down from a large bitmap; Pillow writes the .ico
(Windows: the executable's and the installer's icon) from those same images.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "bazres.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_name(size: int) -> str:
    return f"bazres-{size}.png"


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_RGBA8888)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    pixels = bytes(image.constBits())
    return Image.frombuffer("RGBA", (size, size), pixels, "raw", "RGBA", image.bytesPerLine(), 1)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"not a valid SVG: {SOURCE}", file=sys.stderr)
        return 1
    images = {size: render(renderer, size) for size in SIZES}
    for size, image in images.items():
        image.save(ICONS / png_name(size), optimize=True)
    largest = images[max(SIZES)]
    largest.save(
        ICONS / "bazres.ico",
        sizes=[(size, size) for size in SIZES],
        append_images=[images[size] for size in SIZES if size != max(SIZES)],
    )
    print(f"wrote {len(SIZES)} PNG files and bazres.ico in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
