"""A small evaluator for the formulas a script leaves without a computed value: numbers, cell
references of the same sheet ($ allowed), + - * / ^-free arithmetic with parentheses and
unary signs, and SUM over cells and ranges. Anything else (another sheet, another function,
text) is not guessed: the caller reports the cell.

Hand-written rather than a library (`formulas`, `pycel`): those pull in numpy/networkx and a
whole Excel function catalogue to evaluate what government forms actually hold (SUM of a
column, a difference of two cells), and they execute far more of a hostile file's text.
Exact: numbers are fractions while computing, so 0.1 + 0.2 of money stays exact.
"""
from __future__ import annotations

import re
from fractions import Fraction

_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(?P<range>\$?[A-Z]{1,3}\$?\d{1,7}:\$?[A-Z]{1,3}\$?\d{1,7})"
                    r"|(?P<ref>\$?[A-Z]{1,3}\$?\d{1,7})|(?P<func>[A-Z][A-Z0-9.]*)\s*\(|(?P<op>[-+*/(),;]))")
_REF = re.compile(r"(\$?)([A-Z]{1,3})(\$?)(\d{1,7})")
MAX_FORMULA = 2000
MAX_DEPTH = 100  # formulas referring to formulas, nested (each level is a few Python frames)
BUDGET = 1_000_000  # cells and formulas visited per sheet: a file cannot make the evaluation slow


class CannotEvaluate(Exception):
    """The formula is not plain arithmetic or SUM over the sheet's own cells."""


class ExcelError(Exception):
    """The formula evaluates to an Excel error (#DIV/0!, or a referenced error cell)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _col(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _letters(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def tokenize(text: str) -> list[tuple[str, str]]:
    text = text.strip()
    if text.startswith("="):
        text = text[1:]
    if len(text) > MAX_FORMULA:
        raise CannotEvaluate(text)
    text = text.upper()
    out, pos = [], 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            if text[pos:].strip() == "":
                break
            raise CannotEvaluate(text)
        kind = m.lastgroup
        out.append((kind, m.group(kind)))
        pos = m.end()
    return out


def shift(text: str, drow: int, dcol: int) -> str:
    """A shared formula's text moved by (drow, dcol): relative references move, $ ones stay."""
    def move(m):
        cabs, col, rabs, row = m.groups()
        c = _col(col) + (0 if cabs else dcol)
        r = int(row) + (0 if rabs else drow)
        if c < 0 or r < 1:
            raise CannotEvaluate(text)
        return f"{cabs}{_letters(c)}{rabs}{r}"
    parts = re.split(r'("[^"]*")', text)  # leave string literals alone
    return "".join(p if p.startswith('"') else _REF.sub(move, p) for p in parts)


def _ref(text: str) -> tuple[int, int]:
    m = _REF.fullmatch(text)
    return int(m.group(4)) - 1, _col(m.group(2))


class Sheet:
    """Evaluates formula cells of one sheet. `value(r, c)` gives a plain cell's value,
    `formula(r, c)` the text of a formula cell to evaluate (or None), `error(r, c)` an Excel
    error held by the cell (or None)."""

    def __init__(self, value, formula, error, budget: int = BUDGET):
        self._value, self._formula, self._error = value, formula, error
        self._memo: dict = {}
        self._busy: set = set()
        self.budget = budget

    def _spend(self, n: int = 1) -> None:
        self.budget -= n
        if self.budget < 0:
            raise CannotEvaluate("too much to compute")

    def evaluate(self, r: int, c: int):
        """The number a formula cell holds (int when whole); raises CannotEvaluate/ExcelError."""
        key = (r, c)
        if key in self._memo:
            result = self._memo[key]
            if isinstance(result, Exception):
                raise result
            return result
        if key in self._busy or len(self._busy) > MAX_DEPTH:
            raise CannotEvaluate("circular")
        self._spend()
        self._busy.add(key)
        try:
            tokens = tokenize(self._formula(r, c))
            parser = _Parser(tokens, self)
            result = parser.expr()
            if parser.pos != len(tokens):
                raise CannotEvaluate("trailing")
            self._memo[key] = result
            return result
        except (CannotEvaluate, ExcelError) as exc:
            self._memo[key] = exc
            raise
        finally:
            self._busy.discard(key)

    def cell(self, r: int, c: int, in_range: bool):
        self._spend()
        err = self._error(r, c)
        if err:
            raise ExcelError(err)
        if self._formula(r, c) is not None:
            return self.evaluate(r, c)
        v = self._value(r, c)
        if v is None or v == "":
            return None if in_range else Fraction(0)
        if isinstance(v, bool):
            return None if in_range else Fraction(int(v))
        if isinstance(v, (int, float)):
            return Fraction(v)
        if in_range:
            return None  # SUM skips text, as Excel does
        raise CannotEvaluate("text in arithmetic")


class _Parser:
    def __init__(self, tokens, sheet: Sheet):
        self.tokens, self.pos, self.sheet = tokens, 0, sheet

    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else (None, None)

    def take(self):
        tok = self.peek()
        self.pos += 1
        return tok

    def expr(self):
        value = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self):
        value = self.factor()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            rhs = self.factor()
            if op == "*":
                value = value * rhs
            elif rhs == 0:
                raise ExcelError("#DIV/0!")
            else:
                value = value / rhs
        return value

    def factor(self):
        kind, text = self.take()
        if kind == "op" and text in "+-":
            v = self.factor()
            return -v if text == "-" else v
        if kind == "num":
            return Fraction(text)
        if kind == "ref":
            return self.sheet.cell(*_ref(text), in_range=False)
        if kind == "op" and text == "(":
            v = self.expr()
            if self.take() != ("op", ")"):
                raise CannotEvaluate("parenthesis")
            return v
        if kind == "func" and text == "SUM":
            total = Fraction(0)
            while True:
                if self.peek() == ("op", ")"):
                    self.take()
                    return total
                kind2, text2 = self.peek()
                if kind2 == "range":
                    self.take()
                    a, b = text2.split(":")
                    (r0, c0), (r1, c1) = _ref(a), _ref(b)
                    if (abs(r1 - r0) + 1) * (abs(c1 - c0) + 1) > 100_000:
                        raise CannotEvaluate("range too large")
                    for r in range(min(r0, r1), max(r0, r1) + 1):
                        for c in range(min(c0, c1), max(c0, c1) + 1):
                            v = self.sheet.cell(r, c, in_range=True)
                            if v is not None:
                                total += v
                elif kind2 == "ref":
                    self.take()
                    v = self.sheet.cell(*_ref(text2), in_range=True)
                    total += v or 0
                else:
                    total += self.expr()
                if self.peek() in (("op", ","), ("op", ";")):
                    self.take()
                elif self.peek() != ("op", ")"):
                    raise CannotEvaluate("SUM arguments")
        raise CannotEvaluate(text or "end")


def as_number(value: Fraction):
    """A fraction as the reader's number: int when whole, else float."""
    return int(value) if value.denominator == 1 else float(value)
