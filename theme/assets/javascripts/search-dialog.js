/* The site's search dialog, over the index Pagefind writes after each build
 * (generator/publish/search.py).
 *
 * search.js fetches this script and its stylesheet when the reader first opens the
 * search, then clicks the header button for them; from then on the button opens the
 * dialog. Pagefind's script, its WebAssembly and the chunks of the index are fetched at
 * that point too, and then only the chunks a query needs. The dialog and its button are
 * in the page's markup (theme/partials/site-search.html), outside the part Material's
 * instant navigation replaces, so this script runs once and keeps working after it.
 *
 * Keyboard: arrows move through the results, Enter follows one, Escape closes. Result
 * links are made under the address this script was served from, so a site served below
 * a sub-path links within it.
 */
(() => {
  "use strict";

  var script = document.currentScript;
  var dialog = document.getElementById("site-search");
  var opener = document.getElementById("site-search-open");
  if (!script || !dialog || !opener) return;

  var root = new URL("../../", script.src); // this file is in assets/javascripts/
  var input = dialog.querySelector(".site-search__query");
  var story = dialog.querySelector(".site-search__story");
  var status = dialog.querySelector(".site-search__status");
  var list = dialog.querySelector(".site-search__results");
  var more = dialog.querySelector(".site-search__more");
  var template = dialog.querySelector("template");
  var PAGE = 10; // results whose details are fetched at a time
  var PAUSE = 250; // ms of no typing before a query runs
  var pagefind = null; // a promise of Pagefind's module, once the search is opened
  var found = []; // the results of the latest query
  var active = -1; // the result the arrow keys are on
  var latest = 0; // the number of the latest query: replies to older ones are dropped
  var timer = null;

  more.textContent = dialog.dataset.more;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then((module) =>
        module
          .options({ baseUrl: root.pathname, excerptLength: 24 })
          .then(() => module.init())
          .then(() => module),
      );
      pagefind.then(listStories, () => {
        say("failed");
      });
    }
    return pagefind;
  }

  function listStories(module) {
    return module.filters().then((filters) => {
      var names = Object.keys(filters.story || {}).sort((a, b) => a.localeCompare(b));
      names.forEach((name) => {
        story.add(new Option(name, name));
      });
      story.parentElement.hidden = names.length < 2;
    });
  }

  function say(key, values) {
    var text = dialog.dataset[key] || "";
    Object.keys(values || {}).forEach((name) => {
      text = text.replace("{" + name + "}", values[name]);
    });
    status.textContent = text;
  }

  // A query runs once the reader pauses, not at each key: Pagefind's own debounced search
  // fetches the index chunks of every prefix typed ("c", "ce", ...), which cost more
  // bytes than the query itself on a large site.
  function search() {
    var query = input.value.trim();
    var number = ++latest;
    clearTimeout(timer);
    if (!query) {
      show([]);
      say("prompt");
      return;
    }
    if (!list.children.length) say("loading");
    timer = setTimeout(() => {
      run(query, number);
    }, PAUSE);
  }

  function run(query, number) {
    load()
      .then((module) => {
        var filters = story.value ? { story: story.value } : {};
        return number === latest ? module.search(query, { filters: filters }) : null;
      })
      .then((result) => {
        if (result === null || number !== latest) return; // a later query replaced this one
        show(result.results);
        return showMore(number).then(() => {
          if (number !== latest) return;
          if (found.length === 0) say("none", { query: "“" + query + "”" });
          else say(found.length === 1 ? "one" : "many", { count: found.length });
          list.dataset.query = query; // the query these results answer, all shown
        });
      })
      .catch(() => {
        say("failed");
      });
  }

  function show(results) {
    found = results;
    active = -1;
    list.replaceChildren();
    delete list.dataset.query;
    input.removeAttribute("aria-activedescendant");
    input.setAttribute("aria-expanded", String(results.length > 0));
    more.hidden = true;
  }

  function showMore(number) {
    var next = found.slice(list.children.length, list.children.length + PAGE);
    return Promise.all(next.map((result) => result.data())).then((pages) => {
      if (number !== latest) return;
      pages.forEach((page) => {
        list.append(item(page, list.children.length));
      });
      more.hidden = list.children.length >= found.length;
      if (active < 0 && list.children.length) select(0);
    });
  }

  function item(page, index) {
    var node = template.content.firstElementChild.cloneNode(true);
    var link = node.querySelector("a");
    link.id = "site-search-result-" + index;
    link.href = page.url;
    node.querySelector(".site-search__story-name").textContent = page.meta.story || "";
    node.querySelector(".site-search__title").textContent = page.meta.title || page.url;
    node.querySelector(".site-search__excerpt").innerHTML = page.excerpt; // escaped, <mark>s
    return node;
  }

  function option(index) {
    return list.children[index] && list.children[index].querySelector("a");
  }

  function select(index) {
    if (!list.children.length) return;
    if (option(active)) option(active).setAttribute("aria-selected", "false");
    active = Math.max(0, Math.min(index, list.children.length - 1));
    option(active).setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", option(active).id);
    option(active).scrollIntoView({ block: "nearest" });
  }

  function follow(index) {
    if (option(index)) option(index).click(); // Material's instant navigation takes it
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    if (!input.value.trim()) say("prompt");
    load();
  }

  opener.addEventListener("click", open);
  input.addEventListener("input", search);
  story.addEventListener("change", search);
  more.addEventListener("click", () => {
    showMore(latest);
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      select(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter") {
      event.preventDefault(); // the form would close the dialog
      follow(Math.max(active, 0));
    }
  });

  dialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      // also when the search field would only clear itself
      event.preventDefault();
      dialog.close();
    }
  });

  dialog.addEventListener("click", (event) => {
    if (event.target === dialog && isOutside(event))
      dialog.close(); // on the backdrop
    else if (event.target.closest("a")) dialog.close(); // a result: the page changes
  });

  function isOutside(event) {
    var box = dialog.getBoundingClientRect();
    return (
      event.clientX < box.left ||
      event.clientX > box.right ||
      event.clientY < box.top ||
      event.clientY > box.bottom
    );
  }

  dialog.addEventListener("close", () => {
    input.setAttribute("aria-expanded", "false");
  });
})();
