/* Opens the site's search: "/" or "s" (as they opened Material's search) or the header's
 * search button fetch the dialog's markup, script and stylesheet, once, then open it.
 *
 * This is all of the search a page loads: the dialog (search-dialog.htm, one cached file
 * rather than its markup on every page, and search-dialog.js) and Pagefind's files are
 * fetched only for a reader who opens it. The dialog goes at the end of the body, which
 * Material's instant navigation keeps, as it keeps the header's button this script is
 * bound to: it runs once per full page load and keeps working after instant navigation.
 */
(() => {
  "use strict";

  var opener = document.getElementById("site-search-open");
  if (!document.currentScript || !opener) return;
  var here = document.currentScript.src; // assets/javascripts/site.js (search.js joined)
  var XLINK = "http://www.w3.org/1999/xlink";
  var files = [
    ["link", { rel: "stylesheet", href: new URL("../stylesheets/search-dialog.css", here).href }],
    ["script", { src: new URL("search-dialog.js", here).href }],
  ];
  var loading = null;
  var loaded = false;
  var typed = ""; // what the reader types while the dialog is on its way, for its field

  function add(file) {
    return new Promise((resolve, reject) => {
      var element = Object.assign(document.createElement(file[0]), file[1]);
      element.onload = resolve;
      element.onerror = reject;
      document.head.append(element);
    });
  }

  // The dialog's markup, the site's own file beside this one: its icons' addresses are
  // written from there, and are made absolute here for the page they land in.
  function dialog() {
    if (document.getElementById("site-search")) return Promise.resolve();
    return fetch(new URL("search-dialog.htm", here).href)
      .then((response) => {
        if (!response.ok) throw new Error(response.statusText);
        return response.text();
      })
      .then((html) => {
        var holder = document.createElement("template");
        holder.innerHTML = html;
        holder.content.querySelectorAll("use").forEach((use) => {
          var href = use.getAttributeNS(XLINK, "href") || use.getAttribute("href");
          if (href) use.setAttributeNS(XLINK, "xlink:href", new URL(href, here).href);
        });
        if (!document.getElementById("site-search")) document.body.append(holder.content);
        opener.setAttribute("aria-controls", "site-search"); // now that it exists
      });
  }

  function load() {
    loading =
      loading ||
      Promise.all([dialog().then(() => add(files[1])), add(files[0])]).then(
        () => {
          loaded = true;
        },
        (error) => {
          loading = null;
          throw error;
        }, // the next press tries again
      );
    return loading;
  }

  opener.addEventListener("click", () => {
    if (!loaded)
      load()
        .then(() => {
          opener.click(); // the dialog takes this one
          var field = document.getElementById("site-search-query");
          if (typed && field) {
            field.value += typed;
            field.dispatchEvent(new Event("input"));
          }
          typed = "";
        })
        .catch(() => {
          typed = "";
        });
  });

  // On the window, capturing: before Material's own keys ("n" and "p" turn the page),
  // which must not act on what is typed for the search while its dialog is on its way.
  window.addEventListener(
    "keydown",
    (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (loading && !loaded && event.key.length === 1) {
        typed += event.key;
        event.preventDefault();
        event.stopPropagation();
        return;
      }
      if (event.key !== "/" && event.key !== "s") return;
      var target = event.target;
      if (
        target.isContentEditable ||
        (target.closest && target.closest("input, textarea, select, dialog"))
      )
        return;
      event.preventDefault();
      event.stopPropagation();
      opener.click();
    },
    true,
  );
})();
