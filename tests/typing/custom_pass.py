"""The documented custom-pass pattern and built-in passes in a pipeline, as mypy --strict must accept them."""

from typing import ClassVar

import scrapeclean
from attrs import frozen
from scrapeclean import Document
from scrapeclean.passes import AssignRoles, DedupCaptions, RemoveSiteChrome


@frozen
class DropShortLines:
    name: ClassVar[str] = "drop-short-lines"
    min_chars: int = 3

    def __call__(self, document: Document) -> Document:
        edits = document.edit(self.name)
        for block in document.blocks:
            if block.kept and len(block.text) < self.min_chars:
                edits.remove(block.index, "too-short", f"{len(block.text)} characters")
        return edits.apply()


pipeline = scrapeclean.default_pipeline()
pipeline = pipeline.without("split-stories")
pipeline = pipeline.configure("remove-site-chrome", phrase_languages=("en", "de"))
pipeline = pipeline.replace("remove-site-chrome", RemoveSiteChrome(use_model=False))
pipeline = pipeline.insert(DropShortLines(), before="assign-roles")
articles = scrapeclean.clean("text", pipeline=pipeline)
built_in = scrapeclean.Pipeline([RemoveSiteChrome()]).insert(DedupCaptions(), before="remove-site-chrome")
built_in = built_in.append(AssignRoles())
mixed = scrapeclean.Pipeline([DedupCaptions(), DropShortLines()])
articles = scrapeclean.clean("text", pipeline=mixed)
