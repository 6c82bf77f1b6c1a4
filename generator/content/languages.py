"""Names of languages, for phrases such as "Translated from Korean".

Editors give languages as BCP 47 codes ('ko', 'fa', 'zh-Hant'); pages set those codes on
``lang`` attributes, so screen readers switch voice, and name the language in English.
"""

from __future__ import annotations

NAMES = {
    "ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fa": "Persian",
    "fr": "French", "he": "Hebrew", "hi": "Hindi", "id": "Indonesian", "it": "Italian",
    "ja": "Japanese", "ko": "Korean", "nl": "Dutch", "pl": "Polish", "pt": "Portuguese",
    "ru": "Russian", "sv": "Swedish", "th": "Thai", "tr": "Turkish", "uk": "Ukrainian",
    "ur": "Urdu", "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip
"""English names of the languages newsrooms quote most, by their primary code."""


def language_name(tag: str) -> str:
    """The English name of a language code ('ko' -> 'Korean'), or the code itself."""
    return NAMES.get(tag.split("-")[0].lower(), tag)
