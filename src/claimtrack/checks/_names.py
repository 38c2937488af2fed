"""Source names in a form where spelling variants of one name coincide."""

from __future__ import annotations

import unicodedata

__all__ = ["normalise_name"]


def __dir__() -> list[str]:
    return list(__all__)


# Arabic letters written in several ways that readers treat as one: the alef
# forms (after decomposition, hamza and madda are marks and go with them; alef
# wasla has no decomposition), alef maqsura and taa marbuta at a word's end.
_LETTERS = str.maketrans(
    {
        "\u0671": "\u0627",  # alef wasla -> alef
        "\u0649": "\u064a",  # alef maqsura -> yeh
        "\u0629": "\u0647",  # taa marbuta -> heh
        "\u0640": None,  # tatweel, a stretching stroke
    }
)
_ARTICLE = "\u0627\u0644"  # al-, the definite article, written joined
_LATIN_ARTICLE = "the"  # English, a word of its own: dropped only at the start


def _is_mark(char: str) -> bool:
    # Harakat (U+064B-U+0652), the dagger alef (U+0670) and Latin diacritics
    # are all nonspacing marks once decomposed.
    return unicodedata.category(char) == "Mn"


def _is_separator(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] == "P"


class _Folding(dict[int, str | None]):
    """What each character becomes, for `str.translate`, worked out on first sight.

    A mark is dropped, a separator becomes a space, and a letter of
    `_LETTERS` is written its one way; no character is more than one of
    these, so one pass does all three. Names use few distinct characters, so
    the table stays small and a name costs one `str.translate`, not a Python
    step per character.
    """

    def __missing__(self, code: int) -> str | None:
        char = chr(code)
        folded = None if _is_mark(char) else " " if _is_separator(char) else char
        self[code] = folded
        return folded


_FOLDING = _Folding(_LETTERS)


def normalise_name(text: str) -> str:
    """Return *text* with differences that do not make another name removed.

    Case is folded; runs of spaces and punctuation (quotes, hyphens, dots)
    become one space; Latin diacritics are dropped (é -> e); and Arabic is
    normalised the way Arabic search does: alef forms (أ إ آ ٱ) to bare alef,
    alef maqsura (ى) to yeh, taa marbuta (ة) to heh, tatweel and harakat
    removed, and the definite article (ال) removed from the start of each word.
    Hamza carried on waw or yeh (ؤ ئ) loses its hamza too, since
    decomposition makes it a mark. A leading English article is dropped as
    well ("The Washington Post" -> "washington post"), when it is a word of
    its own and not the whole name.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    words = decomposed.translate(_FOLDING).casefold().split()
    if len(words) > 1 and words[0] == _LATIN_ARTICLE:
        del words[0]
    return " ".join(
        word[len(_ARTICLE) :]
        if word.startswith(_ARTICLE) and len(word) > len(_ARTICLE) + 1
        else word
        for word in words
    )
