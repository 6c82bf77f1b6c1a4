"""Take the README's screenshots from the built site: `make screenshots`.

Serves site/ on localhost, opens the home page, the story page and its timeline in
headless Chromium (Debian's /usr/bin/chromium) at phone and desktop widths, in light and
dark palettes, and writes PNG files into screenshots/. With ``--chart``, each timeline is
taken as the chart alone, once the reader has reached for it and it is laid out at that
width (``make screenshots`` does so for the densest fixture story, files named
``dense-*``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from devkit.chromium import launch_chromium
from devkit.site import serve_directory

WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}
PAGES = {
    "home": "/",
    "story": "",
    "chapter": "accounts/",
    "actors": "actors/",
    "reactions": "reactions/",
    "timeline": "timeline/",
}
"""Each screenshot's page: under the story's folder, or from the site's top ("/...")."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--story", default="hanoi-summit-2019", help="the story's id")
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    parser.add_argument("--chart", action="store_true", help="the timeline's chart alone")
    parser.add_argument("--prefix", default="", help="before each file's name")
    args = parser.parse_args()
    if not (args.site / args.story / "index.html").is_file():
        built = sorted(p.parent.parent.name for p in args.site.glob("*/data/story.json"))
        parser.error(f"{args.site}/ has no story '{args.story}'; --story one of: {built}")
    args.out.mkdir(exist_ok=True)
    with serve_directory(args.site) as base, launch_chromium() as browser:
        for scheme in ("default", "slate"):
            for width_name, (width, height) in WIDTHS.items():
                tall = 1600 if args.chart else height  # the whole chart, under the header
                page = browser.new_page(viewport={"width": width, "height": tall})
                for name in args.pages:
                    path = PAGES.get(name, name)
                    where = path[1:] if path.startswith("/") else f"{args.story}/{path}"
                    page.goto(f"{base}{where}", wait_until="networkidle")
                    page.evaluate(
                        "s => { document.body.setAttribute('data-md-color-scheme', s) }", scheme
                    )
                    mode = "dark" if scheme == "slate" else "light"
                    target = args.out / f"{args.prefix}{name}-{width_name}-{mode}.png"
                    if args.chart:
                        _reach_for_chart(page)
                        page.locator("figure.timeline-chart").screenshot(path=str(target))
                    else:
                        _settled(page)  # the timeline opens as its static picture
                        page.screenshot(path=str(target))
                    print(f"wrote {target}")
                page.close()
    return 0


def _reach_for_chart(page: Any) -> None:
    """Point at the chart, as a reader does, and wait until Plotly's is laid out."""
    page.hover(".timeline-chart__box")
    page.wait_for_selector("#timeline-chart[data-layouts]", state="attached", timeout=20000)
    page.mouse.move(0, 0)  # no tooltip in the picture
    page.wait_for_function(
        "() => !document.querySelector('#timeline-chart .hoverlayer .hovertext')", timeout=20000
    )
    _settled(page)  # the modebar's fade


SETTLED = """() => document.fonts.ready.then(() => new Promise((done) => {
  const check = () => document.getAnimations().every((a) => a.playState !== "running")
    ? requestAnimationFrame(() => requestAnimationFrame(done))
    : requestAnimationFrame(check);
  check();
}))"""


def _settled(page: Any) -> None:
    """Wait until the page's fonts are in, no transition runs, and it has been painted."""
    page.evaluate(SETTLED)


if __name__ == "__main__":
    raise SystemExit(main())
