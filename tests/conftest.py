"""Hypothesis profiles for the property tests.

- ``dev`` (default): quick, for the edit-test loop.
- ``ci`` (chosen when the ``CI`` environment variable is set): 500 examples of the
  whole-pipeline properties, derandomized so a CI failure reproduces on any machine.
- ``soak`` (``HYPOTHESIS_PROFILE=soak``): 10,000 examples, for a long local run.

``HYPOTHESIS_PROFILE`` names a profile explicitly and wins over ``CI``. Tests that set
their own ``max_examples`` (cheap properties of one function) keep it; the other settings
(deadline, derandomize) come from the loaded profile.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Whole-pipeline examples take tens of milliseconds and vary with the text: no deadline,
# and no "too slow" complaints about data generation, which is not what is under test.
_COMMON = {
    "deadline": None,
    "suppress_health_check": (HealthCheck.too_slow, HealthCheck.data_too_large),
    "print_blob": True,
}

settings.register_profile("dev", max_examples=100, **_COMMON)
settings.register_profile("ci", max_examples=500, derandomize=True, **_COMMON)
settings.register_profile("soak", max_examples=10_000, **_COMMON)


def _profile() -> str:
    named = os.environ.get("HYPOTHESIS_PROFILE")
    if named:
        return named
    return "ci" if os.environ.get("CI") else "dev"


settings.load_profile(_profile())
