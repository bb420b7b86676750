"""Line patterns of site chrome in scraped text, each with the reason recorded when removed."""

from __future__ import annotations

import re

# (reason, pattern). Patterns are matched against a whole stripped line.
LINE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        (
            "site widget",
            r"(?:source link|leave a (?:comment|reply)|share this (?:article|story)|share|sign in|log ?in|"
            r"sign up|register|follow us|subscribe|search|print|email|menu|skip to (?:main )?content|"
            r"font resizer\s?aa|welcome back!?|sign in to your account|lost your password\??|"
            r"have an existing account\?.*|forgot (?:your )?password\??|remember me|"
            r"(?:twitter|facebook|email|copy link|print|whatsapp|linkedin|reddit)(?:\s+(?:twitter|facebook|email|"
            r"copy link|print|whatsapp|linkedin|reddit))+|back to top|close|open menu|toggle navigation|"
            r"listen to (?:this )?article|\d+\s+min(?:ute)?s? read|view comments|comments?(?:\s*\(\d+\))?|"
            r"\d+ comments?|add comment|post comment|load more|show more|go to top)(?:\s*[-–]\s*\d+)?\.?",
        ),
        (
            "advertising marker",
            r"[-–—\s]*(?:advertisement|advertising|ad image|sponsored(?: content)?|ad)[-–—\s]*",
        ),
        (
            "social media widget",
            r"(?:(?:facebook|twitter|x|youtube|instagram|linkedin|medium|quora|whatsapp|telegram|reddit|"
            r"pinterest|tiktok|rss)(?:like|follow|share|subscribe)?\s*)+",
        ),
        ("copyright footer", r"(?:©|\(c\)|copyright\b).*|.*\ball rights reserved\.?"),
        (
            "related-article link",
            r"(?:more|related|read more|also read|read also|see also|watch|listen|recommended|most read|"
            r"most popular|trending|top stories|editor'?s picks?|related articles?|related stories|"
            r"related coverage|further reading|latest|breaking)\s*:.*|"
            r"read (?:more|next)\b.*|(?:previous|next) (?:article|post|story)\b.*",
        ),
        (
            "list heading of other articles",
            r"(?:popular posts|most popular|most read|trending(?: now)?|you might also like|you may also like|"
            r"recommended for you|more stories|more from [\w .]+|latest news|top stories|editor'?s picks|"
            r"don'?t miss|related posts|more news|in other news|about us|contact us|company|"
            r"terms of (?:use|service)|privacy policy|cookie settings|quick links|useful links)\.?",
        ),
        (
            "cookie notice",
            r".{0,200}\bcookies?\b.{0,200}\b(?:accept|consent|agree|settings|policy|preferences|use)\b.{0,200}|"
            r".{0,200}\b(?:accept|consent|agree)\b.{0,100}\bcookies?\b.{0,200}",
        ),
        (
            "newsletter box",
            r".{0,150}\b(?:newsletter|inbox)\b.{0,150}\b(?:sign up|subscribe|get|delivered|receive)\b.{0,150}|"
            r".{0,150}\b(?:sign up|subscribe)\b.{0,150}\b(?:newsletter|inbox|updates)\b.{0,150}",
        ),
        ("photo caption", r".*\((?:photo|photograph|image|picture|credit|file photo)s?\s*[:/].{0,80}\)\s*"),
        ("photo caption", r"(?:photo|image|file photo|caption|pictured)\s*:.*"),
        (
            "photo caption",
            r".*\b(?:getty images|afp via getty images|ap photo|reuters/[a-z ]+|epa-efe)\)?\.?\s*",
        ),
    )
)

# Lines after which the article body is over (the page's trailer begins).
END_MARKERS = re.compile(
    r"(?:source link|leave a (?:comment|reply)|share this (?:article|story)|read more\b.*|"
    r"popular posts|most popular|most read|you might also like|you may also like|related posts|"
    r"related articles?|related stories|more stories|recommended for you|about us|"
    r"comments?(?:\s*\(\d+\))?|\d+ comments?|(?:previous|next) (?:article|post)\b.*)(?:\s*[-–]\s*\d+)?\.?",
    re.IGNORECASE,
)

PIPE_MENU = re.compile(r"^[^|]{1,40}(?:\s+\|\s+[^|]{1,40}){1,}$")

BREADCRUMB = re.compile(r"^(?:[^>›»/|]{1,60}\s(?:>|›|»)\s){2,}[^>›»]{1,200}$")

SENTENCE_END = re.compile(r"""[.!?…:;]["'”’)\]]*$""")

WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")

# Scripts other than Latin, for inline markers in another script.
OTHER_SCRIPT_RUN = re.compile(
    r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+(?:\s+[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+)*"
    r"|[\u0400-\u04FF]+(?:\s+[\u0400-\u04FF]+)*"
    r"|[\u0590-\u05FF]+(?:\s+[\u0590-\u05FF]+)*"
    r"|[\u4E00-\u9FFF\u3040-\u30FF\uAC00-\uD7AF]+(?:\s+[\u4E00-\u9FFF\u3040-\u30FF\uAC00-\uD7AF]+)*"
)
SCRIPT_NAMES = (
    ("\u0600", "\u06ff", "Arabic"),
    ("\u0750", "\ufeff", "Arabic"),
    ("\u0400", "\u04ff", "Cyrillic"),
    ("\u0590", "\u05ff", "Hebrew"),
    ("\u4e00", "\u9fff", "CJK"),
    ("\u3040", "\u30ff", "Japanese"),
    ("\uac00", "\ud7af", "Korean"),
)
AD_WORDS = ("اعلان", "إعلان", "إعلانات", "اعلانات", "реклама", "广告", "廣告", "광고", "פרסומת", "広告")
INLINE_AD = re.compile(r"\s*\b(?:ADVERTISEMENT|Advertisement|- Advertisement -|SPONSORED)\b\s*")


def script_name(text: str) -> str:
    for ch in text:
        for lo, hi, name in SCRIPT_NAMES:
            if lo <= ch <= hi:
                return name
    return "another"


def word_count(line: str) -> int:
    return len(WORD.findall(line))


def match_line(line: str) -> str | None:
    """The chrome reason for a whole line, or None."""
    for reason, pattern in LINE_PATTERNS:
        if pattern.fullmatch(line):
            return reason
    if BREADCRUMB.match(line):
        return "breadcrumb"
    if PIPE_MENU.match(line) and all(len(part.split()) <= 4 for part in line.split("|")):
        return "navigation menu or link list"
    return None
