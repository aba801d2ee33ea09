"""Typst, offline. The vendored template is compiled with its vendored fonts only (no system font,
none of typst's own), its folder as the root (typst reads nothing outside it), the data passed as
JSON in sys.inputs (never spliced into markup), and a fixed timestamp, so the same data gives the
same bytes. A typst warning is an error, and so is a character the fonts cannot show: typst would
print an empty box without a word.
"""

import functools
import hashlib
import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import PipelineError

TEMPLATE = Path(__file__).parent / "template"
MAIN, FONTS = "resume.typ", "fonts"
TIMESTAMP = 0  # the template sets no date; should it ever ask for one, it is this fixed one


class ResumeError(PipelineError):
    """A resume that cannot be made; the message says why (the previous PDF is kept)."""


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    kept: tuple[str, ...]      # the ranked ids that fit the page
    left_out: tuple[str, ...]  # the ranked ids that did not


def canonical(data: Any) -> bytes:
    """One spelling of a value: the same data always hashes the same."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


class Renderer:
    """One compiler per template folder, kept for the process: fonts are read once and typst's
    caches make the next resume cheaper. Compiles take turns (the compiler keeps its inputs)."""

    def __init__(self, template: Path = TEMPLATE) -> None:
        self.template = template
        self._lock = threading.Lock()
        self._compiler: Any = None

    @functools.cached_property
    def digest(self) -> str:
        """The compiler's version and every file of the template folder, fonts included: besides the
        data, all that decides the bytes."""
        from importlib.metadata import version

        digest = hashlib.sha256(f"typst {version('typst')}\n".encode())
        for path in sorted(p for p in self.template.rglob("*") if p.is_file()):
            digest.update(f"{path.relative_to(self.template).as_posix()}\n".encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()

    def fingerprint(self, data: Any) -> str:
        return hashlib.sha256(self.digest.encode() + canonical(data)).hexdigest()

    def font_files(self) -> list[Path]:
        return sorted(p for p in (self.template / FONTS).iterdir() if p.suffix.lower() in (".otf", ".ttf"))

    @functools.cached_property
    def coverage(self) -> frozenset[str]:
        """The characters every font of the template has (a bold title needs the bold font's too)."""
        from fontTools.ttLib import TTFont

        maps = [{chr(code) for code in TTFont(path, lazy=True).getBestCmap()} for path in self.font_files()]
        return frozenset(set.intersection(*maps)) if maps else frozenset()

    def missing(self, text: str) -> str:
        """The characters of `text` the fonts cannot show, each once, in order (white space aside)."""
        lacking = set(text).difference(self.coverage)
        return "".join(dict.fromkeys(ch for ch in text if ch in lacking and not ch.isspace())) if lacking else ""

    def _compiler_now(self) -> Any:
        if self._compiler is None:
            import typst

            fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                                font_paths=[str(self.template / FONTS)])
            self._compiler = typst.Compiler(str(self.template / MAIN), root=str(self.template), font_paths=fonts,
                                            ignore_system_fonts=True)
        return self._compiler

    def compile(self, data: dict[str, Any]) -> Rendered:
        """The PDF of one resume and which ranked ids fit; ResumeError on any error or warning, or
        when even the fixed parts take more than one page."""
        import typst

        with self._lock:
            compiler = self._compiler_now()
            try:
                pdf, warnings = compiler.compile_with_warnings(
                    sys_inputs={"data": json.dumps(data, ensure_ascii=False)}, timestamp=TIMESTAMP)
                fit = json.loads(compiler.query("<resume-fit>", field="value", one=True))
                pages = json.loads(compiler.query("<resume-pages>", field="value", one=True))
            except typst.TypstError as exc:
                raise ResumeError(f"typst: {exc.message}") from None
        if warnings:
            raise ResumeError("typst warned: " + "; ".join(w.message for w in warnings))
        if pages != 1:  # the page the document ends on, from the layout itself
            raise ResumeError(f"the resume takes {pages} pages even without highlights and projects: shorten the "
                              "summary, skills or education")
        return Rendered(pdf, tuple(fit["kept"]), tuple(fit["left_out"]))


@functools.cache
def shared() -> Renderer:
    """The process's renderer for the vendored template."""
    return Renderer()
