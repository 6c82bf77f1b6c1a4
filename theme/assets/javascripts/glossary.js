/* Glossary terms explained on hover and on keyboard focus, with text only.
 *
 * The generator marks each glossary term as <abbr title="its definition">. Material's
 * own tooltips (the content.tooltips feature) copy a title into the page as HTML, so a
 * definition that contains markup would run as markup; that feature is off, and this
 * script shows the definition instead, always as text (textContent, never innerHTML).
 *
 * Each term becomes focusable (Tab reaches it) and describes itself through one shared
 * tooltip (role="tooltip", aria-describedby) shown while the term is hovered or
 * focused, and while the pointer is on the tooltip itself; Escape hides it. Readers
 * without JavaScript get the browser's own tooltip from the title attribute.
 */
(() => {
  "use strict";

  var tip = null;
  var shownFor = null;

  function tooltip() {
    if (tip && document.body.contains(tip)) return tip;
    tip = document.createElement("div");
    tip.id = "glossary-tip";
    tip.className = "glossary-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.addEventListener("mouseleave", (event) => {
      if (event.relatedTarget !== shownFor) hide();
    });
    document.body.appendChild(tip);
    return tip;
  }

  function show(term) {
    var box = tooltip();
    box.textContent = term.getAttribute("data-definition") || "";
    box.hidden = false;
    var rect = term.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    box.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    box.style.left = left + window.scrollX + "px";
    box.style.top = rect.bottom + window.scrollY + 4 + "px";
    term.setAttribute("aria-describedby", box.id);
    shownFor = term;
  }

  function hide() {
    if (tip) tip.hidden = true;
    if (shownFor) shownFor.removeAttribute("aria-describedby");
    shownFor = null;
  }

  function setUp() {
    hide();
    var terms = document.querySelectorAll("article abbr[title]");
    Array.prototype.forEach.call(terms, (term) => {
      // The definition moves out of title, so the browser's tooltip does not double it.
      term.setAttribute("data-definition", term.getAttribute("title"));
      term.removeAttribute("title");
      term.setAttribute("tabindex", "0");
      term.classList.add("glossary-term");
      term.addEventListener("mouseenter", () => {
        show(term);
      });
      term.addEventListener("focus", () => {
        show(term);
      });
      term.addEventListener("mouseleave", (event) => {
        if (event.relatedTarget !== tip && document.activeElement !== term) hide();
      });
      term.addEventListener("blur", hide);
    });
  }

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && shownFor) hide();
  });

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setUp);
  else document.addEventListener("DOMContentLoaded", setUp);
})();
