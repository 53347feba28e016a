"""Complex-script shaping with HarfBuzz, in a form reportlab can embed and pypdf can read.

Arabic letters join, and Indic and Thai clusters reorder and form conjuncts: HarfBuzz
(uharfbuzz) turns a word into the right glyphs. reportlab then needs a character code for
each glyph, and the PDF reader needs the text each glyph stands for. `ScriptFont` does
both: a glyph the font's cmap does not name gets a private-use code (with HarfBuzz's
advance as its width), and the PDF's ToUnicode map sends that code to the logical text of
its cluster, so copying "الرؤية" out of the PDF gives the letters, not private codes.

Glyphs come out in visual order (right to left for Arabic and Hebrew), which is what a
PDF holds; pypdf and Poppler turn a right-to-left run back into logical order.
"""

from __future__ import annotations

from typing import Any, Final

from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

#: The private-use areas, in order: 137,000 codes for the shaped glyphs of one process.
_PRIVATE: Final = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))
#: The features reportlab's own shaping asks for, plus HarfBuzz's required ones.
_FEATURES = {"kern": True, "liga": True}


def _cmap_entry(code: int, text: str) -> str:
    target = "".join(f"{unit:04X}" for unit in _utf16(text))
    return f"<{code:02X}> <{target}>"


def _utf16(text: str) -> list[int]:
    data = text.encode("utf-16-be")
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]


def to_unicode_cmap(name: str, subset: list[int], texts: dict[int, str]) -> str:
    """reportlab's ToUnicode CMap for `subset`, with private codes sent to their text."""
    entries = [_cmap_entry(i, texts.get(code, chr(code))) for i, code in enumerate(subset)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            f"/CIDSystemInfo\n<< /Registry ({name})\n/Ordering ({name})\n/Supplement 0\n>> def",
            f"/CMapName /{name} def",
            "/CMapType 2 def",
            f"1 begincodespacerange\n<00> <{len(subset) - 1:02X}>\nendcodespacerange",
            f"{len(entries)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


class ScriptFont(TTFont):
    """A TrueType face whose words can be shaped into codes reportlab draws as they are."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename, shapable=False)
        #: The face, with the attributes reportlab's stubs leave out (glyphToChar, ...).
        self._face: Any = self.face
        self._encoded = frozenset(self.face.charToGlyph)
        self._private: dict[tuple[int, int, str], int] = {}
        #: Private code -> the logical text its glyph stands for; "" for the second and
        #: later glyphs of a cluster, whose first glyph carries the cluster's text.
        self.texts: dict[int, str] = {}
        self._free = (code for low, high in _PRIVATE for code in range(low, high + 1))
        import uharfbuzz  # 40 ms, paid only by a plan in a script that needs shaping

        self._hb = uharfbuzz
        with open(filename, "rb") as handle:
            self._hb_font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob(handle.read())))
        self._words: dict[str, str] = {}

    def shape(self, word: str) -> str:
        """`word` (logical order, no spaces) as codes in visual order for this face."""
        shaped = self._words.get(word)
        if shaped is None:
            shaped = self._words[word] = self._shape(word)
        return shaped

    def _shape(self, word: str) -> str:
        hb = self._hb
        buffer = hb.Buffer()
        buffer.add_str(word)
        buffer.guess_segment_properties()
        buffer.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
        hb.shape(self._hb_font, buffer, _FEATURES)
        infos, positions = buffer.glyph_infos, buffer.glyph_positions
        starts = sorted({info.cluster for info in infos})
        ends = {start: next((s for s in starts if s > start), len(word)) for start in starts}
        clusters = [word[info.cluster : ends[info.cluster]] for info in infos]
        owns = [self._own(i.codepoint, c) for i, c in zip(infos, clusters, strict=True)]
        rest = dict(zip(starts, (word[s : ends[s]] for s in starts), strict=True))
        for info, own in zip(infos, owns, strict=True):
            if own:
                rest[info.cluster] = rest[info.cluster].replace(own, "", 1)
        codes = []
        for info, position, own in zip(infos, positions, owns, strict=True):
            text = own or rest.pop(info.cluster, "")
            codes.append(self._code(info.codepoint, position, own, text))
        return "".join(codes)

    def _own(self, glyph: int, cluster: str) -> str:
        """The character of `cluster` the cmap maps to `glyph`, if any."""
        for code in self._face.glyphToChar.get(glyph, ()):
            if code in self._encoded and chr(code) in cluster:
                return chr(code)
        return ""

    def _code(self, glyph: int, position: Any, own: str, text: str) -> str:
        """The code that draws `glyph` with its shaped advance, standing for `text`."""
        width = self._face._pdfScale(position.x_advance)
        unmoved = not position.x_offset and not position.y_offset
        if own and unmoved and abs(self.face.charWidths.get(ord(own), width) - width) < 0.5:
            return own
        # One code per glyph, width and text: each use copies out as exactly what it shows,
        # whatever order a process met them in (so re-export stays byte-identical).
        key = (glyph, round(width * 10), text)
        code = self._private.get(key)
        if code is None:
            code = self._private[key] = self._claim(glyph, width)
            self.texts[code] = text
        return chr(code)

    def _claim(self, glyph: int, width: float) -> int:
        code = next((c for c in self._free if c not in self.face.charToGlyph), None)
        if code is None:
            raise ValueError(f"{self.fontName}: too many shaped glyphs in one process")
        self.face.charToGlyph[code] = glyph
        self._face.glyphToChar.setdefault(glyph, []).append(code)
        self.face.charWidths[code] = width
        return code

    def addObjects(self, doc: Any) -> None:  # reportlab's camelCase override
        """Embed the subsets as reportlab does, then give private codes their text."""
        state = self.state.get(doc)
        subsets = [list(subset) for subset in state.subsets] if state else []
        super().addObjects(doc)
        for n, subset in enumerate(subsets):
            if not any(code in self.texts or code > 0xFFFF for code in subset):
                continue  # reportlab's own map is right (it writes 5 hex digits above)
            name = b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))
            base = name.decode("pdfdoc")
            stream = doc.idToObject["toUnicodeCMap:" + base]
            stream.content = to_unicode_cmap(base, subset, self.texts)
