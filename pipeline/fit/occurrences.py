"""Where the fit rules' trigger words stand in the posting being scored, found in one pass.

The rules look for many short words ("remote", "only", "years", "english", "talent ", ...) and run
their patterns only around them. Each `str.find` scans the whole posting (about 2 µs for 4 KB), and
one posting is asked for some eighty words. The rules declare those words once (`triggers`); once
the scorer has said which text it reads (`focus`), one Aho-Corasick pass (pyahocorasick, in C: a
well-kept library, where a hand-written multi-word search in Python would be slower than the finds it
replaces) finds every declared word, and each later question is a lookup.

The answers are exactly `str.find`'s, for the focused text and for any long piece of it (its
opening, the part after the title): the leftmost occurrences that do not overlap an earlier one of
the same word. The pass finds every occurrence, overlapping ones too; of a word that can overlap
itself ("t accept" in "t accept accept"), those of the piece asked about are then taken left to
right as `str.find` would. Any other text, and any word not declared (a role's name taken from the
title), is answered with `str.find`.
"""

import threading
from collections.abc import Sequence

import ahocorasick


class _Words:
    """Every word the rules declared, and an automaton that finds them, built on the first pass after
    a declaration."""

    def __init__(self) -> None:
        self.declared: frozenset[str] = frozenset()
        # the words the automaton finds, those that can overlap themselves, and the automaton: one
        # object, so a reader never sees one part without the others
        self.finder: tuple[frozenset[str], frozenset[str], ahocorasick.Automaton] | None = None
        self.lock = threading.Lock()

    def learn(self, words: tuple[str, ...]) -> None:
        with self.lock:
            self.declared, self.finder = self.declared | frozenset(words), None

    def current(self) -> tuple[frozenset[str], frozenset[str], ahocorasick.Automaton]:
        finder = self.finder
        if finder is not None:
            return finder
        with self.lock:
            if self.finder is not None:  # another thread built it while this one waited
                return self.finder
            known = frozenset(w for w in self.declared if w)
            automaton = ahocorasick.Automaton()
            for word in known:
                automaton.add_word(word, word)
            automaton.make_automaton()
            self.finder = finder = (known, frozenset(filter(_overlaps_itself, known)), automaton)
        return finder


def _overlaps_itself(word: str) -> bool:
    """The word has a proper prefix that is also its suffix ("that": "t"), so two of it may overlap."""
    return any(word.startswith(word[-size:]) for size in range(1, len(word)))


_WORDS = _Words()


class _Pass:
    """One pass over a focused text: where each word known at the time stands."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known, self.overlapping, automaton = _WORDS.current()
        spots: dict[str, list[int]] = {}
        if self.known and text:
            for end, word in automaton.iter(text):
                spots.setdefault(word, []).append(end - len(word) + 1)
        self.spots = {word: tuple(at) for word, at in spots.items()}

    def within(self, piece: str, word: str, offset: int) -> Sequence[int]:
        """Where str.find finds `word` in `piece`, the part of the text that starts at `offset`."""
        spots = self.spots.get(word, _NONE)
        if spots and (offset or len(piece) != len(self.text)):
            last = offset + len(piece) - len(word)
            spots = tuple(at - offset for at in spots if offset <= at <= last)
        if len(spots) > 1 and word in self.overlapping:
            kept: list[int] = []
            for at in spots:  # left to right, each after the end of the one kept before
                if not kept or at >= kept[-1] + len(word):
                    kept.append(at)
            return kept
        return spots


class _Focus(threading.local):
    text: str = ""
    starts: tuple[int, ...] = ()  # where the pieces asked about usually start (after the title)
    found: _Pass | None = None


_FOCUS = _Focus()
_NONE: tuple[int, ...] = ()
_LONG = 400  # a shorter text is searched faster with str.find than located in the focused one


def triggers(*words: str) -> tuple[str, ...]:
    """Declares words a rule looks for in every posting (at import), so one pass finds them all."""
    assert all(words), "an empty word is everywhere: nothing to look for"
    _WORDS.learn(words)
    return words


def focus(text: str, starts: tuple[int, ...] = ()) -> None:
    """The text the next questions are about (the scorer's lower-case posting), read on first use;
    `starts`: where the pieces asked about often start (the description, after the title)."""
    _FOCUS.text, _FOCUS.starts, _FOCUS.found = text, starts, None


def _located(text: str) -> tuple[_Pass, int] | None:
    """The pass over the focused text and where `text` starts in it, if `text` is a piece of it long
    enough to be worth looking up (the opening, the part after the title, the opening of that)."""
    base = _FOCUS.text
    if text is base:
        offset = 0
    elif len(text) < _LONG or len(text) > len(base):
        return None
    elif base.startswith(text):
        offset = 0
    else:
        offset = next((start for start in _FOCUS.starts if base.startswith(text, start)), -1)
        if offset == -1:
            offset = base.find(text)  # one pass in C; any place it stands holds the same words
        if offset == -1:
            return None
    found = _FOCUS.found
    if found is None or found.text is not base:
        found = _FOCUS.found = _Pass(base)
    return found, offset


def _find_all(text: str, word: str, located: tuple[_Pass, int] | None) -> Sequence[int]:
    if located is None or word not in located[0].known:
        return _found_by_str_find(text, word)
    return located[0].within(text, word, located[1])


def _found_by_str_find(text: str, word: str) -> list[int]:
    if not word:
        raise ValueError("an empty word is everywhere: nothing to look for")
    out = []
    at = text.find(word)
    while at != -1:
        out.append(at)
        at = text.find(word, at + len(word))
    return out


def find_each(text: str, words: tuple[str, ...]) -> list[tuple[str, Sequence[int]]]:
    """(word, where it stands) for each of `words` that `text` holds, in the order given."""
    located = _located(text)
    if located is None:
        return [(word, where) for word in words if (where := _found_by_str_find(text, word))]
    found, offset = located
    known, spots_of = found.known, found.spots
    out: list[tuple[str, Sequence[int]]] = []
    for word in words:
        if word in known:
            if word not in spots_of:
                continue  # most words are in no posting: nothing to slice
            spots = found.within(text, word, offset)
        else:
            spots = _found_by_str_find(text, word)
        if spots:
            out.append((word, spots))
    return out


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """`text` holds one of `words` (`any(w in text for w in words)`)."""
    located = _located(text)
    if located is None:
        return any(word in text for word in words)
    return any(_find_all(text, word, located) for word in words)
