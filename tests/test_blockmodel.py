"""The block model: the shipped weights load, fit this version's features, and rank prose above menus."""

from __future__ import annotations

import pytest

from scrapeclean.blockmodel import FEATURE_NAMES, BlockModel, default_model, model_from_dict
from scrapeclean.errors import ConfigError
from scrapeclean.passes import DedupCaptions, RemoveSiteChrome
from scrapeclean.segment import segment

PROSE = (
    "The council voted on Tuesday to rebuild the old bridge over the river, "
    "and work is expected to begin in the spring after a long public consultation."
)


def test_the_package_ships_a_model_for_this_version_s_features():
    model = default_model()
    assert model is not None, "data/block_model.json is missing from the installed package"
    assert model.names == FEATURE_NAMES
    assert len(model.weights) == len(FEATURE_NAMES)


def test_a_model_for_other_features_is_refused_with_a_clear_error():
    data = default_model().to_dict()  # type: ignore[union-attr]
    data["names"] = list(FEATURE_NAMES[:-1])
    with pytest.raises(ConfigError, match="refit"):
        model_from_dict(data)


def test_folded_weights_give_the_same_logit_as_standardising_first():
    model = BlockModel(names=("a", "b"), mean=(1.0, 2.0), scale=(2.0, 4.0), weights=(0.5, -1.0), bias=0.25)
    vector = (3.0, 10.0)
    expected = 0.25 + 0.5 * (3.0 - 1.0) / 2.0 - 1.0 * (10.0 - 2.0) / 4.0
    assert model.logit(vector) == pytest.approx(expected)
    assert 0.0 < model.probability(vector) < 1.0


def test_prose_scores_above_menu_lines():
    dump = "\n".join(["Home", "News", "Sport", "Weather", "", PROSE, "", PROSE.replace("bridge", "library"), "", "Contact", "Jobs"])
    prepared = RemoveSiteChrome().prepare(DedupCaptions()(segment(dump)), keep_vectors=True)
    assert prepared is not None
    model = default_model()
    by_text = {prepared.live[p].text: model.probability(prepared.vectors[p]) for p in prepared.scored}  # type: ignore[union-attr]
    assert all(len(vector) == len(FEATURE_NAMES) for vector in prepared.vectors)
    assert by_text[PROSE] > max(by_text[line] for line in ("News", "Sport", "Weather", "Jobs") if line in by_text)


def _columns_of(dump: str) -> dict[str, dict[str, float]]:
    """Each judged block's text with its named features."""
    prepared = RemoveSiteChrome().prepare(DedupCaptions()(segment(dump)), keep_vectors=True)
    assert prepared is not None
    return {
        prepared.live[position].text: dict(zip(FEATURE_NAMES, prepared.vectors[position]))  # type: ignore[index]
        for position in range(len(prepared.live))
    }


def test_prices_fields_and_consent_notices_are_read_off_the_line():
    dump = "\n".join([
        "Balm Dotcom Trio", "Sale price €49,95", "Colour: Blue", "Pay 480 kr today", "10:30 start",
        "We use cookies to improve your experience.", PROSE,
    ])  # fmt: skip
    columns = _columns_of(dump)
    assert columns["Sale price €49,95"]["price"] == 1.0
    assert columns["Pay 480 kr today"]["price"] == 1.0
    assert columns["Balm Dotcom Trio"]["price"] == 0.0
    assert columns["Balm Dotcom Trio"]["ctx_price"] > 0.0  # a product's name line stands beside its price
    assert columns["Colour: Blue"]["name_value"] == 1.0
    assert columns["10:30 start"]["name_value"] == 0.0  # a time is no field
    assert columns["We use cookies to improve your experience."]["consent"] == 1.0
    assert columns[PROSE]["consent"] == 0.0


def test_a_cluster_of_short_links_reads_as_a_menu():
    menu = ["Home", "News", "Sport", "Weather", "Culture", "Travel"]
    paragraphs = [PROSE.replace("bridge", place) for place in ("library", "road", "school", "park", "pool", "hall")]
    columns = _columns_of("\n\n".join(["\n".join(menu), *paragraphs]))
    assert columns["News"]["menu_cluster"] > 0.5
    assert columns[paragraphs[-1]]["menu_cluster"] == 0.0


def test_blocks_after_the_titles_repeat_stand_after_the_headline():
    dump = "\n".join(["Skincare Sets – Glossier", "Shop All", "Log in", "Skincare Sets", "4 items", PROSE])
    columns = _columns_of(dump)
    assert columns["Shop All"]["before_title"] == 1.0
    assert columns["Shop All"]["after_title"] == 0.0
    assert columns["4 items"]["after_title"] == 1.0
    # With no repeat of the first line there is no headline to stand against.
    plain = _columns_of("\n".join(["Shop All", "Log in", "4 items", PROSE]))
    assert plain["4 items"]["after_title"] == plain["4 items"]["before_title"] == 0.0
