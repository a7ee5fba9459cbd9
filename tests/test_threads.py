"""Threads of stamped posts: a forum's posts are its text; an article's comments under their heading are not."""

from __future__ import annotations

import pytest

from scrapeclean import segment
from scrapeclean.passes import RemoveSiteChrome
from scrapeclean.passes.chrome import COMMENT_THREAD

MENU = "\n".join(["Home", "Forums", "Search", "Members", "Log in", "Register"])
FOOTER = "\n".join(["Contact us", "Terms and rules", "Privacy policy", "Help"])
POSTS = (
    ("galen", "Since the upgrade my guests lose their network after a few minutes."),
    ("mira", "Same here."),
    ("tobias", "Going back to the previous release fixed it for me, so the regression is in the new driver."),
    ("mira", "Thanks, that works."),
    ("ines", "Bug report filed with the logs attached, please add yours to it."),
)
ARTICLE = [
    (
        "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after an "
        "inspection found that two of its piers had sunk further than engineers expected."
    ),
    (
        "Buses, cyclists and people on foot will still be able to cross while the council looks for money to "
        "rebuild the piers, which could take several years."
    ),
    (
        "Shop owners on both banks said they feared losing customers, and asked the council to open a second "
        "crossing for deliveries before the bridge closes."
    ),
]


def _forum(heading: str = "") -> str:
    lines = [MENU, "", "Network lost after the upgrade", heading]
    for number, (name, post) in enumerate(POSTS):
        lines += [name, f"Posts: {40 + number * 7}", f"Joined: {number + 3} Jul 2019", "Re: Network lost after the upgrade"]
        lines += [f"Post by {name} » 12 Sep 2024, {10 + number}:0{number}", post, "Top"]
    return "\n".join(lines + ["", FOOTER])


def _decisions(raw: str) -> dict[str, str]:
    return {block.text: block.removal.reason if block.removal else "kept" for block in RemoveSiteChrome()(segment(raw)).blocks}


def test_every_post_of_a_forum_thread_is_kept_and_the_repeated_metadata_removed():
    decisions = _decisions(_forum())
    for _, post in POSTS:
        assert decisions[post] == "kept", post
    assert all(decisions[line] != "kept" for line in ("Posts: 47", "Joined: 4 Jul 2019", "Top", "Home", "Help"))
    assert decisions["Re: Network lost after the upgrade"] != "kept"


def test_a_reply_count_above_the_first_post_does_not_make_the_forum_a_comment_section():
    decisions = _decisions(_forum(heading="5 replies"))
    assert all(decisions[post] == "kept" for _, post in POSTS)
    assert COMMENT_THREAD not in decisions.values()


def _article_with_comments(heading: str, dateline: str) -> str:
    comments = []
    for number, (name, post) in enumerate(POSTS):
        comments += [f"{name} on September 12, 2024 at 10:0{number} am said:", post, "Reply"]
    return "\n".join([MENU, "", "Harbour bridge to close to cars", dateline, *ARTICLE, "", heading, *comments, "", FOOTER])


@pytest.mark.parametrize(
    "heading, dateline",
    [
        ("5 Comments", "Posted by Ana Ruiz on September 12, 2024, 6:21 AM"),
        ("5 responses to “Harbour bridge to close to cars”", "Posted by Ana Ruiz on September 12, 2024, 6:21 AM"),
        ("", "By Ana Ruiz"),
    ],
)
def test_comments_below_an_article_are_not_kept(heading, dateline):
    # A stamped article followed by stamped comments with no heading between them has the
    # shape of a forum thread, whose posts are kept; a heading or an unstamped article tells them apart.
    decisions = _decisions(_article_with_comments(heading, dateline))
    assert all(decisions[paragraph] == "kept" for paragraph in ARTICLE)
    assert all(decisions[post] != "kept" for _, post in POSTS)
