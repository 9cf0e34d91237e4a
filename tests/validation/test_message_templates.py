"""Which of pyshacl's filled-in messages came from the template in the wanted language: exact,
and in time linear in the message (the values filled in come from the input)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.validation.build import fills

TEMPLATE = ("The AGS {?ags} does not start with the code {?code} of the Land. Check AGS and "
            "Land: the first two digits of the AGS are the Land code.")
TAIL = " of the Land. Check AGS and Land: the first two digits of the AGS are the Land code."


@pytest.mark.parametrize("candidate, expected", [
    ("The AGS 01234567 does not start with the code 14" + TAIL, True),
    ("The AGS  does not start with the code " + TAIL, True),  # empty values
    ("The AGS does not start with the code 14 does not start with the code 01" + TAIL, True),
    ("Der AGS 01234567 beginnt nicht mit dem Länderschlüssel 14 des Landes.", False),
    ("The AGS 01234567 does not start with the code 14" + TAIL + "!", False),
    ("The AGS 01234567 is fine" + TAIL, False),
    ("The AGS  of the Land. Check AGS and Land: the first two digits of the AGS are the Land "
     "code.", False),  # the middle part missing, its place taken by the tail
])
def test_a_message_fills_its_template_or_not(candidate, expected):
    assert fills(TEMPLATE, candidate) is expected


def test_without_placeholders_only_the_text_itself_fills():
    assert fills("Gap: add it.", "Gap: add it.") and not fills("Gap: add it.", "Gap: add it!")


def test_a_value_repeating_the_templates_words_is_judged_quickly():
    """As one regular expression with a lazy group per placeholder this took 6 s at 124 KB and
    grew with the square of the length; 1.2 MB would hold the GIL for minutes."""
    code = ("from kg.validation.build import fills\n"
            f"template = {TEMPLATE!r}\n"
            "value = ' does not start with the code x' * 40_000\n"
            f"assert not fills(template, 'The AGS ' + value + {TAIL!r} + 'X')\n"
            f"assert fills(template, 'The AGS ' + value + ' does not start with the code 01' + {TAIL!r})\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=20)
