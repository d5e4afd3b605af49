"""Score tables: pipe rows (Markdown, and HTML after trafilatura) in either orientation, and tables flattened into text.

Rules: the header row and the first column name what a cell is about; one of
them must hold models (known to the record, or versioned names the record
does not know) and the other benchmarks. A benchmark the record does not know
is kept by its written name only in a table whose other benchmarks it knows.
Markup, Markdown escapes ("19\\.2") and footnote markers are stripped from cells ("**65.8**",
"72.5<sup>*</sup>", "88.1†", "[1]"); a cell's note "87.0% (Code: 100%)" is a second figure in the mode it
names; "-" and "—" cells are skipped; decimal
commas are read. A non-model column such as "Metric" and a parenthesised
qualifier in a header ("(non-thinking)") become the score's conditions. A
flattened table is a line naming two or more models, then per benchmark a
line with its name and, a few lines on, one figure per line, one per model.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import glued
from .gazetteer import Gazetteer
from .names import NameFinder
from .textnorm import parse_number

_DIGIT = re.compile(r"\d")
_TAG = re.compile(r"<[^<>]{0,200}>")
_MARKS = re.compile(r"\\?\*+|[†‡§¶]|\[\d{1,2}\]|\\_|</?(?:ins|strong|b|em)>")
_PAREN = re.compile(r"\(([^()]{0,60})\)")
_MD_ESCAPE = re.compile(r"\\([.\-+()\[\]#!|~`])")
_VALUE = re.compile(r"(?P<num>\d{1,5}(?:[.,]\d{1,3})?)\s?(?P<unit>%|％|pts?)?")
_EMPTY = re.compile(r"[-—–]*|n/?a|N/?A|/")
_FIGURE_CELL = re.compile(r"\d{1,5}(?:[.,]\d{1,3})?\s?[%％]?")
_BARE_FIGURE = re.compile(r"\s*" + _FIGURE_CELL.pattern + r"\s*$")
_SEPARATOR = re.compile(r":?-{2,}:?")
_NOT_BENCH = re.compile(r"param|context|price|prix|preis|precio|size|token|cost|license|licen|architecture|layers|"
                        r"experts|vocab|speed|latency|release|date|modal|input|output|参数|价格|上下文|上下文|パラメータ|"
                        r"memory|\bGB\b|VRAM|メモリ|显存|内存|メモリ占有|量子化|quantiz|precision\s*\(",
                        re.IGNORECASE)
_METRIC_HINT = re.compile(r"metric|setting|mode|\bshots?\b|评估方式|指标|metrik|métrique", re.IGNORECASE)


@dataclass(frozen=True)
class TableScore:
    model_text: str
    model_id: str | None
    benchmark_id: str | None
    benchmark_text: str
    value: float
    value_text: str
    unit: str | None
    conditions: str | None
    line: int
    """Index of the line the quote starts on."""
    line_end: int
    """Index of the last line of the quote (inclusive)."""


_POINT_ZERO = re.compile(r"(\d)\.0(?![\d])")
_METRIC_WORD = re.compile(r"(.+?)\s+(Elo|rating|Rating|pass@\d+|Acc|EM|F1)")
_CELL_NOTE = re.compile(r"\((?P<label>[^():]{1,30}):\s*(?P<num>\d{1,5}(?:[.,]\d{1,3})?)\s?(?P<unit>%|％)?\)")
"""A note under a cell: "(Deep Think: 41.0%)" is the same model's figure in that mode."""
_NOTED = re.compile(r"(?P<cell>[^()]{1,20}?)\s*(?P<note>" + _CELL_NOTE.pattern + ")")
"""A cell with its note: "87.0% (Code: 100%)" is 87.0, and 100 in the mode the note names."""
_SECOND_FIGURE = re.compile(r"(\d{1,5}(?:[.,]\d{1,3})?\s?[%％]?)\s*\(\s*\d{1,5}(?:[.,]\d{1,3})?\s?[%％]?\s*\)")
"""A figure with a second one in brackets: the cell's figure is the first."""
_LOOSE = re.compile(r"[A-Z][A-Za-z]+ [A-Z]?\d+(?:\.\d+)?")
_SIZE_TIER = re.compile(r"Pro|Flash|Ultra|Max|Plus|Turbo|Mini|Nano|Lite|Opus|Sonnet|Haiku|Large|Medium|Small",
                        re.IGNORECASE)
_NUMBERED = re.compile(r"(.+?)\s?\((\d{2,4})\)")
_TOOLS_SPLIT = re.compile(r"(.+?)\s+((?:with|without|w/o|no|con|sin|avec|sans|mit|ohne|с|без)\s+\S.{0,60})", re.IGNORECASE)
""""HLE sin herramientas", "HLE with tools": the benchmark, under a condition."""
NAME_SHAPE = re.compile(r".[A-Z0-9]|[A-Z]{2}|\w+-\w")
"""What a benchmark's name looks like beside a description: "MCP Atlas", "tau2-bench", not "Agentes de múltiples pasos"."""
_FOOTNOTE_DIGIT = re.compile(r"(.*[A-Za-z²³)]|.*\bv\d)(\d)")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_FOOTNOTE_SUP = re.compile(r"<sup>\s*[\d*†‡§,]{1,6}\s*</sup>", re.IGNORECASE)
_UNIT_ONLY = re.compile(r"\s*(?:%|％|pts?|points?|score)\s*", re.IGNORECASE)
_DATA_SPLIT = re.compile(r"(.+?)\s+(val|test|dev|validation|testmini|test-dev|airline|retail|telecom)", re.IGNORECASE)
_SCORE_WORD = re.compile(r"\s?(?:スコア|得分|分数|점수|[Ss]core)$")
_INSTRUCT = re.compile(r"[\s-]Inst\.?$")
_PEER = re.compile(r"[A-Z][A-Za-z0-9.]*(?:[-_][A-Za-z0-9.]+){1,4}|[A-Z][A-Za-z]*[a-z][A-Za-z]*\d[A-Za-z0-9.]*")
"""A model-like label: a capitalised name with hyphenated parts or a version glued on ("Hunyuan-Large",
"ChatGLM3-6B", "Baichuan2-13B-Chat", "InternLM3"), no spaces, no bare words ("Average", "Category")."""
_TIER_FIRST = frozenset(("Opus", "Sonnet", "Haiku"))


_DELTA_CELL = r"[+\-−±]\d{1,5}(?:[.,]\d{1,3})?\s?(?:pp|%|pts?|points?|puntos|Punkte)?"
_SPACED_ROW = re.compile(r"(?P<label>\S.*?\S)\s+(?P<vals>" + _FIGURE_CELL.pattern + r"(?:\s+" + _FIGURE_CELL.pattern +
                         r"){0,5})(?:\s+(?:[^\d\s+\-−±]\S{0,20}(?:\s+" + _DELTA_CELL + r")?|" + _DELTA_CELL + r"))?")
"""A row of figures, then perhaps the table's winner and difference columns ("… 77.1% 68.8% Gemini +8.3pp"), which
are no scores."""
_COMPONENT_COLUMN = re.compile(r"(?:base\s+|language\s+)?(?:LLM|LM|backbone|language\s+model|vision\s+encoder|基座|语言模型|基座模型)"
                               r"(?:\s*\(.*\))?", re.IGNORECASE)
"""A column naming what each row's system is built on, not the system."""
_MODEL_COLUMN = re.compile(r"(?:モデル|模型|모델|Model|Modell|Modèle|Modelo|Модель)(?:\s|$)", re.IGNORECASE)
_INLINE_SEPARATOR = re.compile(r"\|\s*:?-{3,}:?\s*\|")


def _one_line_table(line: str) -> list[list[str]] | None:
    """A Markdown table pasted onto one line ("| Benchmark | A | B | |---|---|---| | MMLU | 90.8% | 85.2% | | GPQA
    …"): the header before the separator cells, then the rows, each as wide as the header, one empty cell between."""
    if line.count("|") < 8 or not _INLINE_SEPARATOR.search(line):
        return None
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    first = next(j for j, c in enumerate(cells) if _SEPARATOR.fullmatch(c))
    header = cells[:first]
    while header and not header[-1]:
        header.pop()
    at = first
    while at < len(cells) and (not cells[at] or _SEPARATOR.fullmatch(cells[at])):
        at += 1
    width, rest, rows = len(header), cells[at:], [header]
    if width < 2:
        return None
    k = 0
    while k + width <= len(rest):
        rows.append(rest[k:k + width])
        k += width
        while k < len(rest) and not rest[k]:
            k += 1
    return rows if len(rows) >= 2 else None


def _label_text(cell: str) -> str:
    """A model label as the name it stands for: "LLama3.1 70B Inst." is the Instruct model, "Grok 4スコア" Grok 4."""
    return _SCORE_WORD.sub("", _INSTRUCT.sub("-Instruct", clean(cell)))


def _distinct(models: list, cells: list[str]) -> list:
    """Two labels of one table that name the same model ("GPT-4-Turbo-1106" and "GPT-4-Turbo-0409" both read as
    GPT-4 Turbo) are two snapshots side by side: each keeps the name it is written with (its bracketed note stays
    a condition)."""
    seen: dict[tuple, set[str]] = {}
    for m, cell in zip(models, cells):
        if m:
            seen.setdefault(m[:2], set()).add(_unbracketed(cell))
    return [(_unbracketed(cell), None, m[2]) if m and len(seen[m[:2]]) > 1 else m for m, cell in zip(models, cells)]


def _unbracketed(cell: str) -> str:
    """A label without its bracketed note: "DeepSeek-V2 Chat (SFT)" and "(RL)" differ in a condition, not a name."""
    return _PAREN.sub("", clean(_BR.sub(" ", cell))).strip()


@lru_cache(maxsize=4096)
def clean(cell: str) -> str:
    cell = _FOOTNOTE_SUP.sub("", cell)  # "AGIEval<sup>1</sup>": a footnote mark, not part of the name
    cell = _TAG.sub(" ", cell)
    if "\\" in cell:
        cell = _MD_ESCAPE.sub(r"\1", cell)  # "19\.2": Markdown's escaped punctuation is the punctuation
    cell = _MARKS.sub("", cell)
    return re.sub(r"\s+", " ", cell).strip()


class TableReader:
    def __init__(self, gaz: Gazetteer, names: NameFinder):
        self.gaz = gaz
        self.names = names
        self.glued_rows: set[int] = set()
        """Lines read as glued rows (glued.py): their figures are the table's, so prose passes leave them alone."""
        self.loose: set[str] = set()
        """Labels read only as a line's head plus a short version ("Mistral L2"): scores only if the article spells
        the name out elsewhere (RuleExtractor._tables), never new models of their own."""
        self._models: dict[str, tuple | None] = {}
        self._benchmarks: dict[str, tuple | None] = {}
        """What each label names, per article (read() starts afresh)."""

    # ---- what a header or label cell names ------------------------------
    def model(self, cell: str) -> tuple[str, str | None, str | None] | None:
        """(name, model id or None, qualifier) for a cell naming one model, else None. Remembered per article: a
        table asks about each label several times (which column names the rows, then each row)."""
        try:
            return self._models[cell]
        except KeyError:
            found = self._models[cell] = self._model(cell)
            return found

    def _model(self, cell: str) -> tuple[str, str | None, str | None] | None:
        head, _, rest = _BR.sub("\n", cell, 1).partition("\n") if _BR.search(cell) else (cell, "", "")
        if rest and (first := self._model(head)) is not None and _DIGIT.search(first[0]):
            # "Phi-3-Medium-128k-Instruct<br>14b", "GPT3.5-Turbo<br>version 1106": a note under a whole name
            return first[0], first[1], "; ".join(x for x in (first[2], clean(rest)) if x) or None
        text = _label_text(cell)
        if not text:
            return None
        for candidate in (text, _PAREN.sub("", text).strip()):
            entry = self.gaz.lookup(candidate) or self.gaz.lookup(_POINT_ZERO.sub(r"\1", candidate))
            if entry is not None and entry.kind == "model" and not self.gaz.is_family(entry.id):
                qual = None if candidate == text else "; ".join(m.group(1) for m in _PAREN.finditer(text))
                return candidate, entry.id, qual
        bare = _PAREN.sub("", text).strip()
        hits = self.names.find(bare)
        if len(hits) == 1 and len(hits[0].text) >= len(bare) - 2:
            qual = "; ".join(m.group(1) for m in _PAREN.finditer(text)) or None
            # "Claude 4.0 Sonnet" is spelled "Claude Sonnet 4" in the record
            entry = self.gaz.lookup(hits[0].name) or self.gaz.lookup(_POINT_ZERO.sub(r"\1", hits[0].name))
            known = entry.id if entry is not None and entry.kind == "model" and not self.gaz.is_family(entry.id) else None
            return hits[0].name, known, qual
        if _LOOSE.fullmatch(bare) and (bare.split()[0].casefold() in self.names.heads or bare.split()[0] in _TIER_FIRST):
            self.loose.add(bare)
            return bare, None, "; ".join(m.group(1) for m in _PAREN.finditer(text)) or None
        return None

    def peer(self, cell: str) -> tuple[str, None, str | None] | None:
        """A label beside two or more models that is spelled like a model name ("Hunyuan-Large", "ChatGLM3-6B",
        "Baichuan2-13B-Chat") is the model of its row or column, though neither the record nor the name patterns
        know its family: tables compare models with models."""
        text = _label_text(cell)
        bare = _PAREN.sub("", text).strip()
        if not _PEER.fullmatch(bare) or _NOT_BENCH.search(bare) or _METRIC_HINT.search(bare):
            return None
        found = self.benchmark(bare)
        if found is not None and found[0] is not None:
            return None
        head, _, rest = bare.replace("_", "-").partition("-")
        entry = self.gaz.lookup(head)
        if entry is not None and (entry.kind == "vendor" or self.gaz.is_family(entry.id)) and _SIZE_TIER.fullmatch(rest):
            return None  # "Gemini-Pro": a known family's size tier with no version names no one model ("Qwen-VL" does)
        return bare, None, "; ".join(m.group(1) for m in _PAREN.finditer(text)) or None

    def benchmark(self, cell: str) -> tuple[str | None, str, str | None] | None:
        """(benchmark id or None, name as written, qualifier); remembered per article, as model() is."""
        try:
            return self._benchmarks[cell]
        except KeyError:
            found = self._benchmarks[cell] = self._benchmark(cell)
            return found

    def _benchmark(self, cell: str) -> tuple[str | None, str, str | None] | None:
        """(benchmark id or None, name as written, qualifier)."""
        text = clean(cell)
        if not text or not re.search(r"[A-Za-z]", text):
            return None
        if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
            text = text[1:-1].strip()  # "(Humanity's Last Exam)" under a row label in another language
        numbered = _NUMBERED.fullmatch(text)  # "MATH (500)": MATH-500
        for candidate in ((f"{numbered.group(1)}-{numbered.group(2)}", f"{numbered.group(1)} {numbered.group(2)}")
                          if numbered else ()):
            entry = self.gaz.lookup(candidate)
            if entry is not None and entry.kind == "benchmark":
                return entry.id, candidate, None
        for candidate in (text, _PAREN.sub("", text).strip()):
            entry = self.gaz.lookup(candidate)
            if entry is not None and entry.kind == "benchmark":
                qual = None if candidate == text else "; ".join(
                    m.group(1) for m in _PAREN.finditer(text) if not _UNIT_ONLY.fullmatch(m.group(1))) or None
                return entry.id, candidate, qual  # "SWE-bench Lite (%)": a unit is no condition
        for base in dict.fromkeys((text, _PAREN.sub("", text).strip())):
            split = _DATA_SPLIT.fullmatch(base) or _TOOLS_SPLIT.fullmatch(base)
            if split:  # "TextVQA val", "MMMU val", "MMB test (en)": the benchmark, on one split of its data
                found = self.benchmark(split.group(1))
                notes = [] if base == text else [m.group(1) for m in _PAREN.finditer(text)
                                                 if not _UNIT_ONLY.fullmatch(m.group(1))]
                if found is not None:
                    return found[0], found[1], "; ".join(x for x in (found[2], split.group(2), *notes) if x)
        metric = _METRIC_WORD.fullmatch(_PAREN.sub("", text).strip())  # "GDPval-AA Elo (Tareas de expertos)"
        entry = self.gaz.lookup(metric.group(1)) if metric else None
        if entry is not None and entry.kind == "benchmark":
            return entry.id, metric.group(1), metric.group(2)  # "LiveCodeBench Elo"
        bare = _PAREN.sub("", metric.group(1) if metric else text).strip()
        if _NOT_BENCH.search(bare) or len(bare) > 40 or self.model(bare):
            return None
        return None, bare, metric.group(2) if metric else None

    def values(self, cell: str) -> list[tuple[tuple[float, str, str | None], str | None]]:
        """The cell's figure, and a noted one with the note's label as its condition ("87.0% (Code: 100%)")."""
        value = self.value(cell)
        if value is not None or "(" not in cell:
            return [(value, None)] if value is not None else []
        m = _NOTED.fullmatch(clean(cell))
        value = self.value(m.group("cell")) if m else None
        if value is None:
            second = _SECOND_FIGURE.fullmatch(clean(cell))  # "58.5 (55.1)": what the bracket is, only a footnote says
            return [(first, None)] if second and (first := self.value(second.group(1))) is not None else []
        number = parse_number(m.group("num"))
        noted = [((number, m.group("num"), "%" if m.group("unit") else None), m.group("label").strip())]
        return [(value, None)] + (noted if number is not None else [])

    @staticmethod
    @lru_cache(maxsize=4096)
    def value(cell: str) -> tuple[float, str, str | None] | None:
        text = clean(cell)
        if _EMPTY.fullmatch(text):
            return None
        m = _VALUE.fullmatch(text)
        if not m:
            return None
        number = parse_number(m.group("num"))
        if number is None:
            return None
        return number, m.group("num"), "%" if m.group("unit") in ("%", "％") else None

    # ---- pipe tables --------------------------------------------------------
    def read(self, lines: list[str]) -> list[TableScore]:
        self._models, self._benchmarks = {}, {}
        out: list[TableScore] = []
        block: list[tuple[int, list[str]]] = []
        for i, line in enumerate(lines + [""]):
            rows = _one_line_table(line)
            if rows:  # a whole table whose line breaks were lost: its rows all quote this line
                if len(block) >= 2:
                    out += self._block(block)
                block = []
                out += self._block([(i, cells) for cells in rows])
                continue
            if line.count("|") >= 2:
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                if not all(_SEPARATOR.fullmatch(c) for c in cells if c):
                    block.append((i, cells))
                continue
            if len(block) >= 2:
                out += self._block(block, lines[max(0, block[0][0] - 3):block[0][0]])
            block = []
        out += self._flattened(lines) + self._glued(lines)
        return out + self._spaced(lines)

    def _block(self, rows: list[tuple[int, list[str]]], before: list[str] = ()) -> list[TableScore]:
        header = rows[0][1]
        widths = [len(cells) for _, cells in rows[1:]]
        width = max(set(widths), key=widths.count)
        if len(header) == width - 1:
            header = [""] + header
        col_models = [self.model(c) for c in header]
        body = rows[1:]
        if sum(1 for m in col_models[1:] if m) >= 2:
            col_models = [m or (self.peer(c) if j > 0 else None) for j, (m, c) in enumerate(zip(col_models, header))]
            return self._models_in_columns(header, col_models, body)
        col_benches = [self.cell_benchmark(c) for c in header]
        if any(b and b[0] for b in col_benches[1:]):
            return self._models_in_rows(col_benches, body, header)
        if sum(1 for m in col_models[1:] if m) == 1 and \
                sum(1 for _, cells in body if cells and self._names_benchmark(cells[0])) >= 2:
            return self._models_in_columns(header, col_models, body)  # one model's column beside notes or deltas
        bench = self._introduced(before)
        if bench is not None:  # "System | ohne Tools | mit Tools" under a sentence about HLE
            return self._models_in_rows([None] + [None if _NOT_BENCH.search(clean(c)) else (bench[0], bench[1], clean(c) or None)
                                                  for c in header[1:]], body)  # "メモリ占有量 (GB)" is no condition of it
        return []

    def _introduced(self, before: list[str]) -> tuple[str, str, None] | None:
        """The one benchmark the lines before a table name, when its header names none: its columns are conditions."""
        found = {h.id: h.text for line in before for h in self.gaz.find(line) if h.kind == "benchmark"}
        return (next(iter(found)), next(iter(found.values())), None) if len(found) == 1 else None

    @staticmethod
    def _label_column(body, first_data: int, names_row, header=()) -> int:
        """The leading column whose cells name the rows. A category column before it ("English", "Code", "Math",
        mostly blank) groups rows and names nothing, so the column with the most named rows wins; a column of the
        rows' components ("LLM", "Backbone": the language model a multimodal system is built on) names no row."""
        if first_data <= 1:
            return 0
        columns = [j for j in range(first_data) if not (j < len(header) and _COMPONENT_COLUMN.fullmatch(clean(header[j])))]
        return max(columns or range(first_data),
                   key=lambda j: (sum(1 for _, cells in body if j < len(cells) and names_row(cells[j])), -j))

    def _regrouped(self, cells: list[str]) -> list[str]:
        """"| MMLU-Redux | 95.0 | … | 92.8 | |" under "| Knowledge | MMLU-Pro | 87.4 | …": a row whose category cell was
        spanned from the row above lost it in the flattening, and its figures moved one column left."""
        if len(cells) < 3 or clean(cells[-1]):
            return cells
        second = clean(cells[1])
        if (_BARE_FIGURE.match(second) or second and _EMPTY.fullmatch(second)) and self._names_benchmark(cells[0]):
            return [""] + cells[:-1]
        return cells

    def cell_benchmark(self, cell: str) -> tuple[str | None, str, str | None] | None:
        """A table cell's benchmark; a trailing digit the record does not know is a footnote mark that lost its
        superscript ("HLE1", "Arena-Hard v23", "HLE (w/ tools)2"). Glued rows do not ask this: there a digit
        next to the name is the first figure's."""
        found = self.benchmark(cell)
        if found is not None and found[0]:
            return found
        marked = _FOOTNOTE_DIGIT.fullmatch(clean(cell))
        if marked:
            named = self.benchmark(marked.group(1))
            if named is not None and named[0]:
                return named
        return found

    def _names_benchmark(self, cell: str) -> bool:
        found = self.cell_benchmark(cell)
        return found is not None and found[0] is not None

    def _names_model(self, cell: str) -> bool:
        return self.model(cell) is not None

    def _models_in_columns(self, header, col_models, body) -> list[TableScore]:
        out = []
        col_models = _distinct(col_models, header)
        first_model = next(j for j, m in enumerate(col_models) if m)
        if first_model >= 2:
            body = [(i, self._regrouped(cells)) for i, cells in body]
        at = self._label_column(body, first_model, self._names_benchmark)
        metric_cols = [j for j, c in enumerate(header)
                       if j != at and col_models[j] is None and _METRIC_HINT.search(clean(c))]
        labels = [(i, cells, self.cell_benchmark(cells[at]) if len(cells) > at else None) for i, cells in body]
        if not any(b and b[0] for _, _, b in labels):
            return out
        last_bench = None
        for i, cells, bench in labels:
            if bench is None and len(cells) > at and not clean(cells[at]) and last_bench is not None:
                bench = last_bench  # a row continuing the benchmark above (rowspan)
            if bench is None:
                continue
            last_bench = bench
            metric = "; ".join(clean(cells[j]) for j in metric_cols if j < len(cells) and clean(cells[j])) or None
            for j, cell in enumerate(cells):
                if j == at or j >= len(col_models) or col_models[j] is None:
                    continue
                name, model_id, qual = col_models[j]
                for value, note in self.values(cell):
                    conditions = "; ".join(x for x in (bench[2], metric, qual, note) if x) or None
                    out.append(TableScore(name, model_id, bench[0], bench[1], value[0], value[1], value[2], conditions,
                                          i, i))
        return out

    def _models_in_rows(self, col_benches, body, header=()) -> list[TableScore]:
        out = []
        first_bench = next(j for j, b in enumerate(col_benches) if j > 0 and b and b[0])
        known_benches = sum(1 for b in col_benches[1:] if b and b[0])
        names = self._names_model if known_benches < 2 else (lambda c: self._names_model(c) or self.peer(c) is not None)
        at = self._label_column(body, first_bench, names, header)
        labels = [self.model(cells[at]) if len(cells) > at else None for _, cells in body]
        if sum(1 for m in labels if m) >= 2 or known_benches >= 2:  # rows of models against benchmarks it knows
            labels = [m or (self.peer(cells[at]) if len(cells) > at else None) for m, (_, cells) in zip(labels, body)]
        labels = _distinct(labels, [cells[at] if len(cells) > at else "" for _, cells in body])
        for (i, cells), model in zip(body, labels):
            if model is None:
                continue
            name, model_id, qual = model
            for j, cell in enumerate(cells):
                if j == at or j >= len(col_benches) or col_benches[j] is None:
                    continue
                bench_id, bench_text, bench_qual = col_benches[j]
                for value, note in self.values(cell):
                    conditions = "; ".join(x for x in (bench_qual, qual, note) if x) or None
                    out.append(TableScore(name, model_id, bench_id, bench_text, value[0], value[1], value[2], conditions,
                                          i, i))
        return out

    # ---- tables flattened into text ---------------------------------------------
    def _flattened(self, lines: list[str]) -> list[TableScore]:
        out: list[TableScore] = []
        if sum(1 for line in lines if _BARE_FIGURE.match(line)) < 2:
            return out
        models: list[tuple[str, str | None]] = []
        i, n = 0, len(lines)
        while i < n:
            line = lines[i].strip()
            if "|" not in line and len(line) <= 200 and _DIGIT.search(line):
                header = self._header_models(line)
                if len(header) >= 2:
                    models = header
                    i += 1
                    continue
                column, after = self._vertical_header(lines, i)
                if len(column) >= 2:  # one model per line (blank lines between): a table flattened cell by cell
                    models, i = column, after
                    continue
            bench = self.benchmark(line) if models and len(line) <= 60 else None
            if bench is not None and not bench[0]:
                bench = self._qualified(bench[1], lines[i + 1:i + 4])
            if bench is None or not bench[0]:
                i += 1
                continue
            values, notes, metric, j, blank = [], {}, None, i + 1, 0
            while j < n and j <= i + 4 + len(models) + blank and len(values) < len(models):
                value = self.value(lines[j])
                note = _CELL_NOTE.fullmatch(lines[j].strip()) if values else None
                if not lines[j].strip():
                    blank += 1
                elif value is not None:
                    values.append(value)
                elif note is not None:
                    notes[len(values) - 1] = note
                elif values:
                    break
                elif "@" in lines[j] or _METRIC_HINT.search(lines[j]):
                    metric = clean(lines[j])
                j += 1
            if len(values) == len(models):
                metric = "; ".join(x for x in (bench[2], metric) if x) or None
                for k, ((name, model_id), value) in enumerate(zip(models, values)):
                    out.append(TableScore(name, model_id, bench[0], bench[1], value[0], value[1], value[2],
                                          metric, i, j - 1))
                    note = notes.get(k)
                    number = parse_number(note.group("num")) if note else None
                    if number is not None:
                        out.append(TableScore(name, model_id, bench[0], bench[1], number, note.group("num"),
                                              "%" if note.group("unit") else None, note.group("label").strip(), i, j - 1))
                i = j
            else:
                i += 1
        return out

    def _glued(self, lines: list[str]) -> list[TableScore]:
        """Rows whose cells lost every separator, under a header whose models are glued together (glued.py)."""
        out: list[TableScore] = []
        self.glued_rows = set()
        if not glued.applies("\n".join(lines)):
            return out
        models: list[tuple[str, str | None]] = []
        rows: list[tuple[int, tuple, list]] = []
        for i, line in enumerate(lines + [""]):
            found = glued.header(line, self.model) if _DIGIT.search(line) else []
            if found or i == len(lines):
                if any(bench[0] for _, bench, _ in rows):  # a table of benchmarks the record knows
                    for at, bench, values in rows:
                        self.glued_rows.add(at)
                        out += [TableScore(name, model_id, bench[0], bench[1], value, raw, "%",
                                           "; ".join(x for x in (bench[2], bound) if x) or None, at, at)
                                for (name, model_id), (value, raw, bound) in zip(models, values)]
                models, rows = found, []
                continue
            read = glued.row(line, len(models), self.benchmark) if models else None
            if read is not None:
                rows.append((i, *read))
        return out

    def _spaced(self, lines: list[str]) -> list[TableScore]:
        """Rows whose cells are separated by spaces only, as blogs paste launch tables: under a line naming the
        models ("ベンチマーク GPT‑5 GPT‑5 mini GPT‑4.1"), a benchmark then its figures ("マルチモーダル推論(MMMU) 84.2%
        81.6% 74.8%"); or under a heading naming one benchmark ("HealthBench — 現実的な健康会話"), a model then its
        figures ("GPT‑5 67.2% 54.3%"). Figures go to the columns left to right; the rows are the table's, not prose."""
        out: list[TableScore] = []
        # rows under a models line: (that line, benchmark, scores, line); a benchmark the record does not know
        # counts only in a block whose other rows it knows
        rows: list[tuple[int, tuple, list[TableScore], int]] = []
        models: list[tuple[str, str | None]] = []
        heading: tuple[str | None, str, str | None] | None = None
        since = since_header = 0
        found = [_SPACED_ROW.fullmatch(line.strip()) if _DIGIT.search(line) and "|" not in line and len(line) <= 160
                 else None for line in lines]
        if sum(1 for row in found if row) < 2:
            return out
        for i, line in enumerate(lines):
            text = line.strip()
            if not text or "|" in text or len(text) > 160:
                continue
            row = found[i]
            if row is None and not any(found[i + 1:i + 4]):
                continue  # a heading or a models line is right above its rows
            if row is None:
                header = self._header_models(text, cover=0.4) if _DIGIT.search(text) else []
                if len(header) >= 2:
                    models, since = header, i
                    since_header = i
                    continue
                if i - since > 2:
                    models = []
                if _MODEL_COLUMN.match(text):
                    since = i if heading is not None else since
                    continue  # "モデル With thinking Without thinking": the column line under a heading
                named = self._heading(text, lines[i + 1:i + 3]) if len(text) <= 80 else None
                heading, since = (named, i) if named else (heading if i - since <= 2 else None, since)
                continue
            if i - since > 2:  # rows follow their models line or heading, or the row before
                models, heading = [], None
            values = [self.value(v) for v in _FIGURE_CELL.findall(row.group("vals"))]
            if not values or any(v is None for v in values):
                continue
            label = row.group("label")
            bench = self._named_benchmark(label, unknown=True) if models and len(values) <= len(models) else None
            if bench is not None:
                rows.append((since_header, bench, [TableScore(name, model_id, bench[0], bench[1], value[0], value[1],
                                                              value[2], bench[2], i, i)
                                                   for (name, model_id), value in zip(models, values)], i))
                since = i
                continue
            model = self.model(label) if heading is not None and len(values) <= 3 else None
            if model is not None:
                for value in values:
                    out.append(TableScore(model[0], model[1], heading[0], heading[1], value[0], value[1], value[2],
                                          heading[2], i, i))
                self.glued_rows.add(i)
                since = i
        known = {block for block, bench, _, _ in rows if bench[0]}
        for block, _, scores, at in rows:
            if block in known:
                out += scores
                self.glued_rows.add(at)
        return out

    def _heading(self, text: str, following: list[str]) -> tuple[str | None, str, str | None] | None:
        """A heading naming one benchmark ("HealthBench — 現実的な健康会話"): a known one, or an unknown name when a
        model column line ("モデル …", "Model …") follows it."""
        name = re.split(r"\s[—–-]\s|[:：]", text)[0].strip()
        found = self._named_benchmark(name)
        if found is not None:
            return found
        if any(_MODEL_COLUMN.match(line.strip()) for line in following):
            unknown = self.benchmark(name)
            return unknown if unknown is not None and self.model(name) is None else None
        return None

    def _named_benchmark(self, label: str, unknown: bool = False) -> tuple[str | None, str, str | None] | None:
        """The benchmark a label names, itself or in parentheses: "指示追従(COLLIE)", "視覚推論(CharXiv reasoning,
        python enabled)" (what follows the comma is a condition). Known to the record, or with `unknown`, a name in
        parentheses it does not know."""
        found = self.benchmark(label)
        if found is not None and found[0]:
            return found
        outer = found
        for inner in _PAREN.findall(label.replace("（", "(").replace("）", ")")):
            name, _, condition = inner.partition(",")
            found = self.benchmark(name)
            if found is not None and (found[0] or unknown and (outer is None or NAME_SHAPE.search(name) and
                                                                not NAME_SHAPE.search(outer[1]))):
                return found[0], found[1], condition.strip() or found[2]
        return outer if unknown else None

    def _qualified(self, name: str, following: list[str]) -> tuple[str | None, str, str | None] | None:
        """"Codeforces" then "Percentile(排名)": the record's "Codeforces (percentile)", named by the metric line."""
        for line in following:
            if "@" in line or _METRIC_HINT.search(line) or re.match(r"\s*[A-Za-z]+\s?[(（]", line):
                for word in re.findall(r"[A-Za-z]{3,}", line):
                    entry = self.gaz.lookup(f"{name} ({word})")
                    if entry is not None and entry.kind == "benchmark":
                        return entry.id, name, None
        return None

    def _vertical_header(self, lines: list[str], i: int) -> tuple[list[tuple[str, str | None]], int]:
        """Models named one per line from line i on (blank lines between), and the index after them."""
        found: list[tuple[str, str | None]] = []
        j = i
        while j < len(lines) and len(found) < 12:
            line = lines[j].strip()
            if line:
                model = self.model(line) if len(line) <= 60 and "|" not in line else None
                if model is None:
                    break
                found.append((model[0], model[1]))
            j += 1
        return found, j

    def _header_models(self, line: str, cover: float = 0.6) -> list[tuple[str, str | None]]:
        hits = [h for h in self.gaz.find(line) if h.kind == "model" and not self.gaz.is_family(h.id)]
        found = [(h.start, h.end, h.text, h.id) for h in hits]
        for h in self.names.find(line):
            if not any(s < h.end and h.start < e for s, e, _, _ in found):
                found.append((h.start, h.end, h.name, None))
        found.sort()
        covered = sum(e - s for s, e, _, _ in found)
        latin = len(re.findall(r"[A-Za-z0-9\-. ]", line))
        if len(found) >= 2 and covered >= cover * latin and not re.search(r"[.!?。]\s*$", line):
            return [(text, mid) for _, _, text, mid in found]
        return []
