"""``make preview``: a built site served on an address of its own, for one review.

A pull request's preview is built by the pull request's own Makefile, generator and
theme: its pages run its scripts. Served at the address every review uses (``make
serve``'s http://127.0.0.1:8000/), one preview could register a service worker that
answers for that address in every review after it. So each preview gets an origin of
its own: 127.0.0.1 on a port the system picks at random (never :data:`SERVE_PORT`),
printed when it starts; a service worker's script is never served (the registration
fails); nothing is kept in the browser's cache (``Cache-Control: no-store``); and the
first page asks the browser to clear whatever an earlier server on the same port left
(``Clear-Site-Data``: it cannot reach a browser whose service worker answers instead,
which is why the port is fresh and the guide says to open it in a private window).

Without ``--site``, it builds this checkout for the address it serves (Material's
instant navigation needs it) into ``build/preview/``. With ``--site DIR`` (a pull
request's ``site-preview`` artifact) it serves that folder, and tells instant navigation
the address by writing it into ``sitemap.xml`` as it is served.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import sys
from pathlib import Path
from typing import Any

from . import ROOT
from .site import mkdocs_build

SERVE_PORT = 8000
"""``make serve``'s port, never a preview's."""

HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    # An HTTP header can say what the pages' <meta> policy cannot: no other page frames
    # the preview (the embeddable timeline included: in review there is no other site).
    "Content-Security-Policy": "frame-ancestors 'none'",
}
"""Sent with every response."""

CLEAR = '"cache", "storage"'
"""``Clear-Site-Data`` of the first page served: what an earlier server left there."""

_LOC = re.compile(r"<loc>https?://[^/<]+/")


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder with :data:`HEADERS`; refuses service workers' scripts."""

    origin = ""  # http://127.0.0.1:PORT, set on the server's own subclass
    cleared = False

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        for name, value in HEADERS.items():
            self.send_header(name, value)
        if not type(self).cleared and self.headers.get("Sec-Fetch-Mode") == "navigate":
            type(self).cleared = True
            self.send_header("Clear-Site-Data", CLEAR)
        super().end_headers()

    def do_GET(self) -> None:
        worker = self.headers.get("Service-Worker") == "script"
        if worker or self.headers.get("Sec-Fetch-Dest") == "serviceworker":
            self.send_error(404, "A preview registers no service worker")
            return
        if self.path.split("?")[0].endswith("/sitemap.xml"):
            self._sitemap()
            return
        super().do_GET()

    def _sitemap(self) -> None:
        """The sitemap with every address under this server's origin."""
        path = Path(self.translate_path(self.path.split("?")[0]))
        if not path.is_file():
            self.send_error(404)
            return
        body = _LOC.sub(f"<loc>{self.origin}/", path.read_text(encoding="utf-8")).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def open_server(root: Path) -> http.server.ThreadingHTTPServer:
    """A server of ``root`` on 127.0.0.1, on a port the system picks, never :data:`SERVE_PORT`."""
    while True:

        class Handler(PreviewHandler):  # this server's own: its origin, whether it cleared
            pass

        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Handler, directory=str(root))
        )
        port = int(server.server_address[1])
        if port != SERVE_PORT:
            Handler.origin = f"http://127.0.0.1:{port}"
            return server
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site to serve (default: build one)")
    args = parser.parse_args(argv)
    root = args.site if args.site is not None else ROOT / "build" / "preview"
    if args.site is not None and not (root / "index.html").is_file():
        print(f"{root}: no index.html here; unzip the site-preview artifact into it")
        return 1
    server = open_server(root)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    if args.site is None:
        print(f"Building this checkout's site for {url} ...", flush=True)
        result = mkdocs_build(root, site_url=url)
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            server.server_close()
            return 1
    maker = "its pull request's" if args.site is not None else "this checkout's"
    print(
        f"Preview of {root}, built by {maker} own Makefile, generator and theme:\n"
        f"  {url}\n"
        "An address for this review alone: open it only there, in a private window, and\n"
        "close the window when the review is done. Ctrl-C stops the server.",
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
