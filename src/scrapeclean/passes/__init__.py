"""The built-in passes, one module each."""

from .captions import DedupCaptions
from .chrome import RemoveSiteChrome
from .repeats import CollapseRepeatedBlocks
from .roles import AssignRoles
from .stories import SplitStories

__all__ = ["AssignRoles", "CollapseRepeatedBlocks", "DedupCaptions", "RemoveSiteChrome", "SplitStories"]
