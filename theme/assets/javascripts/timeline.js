/*
 * The timeline chart's page script (generator/render/templates/_timeline.md.j2 writes the
 * markup; generator/render/chart/figure.py the figure).
 *
 * Every page loads this small script (in site.js, the site's scripts joined: mkdocs.yml;
 * the embeddable page loads it alone); it does nothing on pages without
 *   <div id="timeline-chart" data-plotly="URL of plotly-basic-<version>.min.js"
 *        data-figure="URL of the figure's JSON">
 * (data-plotly is read relative to this script, so that it holds on every page, under
 * any sub-path; data-figure relative to the page). The page already shows a static SVG
 * of the chart (generator/render/chart/preview.py). When the reader reaches for it (pointer
 * over it, touch, keyboard focus), this fetches the figure, and the vendored plotly.js
 * and timeline-chart.js once, and the interactive chart takes the picture's place. A
 * reader who only reads never pays for them (about 0.4 MB, and half a second of a
 * phone's main thread).
 *
 * Before that, and without it, it runs what needs no chart: the keyboard's slider over
 * the events (arrow keys move through them in time order and announce each; Enter goes
 * to the event's entry in the list), the links to events outside the view, the code to
 * embed the chart, with a copy button, and, in a frame on another site, the content's
 * height for the embed code's script. Everything it sets up is torn down when Material
 * swaps the page (document$).
 *
 * The embeddable page has no list of its own: its plot names the timeline page's address
 * (data-list, relative to the page). When the reader reaches for its chart, this fetches
 * that page once, with plotly.js, and reads the events from its list: the hover texts,
 * the panel and the slider are the timeline page's, and Enter opens the event's entry
 * there, in the top window.
 */
(() => {
  "use strict";

  const HIGHLIGHT_MS = 2500;

  // Resolved while this script runs: after an instant navigation there is no currentScript.
  const SCRIPT_URL = document.currentScript ? document.currentScript.src : document.baseURI;
  const loaded = new Map(); // script URL -> Promise, fetched once across instant navigations
  let teardown = null; // undoes what the current page set up

  function load(src, global) {
    const url = new URL(src, SCRIPT_URL).href;
    if (window[global]) return Promise.resolve(window[global]);
    if (!loaded.has(url)) {
      loaded.set(
        url,
        new Promise((resolve, reject) => {
          const script = document.createElement("script");
          script.src = url;
          script.async = true;
          script.addEventListener("load", () => {
            if (window[global]) resolve(window[global]);
            else reject(new Error(url + " loaded without defining " + global));
          });
          script.addEventListener("error", () => {
            loaded.delete(url); // a later page may try again
            script.remove();
            reject(new Error(url + " failed to load"));
          });
          document.head.appendChild(script);
        }),
      );
    }
    return loaded.get(url);
  }

  /* Runs `callback` once, when the reader reaches for `element`: a pointer over it,
     a touch or keyboard focus in it. Until then the static picture is the chart. */
  function whenReached(element, callback) {
    const events = ["pointerover", "touchstart", "focusin"];
    function stop() {
      events.forEach((name) => {
        element.removeEventListener(name, fire);
      });
    }
    function fire() {
      stop();
      callback();
    }
    events.forEach((name) => {
      element.addEventListener(name, fire, { passive: true });
    });
    return stop;
  }

  /* Scrolls to an event's entry in the list, opening the list if it is folded, and
     focuses and highlights it for a moment. */
  function jumpTo(id, state) {
    const item = document.getElementById("event-" + id);
    if (!item) return;
    const folded = item.closest("details");
    if (folded) folded.open = true;
    if (state.highlighted) state.highlighted.classList.remove("is-highlighted");
    window.clearTimeout(state.timer);
    if (!item.hasAttribute("tabindex")) item.setAttribute("tabindex", "-1");
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    item.scrollIntoView({ behavior: still ? "auto" : "smooth", block: "center" });
    item.focus({ preventScroll: true });
    item.classList.add("is-highlighted");
    state.highlighted = item;
    state.timer = window.setTimeout(() => {
      item.classList.remove("is-highlighted");
    }, HIGHLIGHT_MS);
  }

  /* The entries of a document's list of events, in time order. */
  function listItems(root) {
    return Array.from(root.querySelectorAll("ol.timeline > li[id^='event-']"));
  }

  /* The timeline page's list of events, fetched and parsed (the embeddable page's). */
  function fetchList(url) {
    return fetch(url).then((response) => {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.text().then((text) => new DOMParser().parseFromString(text, "text/html"));
    });
  }

  /* A copy of an entry fetched from the page at `base`, its addresses made whole so that
     they lead where they led on that page. */
  function rebased(node, base) {
    node.querySelectorAll("[href], [src], [data-src]").forEach((element) => {
      ["href", "src", "data-src"].forEach((name) => {
        const value = element.getAttribute(name);
        if (value !== null) element.setAttribute(name, new URL(value, base).href);
      });
    });
    node.querySelectorAll("[srcset], [data-srcset]").forEach((element) => {
      ["srcset", "data-srcset"].forEach((name) => {
        const value = element.getAttribute(name);
        if (value === null) return;
        const parts = value.split(",").map((part) => {
          const [url, ...size] = part.trim().split(/\s+/);
          return [new URL(url, base).href, ...size].join(" ");
        });
        element.setAttribute(name, parts.join(", "));
      });
    });
    return node;
  }

  /* The slider over the events: its value is an event's place in time order (the
     list's order); each move says which event, and shows it on the chart. */
  function eventSlider(slider, items, chart, jump, panel) {
    function describe() {
      const index = Number(slider.value) - 1;
      const item = items[index];
      const title = item.querySelector("strong");
      const date = item.querySelector(".timeline__date");
      const text = (title ? title.textContent : "") + ", " + (date ? date.textContent : "");
      slider.setAttribute(
        "aria-valuetext",
        text + " (" + (index + 1) + " of " + items.length + ")",
      );
      return index;
    }
    function onInput() {
      panel().select(describe());
    }
    function onFocus() {
      panel().select(Number(slider.value) - 1); // the event it is on, in the panel and chart
    }
    function onKey(event) {
      if (event.key !== "Enter") return;
      event.preventDefault();
      jump(items[Number(slider.value) - 1].id.replace(/^event-/, ""));
    }
    slider.max = String(items.length);
    slider.hidden = false;
    describe();
    slider.addEventListener("input", onInput);
    slider.addEventListener("keydown", onKey);
    slider.addEventListener("focus", onFocus);
    return () => {
      slider.removeEventListener("input", onInput);
      slider.removeEventListener("keydown", onKey);
      slider.removeEventListener("focus", onFocus);
    };
  }

  /* The event panel beside (or under) the chart: the selected event's entry from the
     list, whole (date, headline, text, picture, actors, sources), Previous and Next, and
     the arrow keys anywhere in the figure. Selecting an event shows it on the chart and
     gives the page its address (#event-id). Without JavaScript the panel names the
     opening event, and the list is the way through. */
  function eventPanel(figure, items, chart, slider, base) {
    const panel = figure.querySelector(".timeline-panel");
    const body = panel && panel.querySelector(".timeline-panel__event");
    if (!panel || !body || !items.length) return { select: () => {}, cleanup: () => {} };
    const prev = panel.querySelector(".timeline-panel__prev");
    const next = panel.querySelector(".timeline-panel__next");
    const count = panel.querySelector(".timeline-panel__count");
    const status = panel.querySelector(".timeline-panel__status");
    let at = slider ? Number(slider.value) - 1 : 0;

    function fill(index) {
      const copy = items[index].cloneNode(true);
      if (base) rebased(copy, base);
      copy.querySelectorAll("[id]").forEach((element) => {
        element.removeAttribute("id");
      });
      copy.querySelectorAll("noscript").forEach((element) => {
        element.remove();
      });
      copy.querySelectorAll("img[data-src]").forEach((image) => {
        image.srcset = image.getAttribute("data-srcset") || "";
        image.src = image.getAttribute("data-src");
        image.removeAttribute("data-src");
        image.removeAttribute("data-srcset");
      });
      body.replaceChildren(...Array.from(copy.childNodes));
      const title = items[index].querySelector("strong");
      const date = items[index].querySelector(".timeline__date");
      count.textContent = index + 1 + " of " + items.length;
      if (status) {
        status.textContent =
          (title ? title.textContent : "") + ", " + (date ? date.textContent : "");
      }
      prev.disabled = index === 0;
      next.disabled = index === items.length - 1;
    }

    /* Shows an event (its place in time order) in the panel and on the chart. */
    function select(index, options) {
      at = Math.max(0, Math.min(items.length - 1, index));
      fill(at);
      if (slider) slider.value = String(at + 1);
      chart.select(at);
      if (!options || options.address !== false) {
        window.history.replaceState(window.history.state, "", "#" + items[at].id);
      }
      return at;
    }

    function onPrev() {
      select(at - 1);
    }
    function onNext() {
      select(at + 1);
    }
    /* The arrow keys walk the events from anywhere in the figure but the slider (which
       moves by itself) and the chart's own controls. */
    function onKey(event) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.target === slider) return;
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
      event.preventDefault();
      select(at + (event.key === "ArrowLeft" ? -1 : 1));
    }
    prev.hidden = false;
    next.hidden = false;
    fill(at);
    prev.addEventListener("click", onPrev);
    next.addEventListener("click", onNext);
    figure.addEventListener("keydown", onKey);
    return {
      select: select,
      at: () => at,
      cleanup: () => {
        prev.removeEventListener("click", onPrev);
        next.removeEventListener("click", onNext);
        figure.removeEventListener("keydown", onKey);
      },
    };
  }

  /* The links to the events before and after the view pan the drawn chart there;
     until it is drawn they lead to the list. */
  function outsideLinks(links, chart) {
    function onClick(event) {
      if (!chart.ready()) return;
      event.preventDefault();
      chart.pan(
        event.currentTarget.classList.contains("timeline-chart__earlier") ? "earlier" : "later",
      );
    }
    links.forEach((link) => {
      link && link.addEventListener("click", onClick);
    });
    return () =>
      links.forEach((link) => {
        link && link.removeEventListener("click", onClick);
      });
  }

  /* In a frame on another site (the embeddable page), tells the page around it how tall
     the content is, whenever that changes: the embed code's script sizes the frame. */
  function reportHeight(root) {
    const content = root.querySelector(".md-content");
    if (window.parent === window || !content || typeof ResizeObserver !== "function") {
      return () => {};
    }
    let last = 0;
    function post() {
      const height = Math.ceil(content.getBoundingClientRect().bottom + window.scrollY);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ explainerTimelineHeight: height }, "*");
    }
    const observer = new ResizeObserver(post);
    observer.observe(content);
    post();
    return () => observer.disconnect();
  }

  /* The embed code names this site's own address of the embeddable page, and a button
     copies it. */
  function embedCode(root) {
    const code = root.querySelector(".timeline-embed__code code");
    const link = root.querySelector(".timeline-embed a[href]");
    const button = root.querySelector(".timeline-embed__copy");
    const status = root.querySelector(".timeline-embed__status");
    if (!code || !link) return () => {};
    code.textContent = code.textContent.replace('src="embed/"', 'src="' + link.href + '"');
    if (!button || !navigator.clipboard) return () => {};
    function copy() {
      navigator.clipboard.writeText(code.textContent).then(
        () => (status.textContent = "Copied."),
        () => (status.textContent = "Select the code and copy it."),
      );
    }
    button.hidden = false;
    button.addEventListener("click", copy);
    return () => button.removeEventListener("click", copy);
  }

  /* The figure's JSON, from the address the page gives (relative to the page). */
  function fetchFigure(plot) {
    const url = new URL(plot.getAttribute("data-figure"), document.baseURI);
    return fetch(url).then((response) => {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  /* Sets the figure up with the events of `items`: the page's own list, or (`base`, the
     timeline page's address) the fetched list of the embeddable page's timeline page,
     once the reader has reached for the chart (`reached`). */
  function setUp(plot, items, base, reached) {
    const figure = plot.closest("figure") || plot;
    const slider = figure.querySelector(".timeline-chart__keys");
    const earlier = figure.querySelector(".timeline-chart__earlier");
    const later = figure.querySelector(".timeline-chart__later");
    const state = { highlighted: null, timer: null };
    const byId = new Map(items.map((item) => [item.id.replace(/^event-/, ""), item]));
    const jump = base
      ? (id) => window.open(new URL("#event-" + id, base).href, "_top")
      : (id) => jumpTo(id, state);
    const cleanups = [() => window.clearTimeout(state.timer)];
    let live = true;
    let drawn = null; // the drawn chart: show, select, pan, destroy
    let wanted = null; // the event asked for before the chart was drawn
    let chosen = false; // whether the reader has chosen an event (the chart marks it)
    const chart = {
      ready: () => drawn !== null,
      show: (index) => {
        if (drawn) drawn.show(index);
        else wanted = index;
      },
      select: (index) => {
        chosen = true;
        if (drawn) drawn.select(index);
        else {
          wanted = index;
          reach();
        }
      },
      pan: (direction) => drawn && drawn.pan(direction),
    };
    const ids = items.map((item) => item.id.replace(/^event-/, ""));
    const panel = eventPanel(figure, items, chart, slider, base);
    cleanups.push(panel.cleanup);
    const selectId = (id) => {
      const index = ids.indexOf(id);
      if (index >= 0) panel.select(index);
    };

    if (slider && items.length) cleanups.push(eventSlider(slider, items, chart, jump, () => panel));
    cleanups.push(outsideLinks([earlier, later], chart));
    let started = false;
    function reach() {
      if (started) return;
      started = true;
      stopReaching();
      Promise.all([
        load(plot.getAttribute("data-plotly"), "Plotly"),
        load("timeline-chart.js", "ExplainerTimeline"),
        fetchFigure(plot),
      ])
        .then(([Plotly, timeline, data]) => {
          if (!live) return null;
          const page = {
            earlier: earlier,
            later: later,
            jump: jump,
            select: selectId,
            entry: (id) => byId.get(id) || null,
          };
          return timeline.draw(Plotly, plot, data, page).then((controller) => {
            if (!live) return controller.destroy(); // the page was replaced meanwhile
            drawn = controller;
            figure.classList.add("is-ready");
            if (wanted !== null) (chosen ? drawn.select : drawn.show)(wanted);
            return null;
          });
        })
        .catch(() => {
          // The static picture stays; the figcaption and the list carry the rest.
          if (live) figure.classList.add("is-failed");
        });
    }
    const stopReaching = reached ? () => {} : whenReached(figure, reach);
    cleanups.push(stopReaching);
    if (reached) reach();

    // An address naming an event (#event-id) opens the page on it: the chart and the
    // panel, in view, with the event selected.
    const named = window.location.hash.replace(/^#event-/, "");
    if (window.location.hash.indexOf("#event-") === 0 && ids.indexOf(named) >= 0) {
      panel.select(ids.indexOf(named), { address: false });
      // After the browser's own scroll to the entry in the list, which comes with the load.
      const toFigure = () => live && figure.scrollIntoView({ block: "start" });
      toFigure();
      if (document.readyState !== "complete") {
        window.addEventListener("load", toFigure, { once: true });
        cleanups.push(() => window.removeEventListener("load", toFigure));
      }
    }

    return () => {
      live = false;
      cleanups.forEach((cleanup) => {
        cleanup();
      });
      if (drawn) drawn.destroy();
    };
  }

  /* The embeddable page: its list is the timeline page's, fetched (with plotly.js and
     the chart's script) when the reader reaches for the chart. */
  function setUpEmbedded(plot) {
    const figure = plot.closest("figure") || plot;
    const base = new URL(plot.getAttribute("data-list"), document.baseURI).href;
    let live = true;
    let inner = null;
    // The slider is there at once, as on the timeline page; reaching it (focus) fetches
    // the list, which names its events.
    const slider = figure.querySelector(".timeline-chart__keys");
    if (slider) slider.hidden = false;
    const stop = whenReached(figure, () => {
      load(plot.getAttribute("data-plotly"), "Plotly").catch(() => null); // meanwhile
      load("timeline-chart.js", "ExplainerTimeline").catch(() => null);
      fetchList(base)
        .then((list) => listItems(list))
        .catch(() => []) // without the list the chart still draws; its hovers name ids
        .then((items) => {
          if (!live) return;
          if (slider && !items.length) slider.hidden = true; // nothing for it to name
          inner = setUp(plot, items, base, true);
        });
    });
    return () => {
      live = false;
      stop();
      if (inner) inner();
    };
  }

  function onPage() {
    if (teardown) teardown();
    teardown = null;
    const plot = document.getElementById("timeline-chart");
    if (!plot || !plot.getAttribute("data-plotly") || !plot.getAttribute("data-figure")) return;
    const parts = [embedCode(document), reportHeight(document)];
    const items = listItems(document);
    parts.push(
      !items.length && plot.hasAttribute("data-list")
        ? setUpEmbedded(plot)
        : setUp(plot, items, null, false),
    );
    teardown = () => {
      parts.forEach((part) => {
        part();
      });
    };
  }

  // Material emits document$ on the first load and after every instant navigation
  // (DOMContentLoaded fires only once). Without Material, set up once.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage, { once: true });
  } else {
    onPage();
  }
})();
