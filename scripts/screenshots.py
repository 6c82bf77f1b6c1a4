"""Take the README's screenshots from the built site: `make screenshots`.

Serves site/ on localhost, opens the story page and its timeline in headless Chromium
(Debian's /usr/bin/chromium) at phone and desktop widths, in light and dark palettes,
and writes PNG files into screenshots/.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from devkit.chromium import launch_chromium
from devkit.site import serve_directory

WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}
PAGES = {"story": "", "timeline": "timeline/"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--story", default="hanoi-summit-2019", help="the story's id")
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    args = parser.parse_args()
    if not (args.site / args.story / "index.html").is_file():
        built = sorted(p.parent.parent.name for p in args.site.glob("*/data/story.json"))
        parser.error(f"{args.site}/ has no story '{args.story}'; --story one of: {built}")
    args.out.mkdir(exist_ok=True)
    with serve_directory(args.site) as base, launch_chromium() as browser:
        for scheme in ("default", "slate"):
            for width_name, (width, height) in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                for name in args.pages:
                    page.goto(f"{base}{args.story}/{PAGES.get(name, name)}")
                    page.evaluate(
                        "s => { document.body.setAttribute('data-md-color-scheme', s) }", scheme
                    )
                    page.wait_for_timeout(300)  # the timeline opens as its static picture
                    mode = "dark" if scheme == "slate" else "light"
                    target = args.out / f"{name}-{width_name}-{mode}.png"
                    page.screenshot(path=str(target))
                    print(f"wrote {target}")
                page.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
