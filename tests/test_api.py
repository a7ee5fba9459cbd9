"""The public API: clean(), process(), default_pipeline() and what the package exports."""

from __future__ import annotations

from pathlib import Path

import pytest

import scrapeclean
from scrapeclean import Article, ConfigError, Document, InputError, Pipeline, clean, clean_many

SEEDS = Path(__file__).parent / "cases" / "seeds"
SEED_ONE_STORY = SEEDS / "000_fd377441e847cd71.txt"
SEED_TWO_STORIES = SEEDS / "004_fe828ffd15b647b4.txt"

PARAGRAPHS = (
    (
        "Harbour seals have returned to breed in the estuary for the first time in four decades, according to a "
        "survey published on Tuesday by the regional wildlife trust."
    ),
    (
        "Volunteers counted forty-six adults and eleven pups on the sandbanks below the old ferry crossing, where "
        "the last breeding colony was recorded in the early 1980s."
    ),
    (
        "The trust credits a ban on dredging in the lower river and the closure of two outfalls that once carried "
        "untreated waste into the channel."
    ),
    (
        "Local boat operators have agreed to keep at least 150 metres from the colony during the pupping season, "
        "which runs from June to August."
    ),
)
STORY = "Menu\nHome\n\nHarbour seals return to the estuary after forty years\n\n" + "\n\n".join(PARAGRAPHS)


def _seed(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_the_package_exports_the_documented_names():
    assert set(scrapeclean.__all__) >= {
        "Article",
        "Block",
        "Caption",
        "ConfigError",
        "Document",
        "InputError",
        "Pass",
        "Pipeline",
        "Removal",
        "RemovedBlock",
        "Role",
        "ScrapecleanError",
        "Span",
        "SpanError",
        "assemble",
        "clean",
        "default_pipeline",
        "process",
        "segment",
        "to_text",
    }
    assert all(hasattr(scrapeclean, name) for name in scrapeclean.__all__)


def test_errors_subclass_the_builtins_they_resemble():
    assert issubclass(scrapeclean.ConfigError, ValueError)
    assert issubclass(scrapeclean.InputError, ValueError)
    assert issubclass(scrapeclean.SpanError, ValueError)
    assert issubclass(scrapeclean.OutputError, OSError)
    for error in (scrapeclean.ConfigError, scrapeclean.InputError, scrapeclean.SpanError, scrapeclean.OutputError):
        assert issubclass(error, scrapeclean.ScrapecleanError)


def test_clean_returns_the_articles_of_a_dump():
    articles = scrapeclean.clean(STORY)
    assert isinstance(articles, list) and all(isinstance(article, Article) for article in articles)
    (article,) = articles
    assert article.title == "Harbour seals return to the estuary after forty years"
    assert article.body == PARAGRAPHS
    assert [(item.reason, STORY[item.span.start : item.span.end]) for item in article.removed] == [
        ("ui-phrase", "Menu"),
        ("ui-phrase", "Home"),
    ]


def test_clean_gives_every_article_its_source():
    articles = scrapeclean.clean(_seed(SEED_TWO_STORIES), source="004.txt")
    assert [article.source for article in articles] == ["004.txt", "004.txt"]
    assert scrapeclean.clean(STORY)[0].source is None


def test_clean_finds_both_stories_of_the_two_story_seed():
    first, second = scrapeclean.clean(_seed(SEED_TWO_STORIES))
    assert (first.index, second.index) == (0, 1)
    assert first.title == "Iraqi Forces Enter al-Qaim in ‘Last Big Fight’ against ISIS"
    assert second.title == "Lebanese Army Denies Reports Claiming Militant Infiltration and Troop Withdrawal in Bekaa"
    assert [caption.credit for caption in first.captions + second.captions] == [
        "AFP Photo/MOADH AL-DULAIMI",
        "File/Reuters",
    ]


@pytest.mark.parametrize("text", ["", "\n\n  \n", "\u200b\ufeff", "\f"])
def test_a_dump_with_nothing_visible_has_no_articles(text):
    assert scrapeclean.clean(text) == []


@pytest.mark.parametrize("value", [b"Menu\nHome", None, 42, ["a list"]])
def test_clean_refuses_anything_but_str_naming_the_type(value):
    with pytest.raises(InputError, match=rf"clean\(\) takes str, not {type(value).__name__}; decode bytes first"):
        scrapeclean.clean(value)  # type: ignore[arg-type]


def test_process_returns_the_annotated_document():
    document = scrapeclean.process(_seed(SEED_ONE_STORY), source="000.txt")
    assert isinstance(document, Document)
    assert document.source == "000.txt"
    reasons = {
        (block.text, block.removal.pass_name, block.removal.reason) for block in document.blocks if block.removal
    }
    assert ("Connect with us", "remove-site-chrome", "ui-phrase") in reasons
    assert ("You may also like:", "remove-site-chrome", "related-content") in reasons
    roles = {block.text: block.role for block in document.blocks if block.role}
    assert roles["Iraqi forces enter Al-Qaim, last IS bastion in Iraq: army"] == "title"
    assert roles["World"] == "section"
    assert roles["AFP"] == "byline"


def test_an_empty_pipeline_keeps_every_block_as_body():
    articles = scrapeclean.clean(STORY, pipeline=Pipeline(()))
    (article,) = articles
    assert article.title is None
    assert article.body == ("Menu", "Home", "Harbour seals return to the estuary after forty years", *PARAGRAPHS)
    assert article.removed == ()


def test_clean_uses_the_pipeline_it_is_given():
    dump = _seed(SEED_TWO_STORIES)
    assert len(scrapeclean.clean(dump)) == 2
    assert len(scrapeclean.clean(dump, pipeline=scrapeclean.default_pipeline().without("split-stories"))) == 1


def test_cleaning_the_text_form_of_the_seeds_changes_nothing():
    for path in (SEED_ONE_STORY, SEED_TWO_STORIES):
        once = scrapeclean.to_text(scrapeclean.clean(_seed(path)))
        again = scrapeclean.process(once)
        assert [block.removal for block in again.blocks if block.removal] == []
        assert scrapeclean.to_text(scrapeclean.clean(once)) == once


def test_the_text_form_keeps_the_story_split():
    once = scrapeclean.to_text(scrapeclean.clean(_seed(SEED_TWO_STORIES)))
    assert once.count("\f") == 1
    titles = [article.title for article in scrapeclean.clean(once)]
    assert titles == [article.title for article in scrapeclean.clean(_seed(SEED_TWO_STORIES))]


def test_a_page_break_always_starts_a_new_article():
    first = "The army entered the town on Friday. " * 12
    second = "The army entered the town on Saturday. " * 12
    articles = scrapeclean.clean(f"{first}\n\n\f\n\n{second}")
    assert [article.body for article in articles] == [(first.strip(),), (second.strip(),)]


@pytest.mark.parametrize(
    "html",
    [
        "<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>",
        "  <!-- saved -->\n<html lang='en'><p>x</p></html>",
        "\ufeff<!doctype\tHTML>\n<p>x</p>",
        "<!-- one --> <!-- two -->\n<HTML>\n<p>x</p>",
    ],
)
def test_clean_given_an_html_document_points_to_the_html_path(html):
    with pytest.raises(InputError, match=r"this is an HTML document; .*clean_html.*--input-format html"):
        clean(html)


@pytest.mark.parametrize(
    "text",
    [
        "<!-- never closed\n<html>\n" + "The first tag of a page is the html tag, and it holds the rest. " * 3,
        "<!doctypehtml> is not a doctype.\n" + "The first tag of a page is the html tag, and it holds the rest. " * 3,
        "<htmlx> is another tag.\n" + "The first tag of a page is the html tag, and it holds the rest. " * 3,
        "<!--" * 50_000,
    ],
)
def test_text_that_only_looks_like_the_start_of_a_page_is_cleaned_as_text(text):
    clean(text)


def test_a_dump_that_mentions_html_tags_is_cleaned_as_text():
    text = "How to write <html> by hand\n\n" + "The first tag of a page is the html tag, and it holds the rest. " * 3
    assert clean(text)[0].text.startswith("The first tag")


def test_removed_records_name_their_block_the_block_they_copy_and_optionally_their_text():
    body = "The army said on Friday that it had entered the town after a night of fighting, and that all were safe."
    more = "Residents described hours of shelling before dawn, and aid groups said they were ready to bring food in."
    article = clean(f"Home\n{body}\n{more}\n{body}")[0]
    removed = article.to_dict()["removed"]
    assert [(record["block"], record["copy_of"], "text" in record) for record in removed] == [(0, None, False), (3, 1, False)]
    with_text = article.to_dict(removed_text=True)["removed"]
    assert [record["text"] for record in with_text] == ["Home", body]


def test_clean_many_gives_what_clean_gives_in_input_order():
    texts = [f"Story {n}\n\n" + f"Words of story {n}, told plainly and at length. " * (n % 9 + 3) for n in range(100)]
    texts.append("")
    expected = [clean(text) for text in texts]
    assert clean_many(texts, threads=3) == expected  # in chunks of 48, the articles of one made beside the next
    assert clean_many(texts, threads=2) == expected
    assert clean_many(texts[:7], threads=2) == expected[:7]
    assert clean_many(texts) == expected


@pytest.mark.parametrize("threads", [0, -1, 1.5, True])
def test_clean_many_refuses_a_bad_thread_count(threads):
    with pytest.raises(ConfigError, match="threads must be a whole number of at least 1"):
        clean_many(["x"], threads=threads)


def test_every_public_name_has_one_home_and_loads_from_it():
    import importlib

    assert sorted(scrapeclean._HOMES) == sorted(scrapeclean.__all__)
    for name, home in scrapeclean._HOMES.items():
        assert getattr(scrapeclean, name) is getattr(importlib.import_module(home, "scrapeclean"), name)


def test_passes_built_once_clean_as_their_forms_do():
    from scrapeclean import _engine, default_pipeline
    from scrapeclean.engine import engine_passes
    from scrapeclean.handoff import built

    forms = engine_passes(default_pipeline())
    assert forms is not None
    passes = built(forms)
    assert built(forms) is passes  # built once per form
    text = "Menu\nHome\n\nA title for the story\n\n" + "Some words of a real story, told plainly. " * 8
    assert _engine.clean(text, passes) == _engine.clean(text, forms)
    assert _engine.clean_many([text, ""], passes, 2) == _engine.clean_many([text, ""], forms, 2)
    with pytest.raises(ValueError, match="no pass named"):
        _engine.build([("no-such-pass", {})])


def test_the_default_pass_list_of_a_run_is_the_default_pipelines():
    from scrapeclean import default_pipeline
    from scrapeclean.engine import engine_passes
    from scrapeclean.handoff import DEFAULT_PASSES

    assert DEFAULT_PASSES == engine_passes(default_pipeline())


def test_check_with_the_default_passes_makes_no_pass_object_and_reads_no_toml(tmp_path):
    import subprocess
    import sys

    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\ndependencies = ["scrapeclean"]\n')
    (tmp_path / "a.txt").write_text("Menu\nHome\n\nA title for the story\n\n" + "Words of a story. " * 20)
    script = (
        "import sys; from scrapeclean.cli import main; code = main(['check', '-q', sys.argv[1]]); "
        "print(sorted(name for name in ('attrs', 'tomllib', 'regex', 'scrapeclean.model', 'scrapeclean.passes') "
        "if name in sys.modules))"
    )
    found = subprocess.run([sys.executable, "-c", script, str(tmp_path / "a.txt")], capture_output=True, text=True)
    assert found.stdout.splitlines()[-1] == "[]", found.stderr


def test_the_engine_articles_equal_those_assembled_from_the_document():
    from scrapeclean.assemble import assemble

    for text in (_seed(SEED_ONE_STORY), _seed(SEED_TWO_STORIES), STORY):
        articles, assembled = clean(text), list(assemble(scrapeclean.process(text)))
        # Each field is compared before any other use has made the deferred records.
        assert [article.removed for article in articles] == [article.removed for article in assembled]
        assert articles == assembled and [repr(article) for article in articles] == [repr(a) for a in assembled]
        assert [hash(article) for article in clean(text)] == [hash(article) for article in assembled]


def test_pooled_work_comes_back_in_order_with_a_bounded_lead() -> None:
    import threading
    import time

    from scrapeclean.handoff import pooled

    taken: list[int] = []
    running = 0
    most_at_once = 0
    lock = threading.Lock()

    def items():
        for number in range(12):
            taken.append(number)
            yield number

    def work(number: int) -> int:
        nonlocal running, most_at_once
        with lock:
            running += 1
            most_at_once = max(most_at_once, running)
        time.sleep(0.02 if number % 3 == 0 else 0.001)  # long and short items, finishing out of order
        with lock:
            running -= 1
        if number == 7:
            raise ValueError("seven")
        return number * number

    seen = []
    for number, result in pooled(items(), work, 2):
        assert len(taken) - number <= 3  # at most workers + 1 items taken ahead of the caller
        if number == 7:
            with pytest.raises(ValueError, match="seven"):
                result()
            continue
        seen.append((number, result()))
    assert seen == [(number, number * number) for number in range(12) if number != 7]
    assert most_at_once == 2
