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
  var EXCERPT = 24; // words of a result's excerpt
  var PAUSE = 250; // ms of no typing before a query runs
  var pagefind = null; // a promise of Pagefind's module, once the search is opened
  var stories = null; // a promise of the stories of the menu, with their filters' values
  var found = []; // the results of the latest query
  var active = -1; // the result the arrow keys are on
  var latest = 0; // the number of the latest query: replies to older ones are dropped
  var timer = null;

  more.textContent = dialog.dataset.more;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then((module) =>
        module
          .options({ baseUrl: root.pathname, excerptLength: EXCERPT })
          .then(() => module.init())
          .then(() => module),
      );
      stories = pagefind.then(listStories);
      stories.catch(() => {
        say("failed");
      });
    }
    return pagefind;
  }

  // The menu of stories: each story's filter is its id, a space and its title
  // percent-encoded (theme/main.html); the menu shows the title, and the id beside it only
  // where two stories share a title. The stories, each with its filter's value as Pagefind
  // holds it.
  function listStories(module) {
    return module.filters().then((filters) => {
      var stories = Object.keys(filters.story || {}).map((value) => {
        var space = value.indexOf(" ");
        if (space < 0) return { value: value, id: value, title: value };
        return { value: value, id: value.slice(0, space), title: decoded(value.slice(space + 1)) };
      });
      var titled = {}; // how many stories have each title, case and Unicode forms aside
      var key = (s) => s.title.normalize("NFKC").toLowerCase();
      stories.forEach((s) => {
        titled[key(s)] = (titled[key(s)] || 0) + 1;
      });
      stories.forEach((s) => {
        s.name = titled[key(s)] > 1 ? s.title + " (" + s.id + ")" : s.title;
      });
      // By title, then by id (in code points: "story" before "story-again").
      stories.sort(
        (a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      stories.forEach((s) => {
        story.add(new Option(s.name, s.value));
      });
      story.parentElement.hidden = stories.length < 2;
      return stories;
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
    Promise.all([load(), stories])
      .then(([module, listed]) => {
        if (number !== latest) return null;
        var filters = story.value ? { story: story.value } : {};
        var id = story.value ? "" : currentStory();
        var here = listed.find((s) => s.id === id)?.value;
        return Promise.all([
          module.search(query, { filters: filters }),
          here ? module.search(query, { filters: { story: here } }) : null,
        ]);
      })
      .then((searched) => {
        if (searched === null || number !== latest) return; // a later query replaced this one
        var result = searched[0];
        show(searched[1] ? hereFirst(result.results, searched[1].results) : result.results);
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

  function decoded(text) {
    try {
      return decodeURIComponent(text);
    } catch {
      return text; // not encoded as theme/main.html encodes it: shown as it is
    }
  }

  // The id of the story of the page the reader searches from (the first word of its
  // Pagefind filter, theme/main.html), or "" on a page of no story. Only the id is read:
  // the filter's value in the index is the menu's.
  function currentStory() {
    var marked = document.querySelector("[data-pagefind-filter^='story:']");
    return marked ? marked.dataset.pagefindFilter.slice("story:".length).split(" ")[0] : "";
  }

  // Results that score the same as each other (two stories' identical glossary entries,
  // say), the current story's first; Pagefind's order is kept everywhere else.
  function hereFirst(results, ofHere) {
    var here = new Set(ofHere.map((result) => result.id));
    var ordered = [];
    var tied = [];
    results.forEach((result) => {
      if (tied.length && tied[0].score !== result.score) {
        ordered.push(...settled(tied, here));
        tied = [];
      }
      tied.push(result);
    });
    return ordered.concat(settled(tied, here));
  }

  function settled(tied, here) {
    return tied.filter((r) => here.has(r.id)).concat(tied.filter((r) => !here.has(r.id)));
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
    var words = wordsOf(page);
    var at = bestMatch(page);
    var section = sectionOf(page, words, at);
    link.id = "site-search-result-" + index;
    link.href = section.id ? page.url + "#" + encodeURIComponent(section.id) : page.url;
    node.querySelector(".site-search__story-name").textContent = page.meta.story || "";
    node.querySelector(".site-search__title").textContent = page.meta.title || page.url;
    node.querySelector(".site-search__section").replaceChildren(...section.name);
    excerpt(node.querySelector(".site-search__excerpt"), page, words, at, section);
    return node;
  }

  // Where a result opens: at the last element with an id before the page's best match (a
  // heading, a glossary term, a quotation, an event, a source), so that the reader lands
  // on the section that matched; a match before any of them opens the page at its top.
  // Pagefind's own sub-results split pages at headings only, and only at headings whose
  // text it read (not a name in <bdi>).
  var LANDINGS = /^(h[2-6]|dt|p|li|blockquote|figure)$/i;
  var NAMED = /^(h[2-6]|dt)$/i; // landings that name their section: headings and terms
  var LEFT_OVER = /^[:;,·]$/; // punctuation alone, where a badge before it is not indexed

  function wordsOf(page) {
    // The page's indexed text as Pagefind counts its words (a match's location is the
    // number of a word), unescaped: it is shown as text, never as markup.
    var text = page.raw_content.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    return text.includes("\u200B") ? text.split("\u200B") : text.split(/[\r\n\s]+/g);
  }

  function bestMatch(page) {
    var best = null; // the match that counts most: a heading's or a term's above the text's
    page.weighted_locations.forEach((hit) => {
      if (!best || hit.balanced_score > best.balanced_score) best = hit;
    });
    return best ? best.location : 0;
  }

  function sectionOf(page, words, at) {
    var section = { id: "", name: [], start: 0, end: words.length };
    page.anchors
      .filter((anchor) => anchor.id && LANDINGS.test(anchor.element))
      .sort((a, b) => a.location - b.location)
      .forEach((anchor) => {
        if (anchor.location <= at) {
          section = { id: anchor.id, name: [], start: anchor.location, end: words.length };
          if (NAMED.test(anchor.element)) named(section, anchor, words, page);
        } else if (section.end === words.length && anchor.location > section.start) {
          section.end = anchor.location;
        }
      });
    return section;
  }

  function named(section, anchor, words, page) {
    // The heading's or the term's own words: its name, not part of the excerpt. Pagefind
    // gives no text for a heading that is a name in <bdi>: its words then run to the first
    // one that ends a sentence, as Pagefind ends each heading.
    var count = anchor.text ? anchor.text.trim().split(/\s+/).length : 0;
    if (!count) {
      while (count < 12 && section.start + count < words.length) {
        count += 1;
        if (/[.?!]$/.test(words[section.start + count - 1])) break;
      }
    }
    section.name = marked(page, words, section.start, section.start + count);
    var last = section.name[section.name.length - 1]; // without the period Pagefind adds
    if (typeof last === "string") section.name[section.name.length - 1] = last.replace(/[.:]$/, "");
    else if (last) last.textContent = last.textContent.replace(/[.:]$/, "");
    section.start += count;
  }

  function excerpt(into, page, words, at, section) {
    // About EXCERPT words of the section, from a little before the match: text and <mark>s
    // made as nodes, so that nothing of the page's text is read as markup.
    var start = Math.max(section.start, at - Math.floor(EXCERPT / 4));
    var end = Math.min(section.end, start + EXCERPT);
    start = Math.max(section.start, Math.min(start, end - EXCERPT));
    var parts = marked(page, words, start, end);
    if (start > section.start) parts.unshift("… ");
    if (end < section.end) parts.push(" …");
    into.replaceChildren(...parts);
  }

  function marked(page, words, start, end) {
    // Words start to end as text, the matched ones in <mark>s.
    var hits = new Set(page.locations);
    var parts = [];
    for (let i = start; i < end; i++) {
      if (LEFT_OVER.test(words[i])) continue; // the colon after a badge left out of the index
      if (parts.length) parts.push(" ");
      if (hits.has(i))
        parts.push(Object.assign(document.createElement("mark"), { textContent: words[i] }));
      else parts.push(words[i]);
    }
    return parts;
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

  // Closed by the reader (Escape, the backdrop), focus goes back where it was, as the
  // browser does when the dialog was opened from a focused control; opened with "/" or
  // "s" from no control, the browser would leave it in the hidden dialog: then the
  // search button, which opens it again, takes it.
  function dismiss() {
    dialog.close();
    var focused = document.activeElement;
    if (!focused || focused === document.body || dialog.contains(focused)) opener.focus();
  }

  dialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      // also when the search field would only clear itself
      event.preventDefault();
      dismiss();
    }
  });

  dialog.addEventListener("click", (event) => {
    if (event.target === dialog && isOutside(event))
      dismiss(); // on the backdrop
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
