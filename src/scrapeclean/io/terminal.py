"""Text from the input shown to a person: control characters escaped, so no input can drive the terminal.

Dump text and file names reach standard error (messages) and, with
``explain`` and ``check --diff``, standard output. An escape sequence in
either (``\\x1b]0;…\\x07`` retitles a terminal, others move the cursor or
rewrite what was shown), a carriage return, or a line break inside a file
name would reach the terminal raw or split one message in two. So every C0
and C1 control character, DEL, the Unicode line and paragraph separators and
the bidirectional controls are shown as Python escapes (``\\x1b``, ``\\n``,
``\\u202e``); a tab stays a tab.

>>> shown("name\\x1b]0;owned\\x07.txt"), shown("a\\nb"), shown("a\\nb", keep="\\n")
('name\\\\x1b]0;owned\\\\x07.txt', 'a\\\\nb', 'a\\nb')
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def shown(text: str, keep: str = "") -> str:
    """``text`` with its control characters escaped, except those in ``keep``."""
    return _CONTROL.sub(lambda match: match.group() if match.group() in keep else ascii(match.group())[1:-1], text)
