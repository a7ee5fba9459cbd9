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
