"""The Pipeline: an ordered, immutable list of passes that users reorder, configure, drop and add to."""

from __future__ import annotations

from typing import ClassVar

import attrs
import pytest
import regex
from attrs import field, frozen

import scrapeclean
from scrapeclean import ConfigError, Document, Pass, Pipeline, default_pipeline, segment
from scrapeclean.passes import AssignRoles, CollapseRepeatedBlocks, DedupCaptions, RemoveSiteChrome, SplitStories

DEFAULT_NAMES = ("dedup-captions", "remove-site-chrome", "collapse-repeated-blocks", "split-stories", "assign-roles")

PROMOTION = "promotion"


@frozen
class RemovePromotions:
    """A pass as a user writes one: remove lines that advertise a promo code."""

    name: ClassVar[str] = "remove-promotions"

    pattern: str = field(default=r"\bpromo code\b")

    def __call__(self, document: Document) -> Document:
        edits = document.edit(self.name)
        for block in document.blocks:
            if block.removal is None and regex.search(self.pattern, block.text, regex.IGNORECASE):
                edits.remove(block.index, PROMOTION, f"matches {self.pattern!r}")
        return edits.apply() if edits else document


@frozen
class Recorder:
    """Notes in ``log`` that it ran, and changes nothing."""

    name: str
    log: list[str] = field(eq=False)

    def __call__(self, document: Document) -> Document:
        self.log.append(self.name)
        return document


STORY = (
    "Harbour seals return to the estuary after forty years\n\n"
    "Harbour seals have returned to breed in the estuary for the first time in four decades, according to a "
    "survey published on Tuesday by the regional wildlife trust.\n\n"
    "Use promo code SEALS10 for ten percent off a boat trip to see the colony\n\n"
    "Volunteers counted forty-six adults and eleven pups on the sandbanks below the old ferry crossing, where "
    "the last breeding colony was recorded in the early 1980s.\n\n"
    "The trust credits a ban on dredging in the lower river and the closure of two outfalls that once carried "
    "untreated waste into the channel."
)


def test_the_default_pipeline_runs_the_built_in_passes_in_order():
    pipeline = default_pipeline()
    assert pipeline.names == DEFAULT_NAMES
    assert [type(item) for item in pipeline] == [
        DedupCaptions,
        RemoveSiteChrome,
        CollapseRepeatedBlocks,
        SplitStories,
        AssignRoles,
    ]
    assert all(isinstance(item, Pass) for item in pipeline)


def test_passes_run_in_pipeline_order():
    log: list[str] = []
    pipeline = Pipeline([Recorder("b", log), Recorder("a", log), Recorder("c", log)])
    document = pipeline.run("Some text.")
    assert log == ["b", "a", "c"]
    assert document == segment("Some text.")


def test_run_segments_and_keeps_the_source():
    document = Pipeline(()).run("One.\nTwo.", source="page.txt")
    assert [block.text for block in document.blocks] == ["One.", "Two."]
    assert document.source == "page.txt"


def test_without_drops_passes_and_leaves_the_original_alone():
    pipeline = default_pipeline()
    smaller = pipeline.without("split-stories", "dedup-captions")
    assert smaller.names == ("remove-site-chrome", "collapse-repeated-blocks", "assign-roles")
    assert pipeline.names == DEFAULT_NAMES


def test_without_an_unknown_pass_names_it_and_lists_the_known_ones():
    with pytest.raises(ConfigError, match=r"no pass named 'split-storys' in this pipeline; it has \['dedup-captions'"):
        default_pipeline().without("split-storys")


def test_replace_puts_the_new_pass_in_the_same_place():
    stricter = RemoveSiteChrome(min_run_score=40.0)
    pipeline = default_pipeline().replace("remove-site-chrome", stricter)
    assert pipeline.names == DEFAULT_NAMES
    assert pipeline.get("remove-site-chrome") is stricter


def test_insert_before_or_after_a_named_pass():
    custom = RemovePromotions()
    assert default_pipeline().insert(custom, before="dedup-captions").names == ("remove-promotions", *DEFAULT_NAMES)
    assert default_pipeline().insert(custom, after="remove-site-chrome").names == (
        "dedup-captions",
        "remove-site-chrome",
        "remove-promotions",
        "collapse-repeated-blocks",
        "split-stories",
        "assign-roles",
    )
    assert default_pipeline().append(custom).names == (*DEFAULT_NAMES, "remove-promotions")


@pytest.mark.parametrize("where", [{}, {"before": "split-stories", "after": "assign-roles"}])
def test_insert_needs_exactly_one_place(where):
    with pytest.raises(ConfigError, match="exactly one of before= or after="):
        default_pipeline().insert(RemovePromotions(), **where)


def test_insert_next_to_an_unknown_pass_is_refused():
    with pytest.raises(ConfigError, match="no pass named 'cleanup'"):
        default_pipeline().insert(RemovePromotions(), after="cleanup")


def test_configure_changes_one_setting_and_the_repr_shows_it():
    pipeline = default_pipeline().configure("collapse-repeated-blocks", min_words=12, min_run=4)
    changed = pipeline.get("collapse-repeated-blocks")
    assert (changed.min_words, changed.min_run) == (12, 4)
    assert "CollapseRepeatedBlocks(min_words=12, min_run=4" in repr(changed)
    assert default_pipeline().get("collapse-repeated-blocks").min_words == 8


def test_configure_an_unknown_setting_names_the_pass_the_setting_the_value_and_the_valid_ones():
    with pytest.raises(
        ConfigError,
        match=r"pass 'dedup-captions' has no setting 'min_wordz'; its settings: min-words, max-words, .* \(given 3\)",
    ):
        default_pipeline().configure("dedup-captions", min_wordz=3)


@pytest.mark.parametrize(
    ("setting", "value", "kind"),
    [("min_words", "5", "int"), ("min_words", True, "int"), ("cut_threads", 1, "bool"), ("model_threshold", "x", "float")],
)
def test_configure_a_value_of_the_wrong_type_names_setting_value_and_type(setting, value, kind):
    pass_name = "dedup-captions" if setting == "min_words" else "remove-site-chrome"
    with pytest.raises(ConfigError, match=rf"setting {pass_name}.{setting} must be of type {kind} .*not {value!r}"):
        default_pipeline().configure(pass_name, **{setting: value})


def test_a_language_list_given_as_one_string_is_refused_not_read_letter_by_letter():
    with pytest.raises(ConfigError, match=r"remove-site-chrome.phrase_languages must be of type list of str .*not 'en'"):
        default_pipeline().configure("remove-site-chrome", phrase_languages="en")
    configured = default_pipeline().configure("remove-site-chrome", phrase_languages=["en", "de"])
    assert configured.get("remove-site-chrome").phrase_languages == ("en", "de")


def test_a_pass_class_instead_of_an_instance_is_refused_at_insert():
    from scrapeclean.passes import DedupCaptions

    with pytest.raises(ConfigError, match=r"not the class DedupCaptions; write DedupCaptions\(\)"):
        default_pipeline().without("dedup-captions").insert(DedupCaptions, before="remove-site-chrome")  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["Mark Lines", "mark_lines", "-mark", "mark-", ""])
def test_a_malformed_pass_name_is_refused_at_insert(name):
    @attrs.frozen
    class Named:
        name: str

        def __call__(self, document):
            return document

    with pytest.raises(ConfigError, match="must be kebab-case"):
        default_pipeline().insert(Named(name), after="assign-roles")


@pytest.mark.parametrize(
    ("name", "setting", "value"),
    [
        ("dedup-captions", "max_words", -1),
        ("remove-site-chrome", "length_low", -5),
        ("collapse-repeated-blocks", "min_run", 0),
        ("split-stories", "max_similarity", 0),
    ],
)
def test_configure_a_bad_value_names_the_pass_the_setting_and_the_value(name, setting, value):
    with pytest.raises(ConfigError, match=rf"{name}: {setting} must be .*, not {value}"):
        default_pipeline().configure(name, **{setting: value})


def test_configure_phrase_languages_checks_each_language():
    pipeline = default_pipeline().configure("remove-site-chrome", phrase_languages=("en", "de"))
    assert pipeline.get("remove-site-chrome").phrase_languages == ("en", "de")
    with pytest.raises(ConfigError, match=r"no phrase list for language 'xx'; available: \('en'"):
        default_pipeline().configure("remove-site-chrome", phrase_languages=("en", "xx"))


def test_a_pass_may_appear_only_once():
    with pytest.raises(ConfigError, match="pass 'dedup-captions' appears twice"):
        default_pipeline().append(DedupCaptions(min_words=2))


@pytest.mark.parametrize("item", [object(), "remove-site-chrome", lambda document: document])
def test_passes_must_be_callables_with_a_name(item):
    with pytest.raises(ConfigError, match="callables with a str 'name'"):
        Pipeline([item])


def test_get_returns_the_pass_by_name():
    assert isinstance(default_pipeline().get("assign-roles"), AssignRoles)
    with pytest.raises(ConfigError, match="no pass named 'roles'"):
        default_pipeline().get("roles")


def test_of_builds_a_pipeline_from_any_iterable():
    pipeline = Pipeline.of(item for item in default_pipeline() if item.name != "split-stories")
    assert pipeline.names == ("dedup-captions", "remove-site-chrome", "collapse-repeated-blocks", "assign-roles")


def test_pipelines_are_immutable_values():
    assert default_pipeline() == default_pipeline()
    with pytest.raises(AttributeError):
        default_pipeline().passes = ()  # type: ignore[misc]


def test_a_custom_pass_removes_its_lines_and_the_record_names_it():
    pipeline = default_pipeline().insert(RemovePromotions(), before="dedup-captions")
    (article,) = scrapeclean.clean(STORY, pipeline=pipeline)
    assert article.title == "Harbour seals return to the estuary after forty years"
    assert len(article.body) == 3 and not any("promo code" in paragraph for paragraph in article.body)
    promotions = [item for item in article.removed if item.pass_name == "remove-promotions"]
    assert [(item.reason, item.detail, STORY[item.span.start : item.span.end]) for item in promotions] == [
        (
            PROMOTION,
            r"matches '\\bpromo code\\b'",
            "Use promo code SEALS10 for ten percent off a boat trip to see the colony",
        )
    ]


def test_a_custom_pass_alone_removes_only_its_lines():
    document = Pipeline([RemovePromotions(pattern="promo")]).run(STORY)
    assert [block.removal.reason for block in document.blocks if block.removal] == [PROMOTION]
    assert [block.role for block in document.blocks] == [None] * 5


def test_without_a_pass_its_removals_do_not_happen():
    dump = "Troops at the border near the town. (File/Reuters)\n" * 2 + "\n" + STORY
    with_captions = scrapeclean.process(dump)
    without_captions = scrapeclean.process(dump, pipeline=default_pipeline().without("dedup-captions"))
    assert any(b.removal and b.removal.pass_name == "dedup-captions" for b in with_captions.blocks)
    assert not any(b.removal and b.removal.pass_name == "dedup-captions" for b in without_captions.blocks)
