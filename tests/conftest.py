"""Hypothesis profiles: "ci" (derandomized, more examples) when the CI variable is set, "dev" otherwise.

The ci profile is derandomized so a run is reproducible from the commit alone,
and prints the reproduction blob of any failure. Pick a profile explicitly
with ``pytest --hypothesis-profile=dev``.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=300,
    print_blob=True,
    suppress_health_check=(HealthCheck.too_slow,),
)
settings.register_profile(
    "dev",
    deadline=None,
    max_examples=60,
    suppress_health_check=(HealthCheck.too_slow,),
)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
