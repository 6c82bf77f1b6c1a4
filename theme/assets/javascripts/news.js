/* The news pages' script: pictures loaded as they come into view, and sharing without
 * trackers (the page's Share button, and copying a permalink).
 *
 * A picture below the top of the page carries its addresses in data-src and
 * data-srcset; it is loaded when it enters the window, so the first view of a page
 * loads only the pictures it shows. Readers without JavaScript get the <noscript> copy
 * beside it, which the browser loads lazily.
 *
 * The button uses the browser's own share sheet (the Web Share API) where there is one,
 * and otherwise copies the page's address; this script writes it at the end of the
 * page's meta line (reading time), so readers without JavaScript never see a button
 * that does nothing, and no page carries its markup. Clicking a permalink
 * (the "#" beside a section, an event, a quotation or a log entry) goes to it as a link
 * does, and also copies its address. Nothing is sent anywhere; no other host is asked.
 *
 * After instant navigation to an address with a #fragment, the browser is sent to it
 * again when Material left the page elsewhere (toFragment).
 */
(() => {
  "use strict";

  function address(hash) {
    var url = new URL(window.location.href);
    url.hash = hash || "";
    return url.href;
  }

  function tell(status, text) {
    if (!status) return;
    status.textContent = text;
    window.setTimeout(() => {
      status.textContent = "";
    }, 4000);
  }

  function copy(text, status) {
    if (!navigator.clipboard) return tell(status, "Copy the address from the address bar");
    navigator.clipboard.writeText(text).then(
      () => {
        tell(status, "Link copied");
      },
      () => {
        tell(status, "Copy the address from the address bar");
      },
    );
  }

  function share(button) {
    var status = button.parentNode.querySelector(".share__status");
    var url = address("");
    if (navigator.share) {
      navigator.share({ title: document.title, url: url }).catch(() => {});
    } else {
      copy(url, status);
    }
  }

  var watcher =
    "IntersectionObserver" in window
      ? new IntersectionObserver((seen) => {
          seen.forEach((entry) => {
            if (entry.isIntersecting) show(entry.target);
          });
        })
      : null;

  function show(image) {
    watcher && watcher.unobserve(image);
    image.srcset = image.getAttribute("data-srcset");
    image.src = image.getAttribute("data-src");
    image.removeAttribute("data-srcset");
    image.removeAttribute("data-src");
  }

  function setUp() {
    document.querySelectorAll("img[data-src]").forEach((image) => {
      if (watcher) watcher.observe(image);
      else show(image);
    });
    document.querySelectorAll(".page-meta").forEach((meta) => {
      if (meta.querySelector(".share")) return;
      var box = document.createElement("span");
      box.className = "share";
      box.append(" · ");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "share__button";
      button.setAttribute("data-share", "");
      button.textContent = navigator.share ? "Share" : "Copy link";
      button.addEventListener("click", () => {
        share(button);
      });
      var status = document.createElement("span");
      status.className = "share__status";
      status.setAttribute("role", "status");
      box.append(button, status);
      meta.append(box);
    });
  }

  // Permalinks: one listener for the whole document, kept across instant navigation.
  document.addEventListener("click", (event) => {
    var link = event.target.closest && event.target.closest("a.permalink, a.headerlink");
    if (!link || !link.hash) return;
    var status = document.querySelector(".share__status");
    copy(address(link.hash), status);
  });

  // Material's instant navigation, on a slow CPU, can show the new page at the previous
  // page's scroll offset instead of at the address's #fragment (seen following a link to
  // a profile on another story's Who's who at 12x CPU throttling: the profile 150 px under
  // the header). Once the page is in, if the fragment's element is out of view, the
  // address is gone to again (location.replace, the same address: no new history entry,
  // no reload), so the browser scrolls to it as on a first load, under the header, and
  // :target styles it; unless the reader went back or forward, where Material restores
  // where they were. Not on the page the browser loaded: the browser goes there itself,
  // and going again before it has would leave the page at its top.
  var travelled = false;
  var loaded = false; // document$'s first page is the browser's load: it goes to the fragment
  window.addEventListener("popstate", () => {
    travelled = true;
  });

  function fragment() {
    try {
      return decodeURIComponent(window.location.hash.slice(1));
    } catch {
      return ""; // a malformed escape (%E0%A4%A) names no element
    }
  }

  function toFragment() {
    var id = travelled || !loaded ? "" : fragment();
    travelled = false;
    loaded = true;
    var target = id && document.getElementById(id);
    if (!target) return;
    var top = target.getBoundingClientRect().top;
    if (top < 0 || top >= window.innerHeight) window.location.replace(window.location.href);
  }

  // Material's instant navigation swaps pages without a load event: document$ fires for
  // every page it shows.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(() => {
      setUp();
      toFragment();
    });
  } else document.addEventListener("DOMContentLoaded", setUp);
})();
