"""The dark palette for readers without JavaScript, derived from the site's stylesheets."""

from __future__ import annotations

from pathlib import Path

import material

from generator.publish.palette import MEDIA, dark_without_javascript

MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"


def test_a_dark_rule_applies_to_the_light_scheme_when_the_system_prefers_dark() -> None:
    css = '[data-md-color-scheme="slate"] .stance { border-color: #f2b8b5 }'
    assert dark_without_javascript([css]) == (
        f"@media {MEDIA} {{\n"
        "[data-md-color-scheme=default] .stance { border-color: #f2b8b5 }\n}\n"
    )


def test_light_rules_and_rules_for_other_than_dark_are_left_out() -> None:
    css = (
        "body { color: black }\n"
        "[data-md-color-primary=lime]:not([data-md-color-scheme=slate]) { --x: 1 }\n"
        "/* [data-md-color-scheme=slate] a { color: red } */\n"
        "@font-face { font-family: x; src: url('a{b}.woff') }\n"
    )
    assert dark_without_javascript([css]) == ""


def test_only_the_dark_selectors_of_a_list_are_kept_and_groups_stay_around_them() -> None:
    css = (
        "@media screen { a, [data-md-color-scheme=slate][data-md-color-primary=indigo], "
        ":is(b, c) { --md-hue: 225deg } p { margin: 0 } }"
    )
    assert dark_without_javascript([css]) == (
        f"@media {MEDIA} {{\n@media screen {{\n"
        "[data-md-color-scheme=default][data-md-color-primary=indigo] { --md-hue: 225deg }"
        "\n}\n}\n"
    )


def test_materials_dark_palette_is_carried_over_whole() -> None:
    (palette,) = MATERIAL_CSS.glob("palette.*.min.css")
    dark = dark_without_javascript([palette.read_text(encoding="utf-8")])
    assert "[data-md-color-scheme=default] {color-scheme:dark;--md-default-fg-color:" in dark
    assert "[data-md-color-scheme=default][data-md-color-primary=indigo] {" in dark
    assert "slate" not in dark
    source = palette.read_text(encoding="utf-8")
    dark_selectors = source.count("[data-md-color-scheme=slate]") - source.count(
        ":not([data-md-color-scheme=slate])"
    )
    assert dark.count("[data-md-color-scheme=default]") == dark_selectors > 10
