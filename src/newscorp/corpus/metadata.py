"""Extract title, date, place, agency and photo credits from the text of a news article."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import TypedDict

from newscorp.corpus.boilerplate import Span, default_patterns, iter_lines, merge_spans


class Metadata(TypedDict):
    """Metadata of one article, and the spans of header text to blank before NLP."""

    title: str
    date: str
    place: str
    agency: str
    credits: str
    spans: list[Span]


#: News agencies, compared lower-case, that can stand alone in "(dpa)" or a byline.
AGENCIES = frozenset(
    "dpa afp ap rtr reuters kna epd dts sid ddp apa sda ots efe ansa xinhua tass ukrinform "
    "anp belga rnd".split()
)
#: Capitalised words that open a paragraph with "Word." but are no dateline.
NOT_PLACES = frozenset(
    "ja nein doch gut schluss aus ende endlich immerhin stopp achtung update eilmeldung "
    "vorsicht also und aber klar genau okay richtig falsch tja naja danke bitte hallo heute "
    "gestern morgen jetzt damals trotzdem dennoch natürlich sicher prof dr st nr abs art ca "
    "bzw inc co ltd jr sen mr mrs ms hr fr".split()
)
#: Capitalised words that open a sentence, never a dateline ("Der Mann – ein Lehrer – kam").
NOT_DATELINE_WORDS = NOT_PLACES | frozenset(
    "der die das den dem des ein eine einer eines einem einen er sie es wir ich ihr man dies "
    "diese dieser dieses jeder jede alle kein keine mit ohne gegen nach bei von vom aus für "
    "über unter vor seit trotz wegen laut".split()
)
MAX_TITLE = 150
MAX_CREDIT_LINE = 300
HEAD_LINES = 3
DATE_LINES = 5

_HEADER = re.compile(r"\s*(?:date|datum)\s*:?\s+(?P<date>\S+)(?:\s+(?P<place>\S.*?))?\s*")
_NAME = r"[A-ZÄÖÜ][\wÄÖÜäöüß'’-]+"
_DATELINE = re.compile(
    rf"\s*(?P<place>{_NAME}(?:[ /]{_NAME})?)"
    r"(?:\s*\((?P<agency>[^()\n]{1,40})\)\s*[-–—:]"
    r"|/(?P<agency2>[A-Za-z]{2,10}(?:/[A-Za-z]{2,10})*)\."
    r"|\.(?=\s+[\"„“»«‚A-ZÄÖÜ0-9]))"
)
_PLACE_WORD = rf"(?:St\. ?)?{_NAME}"  # "St. Pölten"
_DASH_DATELINE = re.compile(
    rf"(?P<place>{_PLACE_WORD}(?:(?: |/){_PLACE_WORD}){{0,3}})"
    r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?\s+[–—]\s+(?=[\"„“»«A-ZÄÖÜ])"
)
# a sentence's end: not the full stop of a day ("am 6. Oktober"), an initial or "St.", "Dr."
_SENTENCE_END = re.compile(
    r"(?<!\b\d)(?<!\b\d\d)(?<!\b[A-ZÄÖÜ])(?<!\b[A-ZÄÖÜ][a-zäöü])[.!?][\"“”»«]?\s+"
)
MAX_TEASER = 400  # characters of a teaser before a dash dateline ("… ausbauen. Wien – Der …")
_CREDIT = re.compile(
    r"(?:^|(?<=\s))(?:Fotos?|Bilder?|Photo|Bildquelle|Grafik|Illustration)\s*:\s*"
    r"(?P<credit>\S(?:.{0,98}\S)?)\s*$"
)
_BYLINE = re.compile(r"\s*Von\s+(?P<who>\S.{0,78}?)\s*")
_BYLINE_WORDS = frozenset({"und", "&", "mit", "sowie", "von", "van", "de", "der", "und/oder"})
_TRAILER = re.compile(
    r"(?:^|(?<=[\n.!?\"“”»«’)]))\s*\((?P<agency>[A-Za-z]{2,10}(?:\s?/\s?[A-Za-z]{1,10}){0,5})\)\s*$"
)
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)")
_MONTH_NAMES = "januar|jänner februar|feber märz april mai juni juli august september oktober"
_MONTH_NAMES += " november dezember"
_MONTHS = {
    name: number
    for number, names in enumerate(_MONTH_NAMES.split(), 1)
    for name in names.split("|")
}
_DIGITS = re.compile(r"\d+")  # where a date can start: each pattern's lookbehind rules out a digit
_NAMED_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\.\s*({'|'.join(_MONTHS)})\s+(\d{{4}})", re.I)


def extract_metadata(text: str, *, skip: Iterable[Span] | None = None) -> Metadata:
    """Return title, date, place, agency, credits and the spans of header/credit text."""
    if skip is None:
        skip = default_patterns().spans(text)
    lines = _content_lines(text, skip)
    meta = Metadata(title="", date="", place="", agency="", credits="", spans=[])
    _take_header(text, lines, meta)
    _take_credits(text, lines, meta)
    byline = _take_byline(text, lines, meta)
    trailer = _take_trailer(text, lines, meta)
    if lines:
        start, end = lines[0]
        meta["title"] = _title(text[start:end].strip())
    body = lines[1:] if meta["title"] else lines
    dateline = _take_dateline(text, body[:1], meta)
    meta["agency"] = byline or trailer or dateline
    if not meta["date"]:
        meta["date"] = _find_date(text)
    meta["spans"].sort()
    return meta


def _content_lines(text: str, skip: Iterable[Span]) -> list[Span]:
    """Return the non-empty lines of text that do not start inside a skipped span."""
    skipped = merge_spans(skip)
    starts = [start for start, _ in skipped]
    lines: list[Span] = []
    for start, end in iter_lines(text):
        index = bisect_right(starts, start) - 1
        inside = index >= 0 and start < skipped[index][1]
        if not inside and text[start:end].strip():
            lines.append((start, end))
    return lines


def _take_header(text: str, lines: list[Span], meta: Metadata) -> None:
    """Read a header line such as " date 2019-02 Hanoi" and drop it from lines."""
    if not lines:
        return
    start, end = lines[0]
    match = _HEADER.fullmatch(text[start:end])
    if not match:
        return
    date = _normalise_date(match["date"])
    if not date:
        return
    meta["date"] = date
    meta["place"] = match["place"] or ""
    meta["spans"].append((start, end))
    del lines[0]


def _take_credits(text: str, lines: list[Span], meta: Metadata) -> None:
    """Collect photo credits such as "Foto: Reuters" and drop their lines."""
    credits: list[str] = []
    kept: list[Span] = []
    for start, end in lines:
        line = text[start:end]
        match = _CREDIT.search(line) if len(line) <= MAX_CREDIT_LINE else None
        if match and not match["credit"].endswith("."):
            if match["credit"] not in credits:
                credits.append(match["credit"])
            meta["spans"].append((start, end))
        else:
            kept.append((start, end))
    lines[:] = kept
    meta["credits"] = "; ".join(credits)


def _take_byline(text: str, lines: list[Span], meta: Metadata) -> str:
    """Find a byline "Von X/Y" near the start or end, drop its line and return X/Y."""
    near = sorted({*range(min(HEAD_LINES, len(lines))), *range(len(lines))[-HEAD_LINES:]})
    for index in near:
        start, end = lines[index]
        match = _BYLINE.fullmatch(text[start:end])
        if match and _is_byline(match["who"]):
            meta["spans"].append((start, end))
            del lines[index]
            return match["who"]
    return ""


def _is_byline(who: str) -> bool:
    """Return True if the words after "Von" look like names or agencies."""
    if who[-1] in '.:;!?"“”»«':
        return False
    words = [word.strip(",;") for word in who.split()]
    if not words or len(words) > 8:
        return False
    return all(
        "/" in word or word.lower() in AGENCIES or word in _BYLINE_WORDS or word[:1].isupper()
        for word in words
        if word
    ) and (words[0][:1].isupper() or words[0].lower() in AGENCIES)


def _take_trailer(text: str, lines: list[Span], meta: Metadata) -> str:
    """Find an agency marker like "(mwo/dpa)" ending the last paragraph and return it."""
    if not lines:
        return ""
    start, end = lines[-1]
    # the marker's "(" is the last one of the line, after nothing but spaces: search from
    # there, not from every position of a long line
    paren = text.rfind("(", start, end)
    if paren < 0:
        return ""
    first = paren
    while first > start and text[first - 1].isspace():
        first -= 1
    match = _TRAILER.search(text, first, end)
    if not match:
        return ""
    agency = re.sub(r"\s", "", match["agency"])
    if "/" not in agency and agency.lower() not in AGENCIES:
        return ""
    meta["spans"].append((text.index("(", match.start(), end), match.end()))
    if not text[start : match.start()].strip():
        del lines[-1]
    return agency


def _take_dateline(text: str, lines: list[Span], meta: Metadata) -> str:
    """Find a dateline "Stockholm." or "Berlin (dpa) -" opening the first paragraph."""
    if not lines:
        return ""
    start, end = lines[0]
    match = _DATELINE.match(text, start, end)
    if not match or match["place"].split("/")[0].lower() in NOT_PLACES:
        match = _dash_dateline(text, start, end)  # ("St. Johann –": "St." is no place)
    if not match:
        return ""
    agency = match["agency"] or match.groupdict().get("agency2") or ""
    if match["agency"] and not _looks_like_agency(agency):
        return ""
    meta["place"] = meta["place"] or match["place"]
    meta["spans"].append((match.start("place"), match.end()))
    return agency.strip()


def _dash_dateline(text: str, start: int, end: int) -> re.Match[str] | None:
    """A dateline ending in a dash ("Wien – Die …", "Wien/Linz (APA) – …") that opens the
    paragraph or its first sentence after a teaser ("Rund zehn Prozent. Hongkong – Indien
    will …"), as Austrian and German news sites write them; up to four capitalised words,
    none a word that opens sentences (:data:`NOT_DATELINE_WORDS`)."""
    limit = min(end, start + MAX_TEASER)
    candidates = [start] + [m.end() for m in _SENTENCE_END.finditer(text, start, limit)]
    for at in candidates:
        match = _DASH_DATELINE.match(text, at, end)
        if match is None:
            continue
        words = re.split(r"[ /]", match["place"])
        if any(word.lower() in NOT_DATELINE_WORDS for word in words):
            continue
        if match["agency"] and not _looks_like_agency(match["agency"]):
            continue  # a region, not an agency: "Cincinnati (Ohio) –"
        return match
    return None


def _looks_like_agency(agency: str) -> bool:
    """Return True if text in dateline parentheses names agencies, e.g. "dpa/AFP"."""
    words = re.split(r"[/,\s]+", agency.strip())
    return any(word.lower() in AGENCIES for word in words)


def _find_date(text: str) -> str:
    """Return the first ISO or German date in the first non-empty lines, as ISO."""
    seen = 0
    for start, end in iter_lines(text):
        line = text[start:end]
        if not line.strip():
            continue
        for found in _dates_in(line):
            return found
        seen += 1
        if seen >= DATE_LINES:
            break
    return ""


def _dates_in(line: str) -> list[str]:
    """Return the valid dates written in one line, as ISO strings, in order."""
    starts = [match.start() for match in _DIGITS.finditer(line)]
    if not starts:
        return []
    found: list[tuple[int, str]] = []
    for match in _matches(_ISO_DATE, line, starts):
        found.append((match.start(), _iso(match[1], match[2], match[3])))
    for match in _matches(_NUMERIC_DATE, line, starts):
        found.append((match.start(), _iso(match[3], match[2], match[1])))
    for match in _matches(_NAMED_DATE, line, starts):
        month = str(_MONTHS[match[2].lower()])
        found.append((match.start(), _iso(match[3], month, match[1])))
    return [date for _, date in sorted(found) if date]


def _matches(pattern: re.Pattern[str], line: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(line)`` for a date pattern, tried only where a run of digits
    starts (``starts``): each date pattern begins with a digit that no digit precedes, and
    the regex engine would otherwise try every position of a long line three times."""
    end = 0
    for start in starts:
        if start >= end:
            match = pattern.match(line, start)  # its lookbehind still sees line[:start]
            if match is not None:
                yield match
                end = match.end()


def _normalise_date(token: str) -> str:
    """Return a header date token as ISO "YYYY-MM" or "YYYY-MM-DD", or "" if invalid."""
    match = _ISO_MONTH.fullmatch(token)
    if match:
        if match[3]:
            return _iso(match[1], match[2], match[3])
        return token if 1 <= int(match[2]) <= 12 else ""
    dates = _dates_in(token)
    return dates[0] if dates else ""


def _iso(year: str, month: str, day: str) -> str:
    """Return year-month-day as ISO, or "" if it is no calendar date."""
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return ""


def _title(line: str) -> str:
    """Return line if it looks like a heading: short, no closing sentence punctuation."""
    if not line or len(line) >= MAX_TITLE or not any(ch.isalpha() for ch in line):
        return ""
    if line[-1] in ".,;:" or (line[-1] in "\"“”»«'’" and line[-2:-1] in (".", ",")):
        return ""
    return line
