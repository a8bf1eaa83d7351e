"""Guessing the legacy codepage of bytes that are not UTF-8 and do not say what they are.

Old Windows programs and phones write the machine's codepage: Windows-1252 in Western Europe,
1250 (or ISO-8859-2) in Central Europe, 1251 or KOI8-R for Cyrillic, Shift_JIS, GB18030, Big5
or EUC-KR in East Asia. Single-byte codepages decode any bytes at all, so the guess is by how
plausible each reading looks: letters in words, not symbols, and spelling a language allows.
Used by the CSV reader (``tables.decode_text``) and the vCard reader.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable

# Most common first: a tie goes to the earlier one. Single-byte codepages come before the CJK
# ones because GB18030 reads a run of Cyrillic letters as half as many Chinese characters,
# which score the same.
_GUESSES = (
    "cp1252",
    "cp1250",
    "iso8859_2",
    "cp1251",
    "koi8_r",
    "gb18030",
    "cp932",
    "big5",
    "euc_kr",
)
_EVIDENCE_LIMIT = 64 * 1024
# What a wrong Latin codepage spells. Windows-1252 and 1250 share the bytes of these letters,
# so one name rarely tells "Iksiñski" from "Iksiński"; spelling does.
_ODD_SPELLING = re.compile(
    # Polish writes "ni", "si", "zi" before a vowel, never ń, ś, ź.
    r"[ńśźŃŚŹ](?=[aeiouyąęóAEIOUYĄĘÓ])"
    # Spanish ñ comes before a vowel.
    r"|[ñÑ](?![aeiouáéíóúüAEIOUÁÉÍÓÚÜ])"
    # French œ comes before a vowel (œu, œil).
    r"|[œŒ](?![aeiouAEIOU])"
    # Italian and French write ì and ù last in a word; Czech ě and ů (the same bytes) are not.
    r"|[ìùÌÙ](?=[^\W\d_])"
    # Danish and Norwegian ø never sits beside á, í, ú, ý; Czech ř (the same byte) does.
    r"|[øØ][áíúýÁÍÚÝ]|[áíúýÁÍÚÝ][øØ]"
    # Portuguese õ comes before e (Camões); Hungarian ő (the same byte) anywhere.
    r"|[õÕ](?![eE])"
)
_WORD = re.compile(r"[^\W\d_]{2,}")


def plausibility(text: str) -> int:
    """How much ``text`` looks like words rather than what a wrong codepage makes of bytes.

    Wrong codepages give symbol soup (cp1252 read of CJK bytes), half-width katakana (cp932
    read of GBK), or Chinese or Cyrillic letters wedged inside Latin words (GB18030 or
    cp1251 read of cp1252 bytes). Kana only Japanese has, and Cyrillic comes in whole words,
    so both count extra.
    """
    good = bad = 0
    for i, ch in enumerate(text):
        code = ord(ch)
        if code < 0x80:
            continue
        if 0x3040 <= code <= 0x30FF:
            good += 3
        elif 0x4E00 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF:
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
                bad += 1
            else:
                good += 2  # one character from two bytes
        elif 0x400 <= code <= 0x4FF:
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
                bad += 1
            else:
                good += 1
        elif 0xC0 <= code <= 0x24F and ch.isalpha():
            # Accents sit inside Latin words; a word of nothing but accents is Cyrillic (or
            # Greek) read through a Latin codepage.
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
                good += 1
        elif (
            0x80 <= code <= 0xBF
            or 0x2000 <= code <= 0x206F
            or 0xFF61 <= code <= 0xFF9F
            or 0xE000 <= code <= 0xF8FF
            or code == 0xFFFD
            or 0x2C6 <= code <= 0x2DC
        ):
            bad += 1
    return good - 4 * bad


def oddities(text: str) -> int:
    """How many spellings in ``text`` no language writes, a sign of the wrong codepage.

    Besides the letter pairs of ``_ODD_SPELLING``, a word whose case flips inside it ("иВАН")
    counts: KOI8-R and Windows-1251 put upper and lower case at each other's bytes.
    """
    odd = len(_ODD_SPELLING.findall(text))
    for word in _WORD.findall(text):
        if word.isascii():
            continue  # the same in every reading
        cased = [ch for ch in word if ch.islower() or ch.isupper()]
        rest = "".join(cased[1:])
        if len(cased) > 1 and not (rest.islower() or (rest.isupper() and cased[0].isupper())):
            odd += 1
    return odd


def guess_legacy(samples: Iterable[bytes], preferred: str | None = None) -> str:
    """The codepage that reads ``samples`` (byte strings of one file) most plausibly.

    The samples are judged together: one name rarely tells Windows-1252 from 1250, a whole
    address book does. A tie goes to ``preferred`` (a charset the file declares elsewhere),
    then to the more common codepage.

    Args:
        samples: The file's values that are not UTF-8.
        preferred: A codec name to favour, if any.

    Returns:
        A codec name; ``preferred`` (else ``cp1252``) when there is nothing to judge. It may
        leave a stray byte of the samples undefined: see ``decode_keeping_strays``.
    """
    chunks: list[bytes] = []
    size = 0
    for sample in samples:
        if size >= _EVIDENCE_LIMIT:
            break
        chunks.append(sample)
        size += len(sample) + 1
    data = b"\n".join(chunks)
    if not data:
        return preferred or "cp1252"
    candidates = ([preferred] if preferred else []) + list(_GUESSES)
    scored: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    for order, codec in enumerate(candidates):
        try:
            canonical = codecs.lookup(codec).name
        except LookupError:
            continue
        if canonical in seen:
            continue
        seen.add(canonical)
        # A byte a codepage leaves undefined costs it (U+FFFD scores as a symbol) but does not
        # rule it out: one stray byte in a note must not hand a Polish file to Windows-1251.
        text = data.decode(codec, errors="replace")
        scored.append((plausibility(text) - 2 * oddities(text), -order, codec))
    if not scored:
        return preferred or "cp1252"
    scored.sort(reverse=True)
    best_score, _order, best = scored[0]
    if codecs.lookup(best).name == "gb18030" and votes_big5(data):
        for score, _o, other in scored:
            if other == "big5" and score >= best_score - abs(best_score) / 10:
                return other
    return best


def votes_big5(data: bytes) -> bool:
    """Whether a language model reads ``data`` as Big5 rather than GB18030.

    Each reads the other's bytes as Chinese, so plausibility alone cannot tell them apart.
    """
    from charset_normalizer import from_bytes

    voted = from_bytes(data, cp_isolation=["big5", "gb18030"]).best()
    return voted is not None and voted.encoding == "big5"


def decode_keeping_strays(raw: bytes, codec: str) -> str:
    """``raw`` in ``codec``, with any byte the codec cannot read kept as its Latin-1 character.

    Never yields U+FFFD, which no search finds, and never drops a byte.
    """
    parts: list[str] = []
    while raw:
        try:
            parts.append(raw.decode(codec))
            break
        except UnicodeDecodeError as exc:
            parts.append(raw[: exc.start].decode(codec))
            parts.append(raw[exc.start : exc.end].decode("latin-1"))
            raw = raw[exc.end :]
    return "".join(parts)
