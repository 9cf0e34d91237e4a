import pytest

from kg.i18n import UI, choose_language


@pytest.mark.parametrize("param, header, expected", [
    (None, "de-DE,de;q=0.9,en;q=0.8", "de"),
    ("en", "de", "en"),
    ("DE", None, "de"),
    (None, "fr, en;q=0.5, de;q=0.7", "de"),
    (None, "de;q=0, en", "en"),
    (None, None, "en"),
    ("xx", "fr", "en"),
    (None, "de, en", "de"),  # equal q: the order the client listed them in
    (None, "en, de", "en"),
    (None, "de-AT", "de"),
    (None, "*", "en"),
    (None, "fr;q=bad, de;q=0.1", "de"),
])
def test_language_choice(param, header, expected):
    assert choose_language(param, header) == expected


def test_every_ui_text_exists_in_both_languages():
    assert all(set(v) == {"de", "en"} and all(v.values()) for v in UI.values())
