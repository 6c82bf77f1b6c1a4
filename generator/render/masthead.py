"""The publisher as pages show it: its name, address, licence and logo, resized once.

:mod:`generator.content.publisher` reads ``publisher.yml`` and its logo; this module
says where the logo is published and what every page's header and footer show.
"""

from __future__ import annotations

from generator.content.publisher import Publisher
from generator.render.pictures import Rendition, encode

LOGO_WIDTH = 600
"""Widest the published logo is, in pixels (what news readers ask for)."""


def logo_rendition(publisher: Publisher) -> Rendition | None:
    """Where the logo is published in the site, and its size; None without a logo."""
    if publisher.logo is None or publisher.info.logo is None:
        return None
    width = min(publisher.logo.width, LOGO_WIDTH)
    height = max(1, round(publisher.logo.height * width / publisher.logo.width))
    stem = publisher.info.logo.rsplit(".", 1)[0]
    extension = "png" if publisher.logo.format == "PNG" else "jpg"
    return Rendition(f"images/{stem}-{width}.{extension}", width, height)


def masthead(publisher: Publisher) -> dict[str, str]:
    """What every page's header and footer show of the publisher (the theme's
    ``config.extra.publisher``): name, and address, logo and licence when given."""
    shown = logo_rendition(publisher)
    found = {
        "name": publisher.info.name,
        "url": publisher.info.url,
        "logo": shown.path if shown else None,
        "logo_width": str(shown.width) if shown else None,
        "logo_height": str(shown.height) if shown else None,
        "licence": publisher.info.licence,
        "licence_url": publisher.info.licence_url,
    }
    return {key: value for key, value in found.items() if value}


def logo_files(publisher: Publisher) -> dict[str, bytes]:
    """The logo as published: {path in the site: bytes}."""
    shown = logo_rendition(publisher)
    if shown is None or publisher.logo is None:
        return {}
    return {shown.path: encode(publisher.logo.data, shown.width, shown.height)}
