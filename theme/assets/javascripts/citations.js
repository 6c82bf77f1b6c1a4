/* Citations a reader can use without leaving the page: pointing at a citation's number,
 * focusing it or tapping it shows its source (title, publisher, date, address) in a
 * popover beside it, taken from the story's Sources page, which is fetched once, the
 * first time a reader asks. Meets WCAG 1.4.13: the popover stays while the pointer is
 * on the number or on it (so its link can be followed), Escape dismisses it without
 * moving focus, and it stays until then. It follows its number in the page's order, so
 * Tab reaches its link. On a touch screen the first tap shows the source and a second
 * tap on the number goes to the Sources page; a tap elsewhere closes it.
 *
 * Without JavaScript (or if the Sources page cannot be fetched), a citation is the link
 * to its numbered source it has always been. Nothing is asked of any other host.
 */
(() => {
  "use strict";

  var CITATION = "sup.cite a";
  var HIDE_AFTER_MS = 300; // time to move the pointer from the number onto the popover
  var pages = {}; // the Sources page's address -> a promise of its document
  var pop = null;
  var owner = null;
  var hiding = null;
  var touched = false;
  var wasOpen = false; // whether the tapped number's popover was open before the tap

  function sourcesPage(address) {
    if (!pages[address]) {
      pages[address] = fetch(address, { credentials: "same-origin" })
        .then((response) => {
          if (!response.ok) throw new Error(response.status);
          return response.text();
        })
        .then((html) => new DOMParser().parseFromString(html, "text/html"));
      pages[address].catch(() => {
        delete pages[address];
      });
    }
    return pages[address];
  }

  function sourceOf(link) {
    var url = new URL(link.href);
    var id = decodeURIComponent(url.hash.slice(1));
    url.hash = "";
    if (url.origin !== window.location.origin) return Promise.reject(new Error("elsewhere"));
    if (url.pathname === window.location.pathname) {
      return Promise.resolve(document.getElementById(id));
    }
    return sourcesPage(url.href).then((page) => page.getElementById(id));
  }

  function popover() {
    if (!pop) {
      pop = document.createElement("span");
      pop.className = "cite-pop";
      pop.id = "cite-pop";
      pop.hidden = true;
    }
    return pop;
  }

  function place() {
    if (!owner || !pop || pop.hidden) return;
    var at = owner.getBoundingClientRect();
    var margin = 8;
    var width = pop.offsetWidth;
    var height = pop.offsetHeight;
    // The layout viewport's size: on a phone, innerWidth grows with anything that
    // overflows, this popover included.
    var screen = document.documentElement;
    var left = Math.max(margin, Math.min(at.left, screen.clientWidth - width - margin));
    var top = at.bottom + 4;
    if (top + height > screen.clientHeight - margin && at.top - height - 4 > margin) {
      top = at.top - height - 4;
    }
    pop.style.left = left + "px";
    pop.style.top = top + "px";
  }

  function fill(entry) {
    var box = popover();
    box.textContent = "";
    var copy = entry.cloneNode(true);
    copy.querySelectorAll("[id]").forEach((node) => {
      node.removeAttribute("id");
    });
    var body = document.createElement("span");
    body.className = "cite-pop__source";
    while (copy.firstChild) body.appendChild(copy.firstChild);
    var number = document.createElement("span");
    number.className = "cite-pop__number";
    number.textContent = "Source " + owner.textContent.trim() + ": ";
    box.appendChild(number);
    box.appendChild(body);
    place();
  }

  function show(link) {
    window.clearTimeout(hiding);
    if (owner === link && pop && !pop.hidden && pop.isConnected) return;
    hide();
    owner = link;
    var box = popover();
    box.textContent = "Loading the source…";
    link.after(box); // next in the order of Tab, before the next number
    link.setAttribute("aria-describedby", box.id);
    box.hidden = false;
    place();
    sourceOf(link).then(
      (entry) => {
        if (owner !== link) return;
        if (entry) fill(entry);
        else hide();
      },
      () => {
        if (owner === link) hide();
      },
    );
  }

  function hide() {
    window.clearTimeout(hiding);
    if (owner) owner.removeAttribute("aria-describedby");
    if (pop) {
      pop.hidden = true;
      pop.remove();
    }
    owner = null;
  }

  function hideSoon() {
    window.clearTimeout(hiding);
    hiding = window.setTimeout(hide, HIDE_AFTER_MS);
  }

  function isOurs(node) {
    return !!node && !!owner && (owner.contains(node) || (pop && pop.contains(node)));
  }

  function citation(node) {
    var link = node && node.closest ? node.closest(CITATION) : null;
    return link && !link.closest(".cite-pop") ? link : null; // not the popover's own link
  }

  document.addEventListener("mouseover", (event) => {
    var link = citation(event.target);
    if (link) show(link);
    else if (isOurs(event.target)) window.clearTimeout(hiding);
  });

  document.addEventListener("mouseout", (event) => {
    if (isOurs(event.target) && !isOurs(event.relatedTarget)) hideSoon();
  });

  document.addEventListener("focusin", (event) => {
    var link = citation(event.target);
    if (link) show(link);
    else if (isOurs(event.target)) window.clearTimeout(hiding);
  });

  document.addEventListener("focusout", (event) => {
    if (isOurs(event.target) && !isOurs(event.relatedTarget)) hide();
  });

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && owner) hide();
  });

  document.addEventListener("pointerdown", (event) => {
    touched = event.pointerType === "touch" || event.pointerType === "pen";
    var link = citation(event.target);
    wasOpen = !!link && owner === link && !!pop && !pop.hidden;
    if (owner && !isOurs(event.target)) hide();
  });

  // In the capture phase, before Material's instant navigation sees the first tap.
  document.addEventListener(
    "click",
    (event) => {
      var link = citation(event.target);
      if (!link || !touched || wasOpen) return; // a second tap follows the link
      event.preventDefault();
      event.stopPropagation();
      show(link);
    },
    true,
  );

  window.addEventListener("scroll", place, { passive: true });
  window.addEventListener("resize", place);
})();
