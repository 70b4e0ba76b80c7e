"""Make the site's local heading and text font: DejaVu Sans (Debian fonts-dejavu-core, a
Makefile runtime package) cut down to Latin, Cyrillic with every Kazakh and Ukrainian letter,
and the punctuation the pages use, as WOFF2 in templates/assets/fonts/.

    python scripts/subset_fonts.py [FONT_DIR]

The site loads no web fonts: these files ship with it (tests/test_fonts.py checks that every
character of the generated headings is in them). Licence: templates/assets/fonts/LICENSE.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
OUT = Path(__file__).resolve().parents[1] / "templates" / "assets" / "fonts"
FACES = {"DejaVuSans.ttf": "DigestSans.woff2", "DejaVuSans-Bold.ttf": "DigestSans-Bold.woff2"}
UNICODES = (
    "U+0020-007E,U+00A0-024F,"  # ASCII, Latin-1, Latin Extended-A/B (Kazakh Latin too)
    "U+0400-052F,"  # Cyrillic and Cyrillic Supplement: Ә Ғ Қ Ң Ө Ұ Ү Һ І, Ґ Є Ї
    "U+2010-2027,U+2030-203A,U+2044,U+20AC,U+20B4,U+20B8,U+20BD,U+2116,U+2122,"  # punctuation,
    "U+2190-2199,U+2212,U+25A0-25CF,U+2588"  # € ₴ ₸ ₽ №, arrows, minus, bars
)


def main(font_dir: Path = FONT_DIR) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for source, target in FACES.items():
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        font = subset.load_font(str(font_dir / source), options)
        sub = subset.Subsetter(options)
        sub.populate(unicodes=subset.parse_unicodes(UNICODES))
        sub.subset(font)
        subset.save_font(font, str(OUT / target), options)
        print(f"{OUT / target}: {(OUT / target).stat().st_size} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else FONT_DIR)
