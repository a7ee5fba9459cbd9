"""Site profiles: learning each site's chrome from its pages, and removing it (library and command line)."""

from __future__ import annotations

import json

import pytest
from cli_support import scrapeclean as run_cli

import scrapeclean
from scrapeclean import ConfigError, InputError, Record
from scrapeclean.corpus.profiles import ProfileLearner, Profiles, learn, line_hash, line_key, site_of
from scrapeclean.passes.profiled import PROFILED_CHROME, RemoveProfiledChrome

TOPICS = (
    "bridge vote harbour fire school train market river park museum library storm election festival hospital "
    "airport stadium factory farm theatre"
).split()
CORRECTION = "Correction: an earlier version of this story misstated the date of the vote; it has been corrected."


def page(number: int, topic: str) -> str:
    body = (
        f"The {topic} story begins here, as the council met on Tuesday to talk about the {topic} at length.\n"
        f"Residents said the {topic} mattered to them, and officials promised a decision within weeks.\n"
    )
    if number % 3 == 0:
        body += CORRECTION + "\n"
    if number in (1, 2):
        body += "\u201cOne town, one future,\u201d the posters read.\n"
    return (
        f"Subscribe | Sign in\nNews Sport Weather\nUpdated {number + 2} hours ago\n{topic.title()} in focus\n"
        f"{body}{number * 7 + 1} comments\n\u00a9 20{number:02d} The Daily Example\n"
    )


def site_pages(count: int = 20) -> list[str]:
    return [page(number, TOPICS[number % len(TOPICS)]) for number in range(count)]


def profiles_of(pages: list[str], site: str = "daily.example") -> Profiles:
    learner = ProfileLearner()
    for text in pages:
        learner.add(site, text)
    return learner.profiles()


def test_line_keys_fold_dates_and_counters():
    assert line_key("Updated 3 hours ago") == line_key("Updated 1 day ago")
    assert line_key("20 comments") == line_key("1 comment") != line_key("20 readers said no")
    assert line_key("Posted Monday, June 3, 2024") == line_key("Posted Fri, December 12, 2025")
    assert line_hash("Updated 3 hours ago") == line_hash("UPDATED 45 MINUTES AGO") and len(line_hash("a")) == 16
    assert line_hash("  ---  ") is None


def test_sites_come_from_the_url_host_a_field_or_the_folder():
    assert site_of("https://www.daily.example/2024/story") == "daily.example"
    assert site_of("https://www.daily.example/x", group="paper-7") == "paper-7"
    assert site_of(None, None, "crawl/daily/page-1.txt") == "crawl/daily"


def test_profile_pass_removes_the_template_and_names_the_profile():
    pages = site_pages()
    chrome = profiles_of(pages).chrome_pass("daily.example")
    document = scrapeclean.process(page(41, "ferry"), pipeline=scrapeclean.Pipeline((chrome,)))
    removed = {block.text: block.removal for block in document.blocks if block.removal is not None}
    assert set(removed) == {
        "Subscribe | Sign in",
        "News Sport Weather",
        "Updated 43 hours ago",
        "288 comments",
        "\u00a9 2041 The Daily Example",
    }
    assert {removal.reason for removal in removed.values()} == {PROFILED_CHROME}
    assert removed["288 comments"].detail == "site daily.example: on 20 of 20 pages"


def test_legitimately_recurring_lines_stay():
    pages = site_pages()
    chrome = profiles_of(pages).chrome_pass("daily.example")
    pipeline = scrapeclean.Pipeline((chrome, *scrapeclean.default_pipeline().passes))
    for number in (0, 1, 3):
        text = scrapeclean.to_text(scrapeclean.clean(pages[number], pipeline=pipeline))
        assert (CORRECTION in text) == (number % 3 == 0)
        assert ("One town, one future" in text) == (number == 1)


def test_too_few_pages_teach_nothing():
    chrome = profiles_of(site_pages(4)).chrome_pass("daily.example")
    assert chrome.documents == 4
    assert scrapeclean.Pipeline((chrome,)).run(page(9, "ferry")).kept() == scrapeclean.segment(page(9, "ferry")).kept()


def test_cleaning_with_profiles_is_idempotent():
    pages = site_pages()
    chrome = profiles_of(pages).chrome_pass("daily.example")
    pipeline = scrapeclean.Pipeline((chrome, *scrapeclean.default_pipeline().passes))
    once = scrapeclean.to_text(scrapeclean.clean(pages[5], pipeline=pipeline))
    assert scrapeclean.to_text(scrapeclean.clean(once, pipeline=pipeline)) == once


def test_shard_profiles_merge_to_the_whole():
    pages = site_pages()
    whole = profiles_of(pages)
    merged = profiles_of(pages[:10]).merge(profiles_of(pages[10:]))
    assert merged.sites["daily.example"].documents == 20
    common = {line: count for line, count in whole.sites["daily.example"].lines.items() if count >= 4}
    assert {line: merged.sites["daily.example"].lines[line] for line in common} == common


def test_profiles_are_versioned_json(tmp_path):
    path = tmp_path / "profiles.json"
    profiles = profiles_of(site_pages())
    profiles.save(str(path))
    data = json.loads(path.read_text())
    assert data["format"] == "scrapeclean-site-profiles" and data["version"] == 1
    assert all(len(line) == 16 for line in data["sites"]["daily.example"]["lines"])
    assert Profiles.load(str(path)) == profiles
    data["version"] = 99
    path.write_text(json.dumps(data))
    with pytest.raises(InputError, match="version 99"):
        Profiles.load(str(path))


def test_learning_is_bounded_and_keeps_the_common_lines():
    learner = ProfileLearner(max_lines=50)
    for number in range(200):
        learner.add("s", f"Site header line\nA line only page {number} has, word{number}x and wordy{number}y")
    table = learner.counts["s"]
    assert len(table) <= 50 and table[line_hash("Site header line")] == 200
    with pytest.raises(ConfigError, match="max_lines"):
        ProfileLearner(max_lines=0)


def test_learn_groups_records_by_host():
    records = [
        Record(n, text, {}, "in.jsonl", url=f"https://www.daily.example/{n}") for n, text in enumerate(site_pages())
    ]
    records.append(Record("x", page(3, "bridge"), {}, "in.jsonl", url="https://other.example/1"))
    profiles = learn(records)
    assert profiles.sites["daily.example"].documents == 20 and profiles.sites["other.example"].documents == 1


def test_command_line_learns_and_applies_profiles(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": f"p{n}", "url": f"https://daily.example/{n}", "text": text})
        for n, text in enumerate(site_pages())
    ]
    corpus.write_text("\n".join(lines) + "\n")
    profiles = tmp_path / "profiles.json"
    assert run_cli("learn", "--no-config", str(corpus), "-o", str(profiles)).returncode == 0
    assert "daily.example" in json.loads(profiles.read_text())["sites"]
    applied = run_cli("clean", "--no-config", "-q", "--format", "jsonl", "--profiles", str(profiles), str(corpus))
    learned = run_cli("clean", "--no-config", "-q", "--format", "jsonl", "--learn", str(corpus))
    plain = run_cli("clean", "--no-config", "-q", "--format", "jsonl", str(corpus))
    assert applied.returncode == learned.returncode == 0 and applied.stdout == learned.stdout != plain.stdout
    articles = [json.loads(line) for line in applied.stdout.decode().splitlines()]
    assert all("comments" not in article["text"] for article in articles)
    assert any(removed["reason"] == PROFILED_CHROME for removed in articles[0]["removed"])
    check = run_cli("check", "--no-config", "-q", "--profiles", str(profiles), str(corpus))
    assert check.returncode == 1


def test_profile_pass_settings_are_checked():
    with pytest.raises(ConfigError, match="min_share"):
        RemoveProfiledChrome("s", 10, {}, min_share=0)


def test_all_sites_together_are_bounded_too():
    learner = ProfileLearner(max_lines=1000, max_total_lines=300)
    for number in range(400):
        learner.add(f"site{number % 40}", f"Shared footer of every site\nOnly on page {number}: word{number}q")
    assert learner.total == sum(map(len, learner.counts.values())) <= 300
    assert all(table[line_hash("Shared footer of every site")] == 10 for table in learner.counts.values())
