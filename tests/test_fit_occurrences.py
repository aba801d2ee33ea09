"""The one-pass trigger lookup (pipeline/fit/occurrences.py) answers exactly as str.find does, on the
focused text and on pieces of it, for words that can overlap themselves too."""

import random

from pipeline.fit import occurrences
from pipeline.fit.occurrences import find_each, focus, holds_any, triggers

WORDS = triggers("aa", "aba", "abab", "t accept", "remote", "ção", "₹", "x", "itali")


def find_all(text: str, word: str) -> list[int]:
    return [at for _, spots in find_each(text, (word,)) for at in spots]


def by_str_find(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at != -1:
        found.append(at)
        at = text.find(word, at + len(word))
    return found


def test_every_piece_of_the_focused_text_gets_str_finds_answer():
    chooser = random.Random(7)
    alphabet = ["a", "b", "aa", "ab", " ", "t accept", "remote", "ção", "₹", "x", "itali", "tali", "\n"]
    for _ in range(300):
        text = "".join(chooser.choice(alphabet) for _ in range(chooser.randint(100, 400)))
        size = len(text)
        focus(text, (size // 4,))  # a piece starting there is found by the hint, the others by a search
        pieces = [text, text[:size // 2], text[size // 3:], text[size // 4: 3 * size // 4], text[:5],
                  "no remote here" * 40]
        for piece in pieces:
            for word in (*WORDS, "undeclared", "b"):
                assert find_all(piece, word) == by_str_find(piece, word), (piece, word)
            assert [(w, list(s)) for w, s in find_each(piece, WORDS)] == \
                [(w, by_str_find(piece, w)) for w in WORDS if w in piece]
            assert holds_any(piece, ("remote", "ção")) == ("remote" in piece or "ção" in piece)


def test_a_text_not_focused_is_searched_with_str_find():
    focus("something else entirely " * 30)
    text = "remote aa " * 50
    assert find_all(text, "remote") == by_str_find(text, "remote")
    assert occurrences._located(text) is None
