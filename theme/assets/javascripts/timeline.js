/*
 * The timeline chart's page script (generator/templates/_timeline.md.j2 writes the
 * markup; generator/charts.py the figure).
 *
 * Material loads this small file on every page; it does nothing on pages without
 *   <div id="timeline-chart" data-plotly="URL of plotly-basic-<version>.min.js"
 *        data-figure="URL of the figure's JSON">
 * (data-plotly is read relative to this script, so that it holds on every page, under
 * any sub-path; data-figure relative to the page). The page already shows a static SVG
 * of the chart (generator/chart_preview.py). When the reader reaches for it (pointer
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
 */
(function () {
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
      loaded.set(url, new Promise(function (resolve, reject) {
        const script = document.createElement("script");
        script.src = url;
        script.async = true;
        script.addEventListener("load", function () {
          if (window[global]) resolve(window[global]);
          else reject(new Error(url + " loaded without defining " + global));
        });
        script.addEventListener("error", function () {
          loaded.delete(url); // a later page may try again
          script.remove();
          reject(new Error(url + " failed to load"));
        });
        document.head.appendChild(script);
      }));
    }
    return loaded.get(url);
  }

  /* Runs `callback` once, when the reader reaches for `element`: a pointer over it,
     a touch or keyboard focus in it. Until then the static picture is the chart. */
  function whenReached(element, callback) {
    const events = ["pointerover", "touchstart", "focusin"];
    function stop() {
      events.forEach((name) => element.removeEventListener(name, fire));
    }
    function fire() {
      stop();
      callback();
    }
    events.forEach((name) => element.addEventListener(name, fire, { passive: true }));
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
    state.timer = window.setTimeout(function () {
      item.classList.remove("is-highlighted");
    }, HIGHLIGHT_MS);
  }

  /* The slider over the events: its value is an event's place in time order (the
     list's order); each move says which event, and shows it on the chart. */
  function eventSlider(slider, items, chart, jump) {
    function describe() {
      const index = Number(slider.value) - 1;
      const item = items[index];
      const title = item.querySelector("strong");
      const date = item.querySelector(".timeline__date");
      const text = (title ? title.textContent : "") + ", " + (date ? date.textContent : "");
      slider.setAttribute("aria-valuetext", text + " (" + (index + 1) + " of " + items.length + ")");
      return index;
    }
    function onInput() {
      chart.show(describe());
    }
    function onFocus() {
      chart.show(Number(slider.value) - 1); // the event it is on, once the chart is drawn
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
    return function () {
      slider.removeEventListener("input", onInput);
      slider.removeEventListener("keydown", onKey);
      slider.removeEventListener("focus", onFocus);
    };
  }

  /* The links to the events before and after the view pan the drawn chart there;
     until it is drawn they lead to the list. */
  function outsideLinks(links, chart) {
    function onClick(event) {
      if (!chart.ready()) return;
      event.preventDefault();
      chart.pan(event.currentTarget.classList.contains("timeline-chart__earlier") ? "earlier" : "later");
    }
    links.forEach((link) => link && link.addEventListener("click", onClick));
    return () => links.forEach((link) => link && link.removeEventListener("click", onClick));
  }

  /* In a frame on another site (the embeddable page), tells the page around it how tall
     the content is, whenever that changes: the embed code's script sizes the frame. */
  function reportHeight(root) {
    const content = root.querySelector(".md-content");
    if (window.parent === window || !content || typeof ResizeObserver !== "function") {
      return function () {};
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
    if (!code || !link) return function () {};
    code.textContent = code.textContent.replace('src="embed/"', 'src="' + link.href + '"');
    if (!button || !navigator.clipboard) return function () {};
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
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  function setUp(plot) {
    const figure = plot.closest("figure") || plot;
    const slider = figure.querySelector(".timeline-chart__keys");
    const earlier = figure.querySelector(".timeline-chart__earlier");
    const later = figure.querySelector(".timeline-chart__later");
    const items = Array.from(document.querySelectorAll("ol.timeline > li[id^='event-']"));
    const state = { highlighted: null, timer: null };
    const jump = (id) => jumpTo(id, state);
    const cleanups = [() => window.clearTimeout(state.timer)];
    let live = true;
    let drawn = null; // the drawn chart: show, pan, destroy
    let wanted = null; // the event the slider asked for before the chart was drawn
    const chart = {
      ready: () => drawn !== null,
      show: function (index) {
        if (drawn) drawn.show(index);
        else wanted = index;
      },
      pan: (direction) => drawn && drawn.pan(direction),
    };

    if (slider && items.length) cleanups.push(eventSlider(slider, items, chart, jump));
    cleanups.push(outsideLinks([earlier, later], chart), embedCode(document));
    cleanups.push(reportHeight(document));
    cleanups.push(whenReached(figure, function () {
      Promise.all([
        load(plot.getAttribute("data-plotly"), "Plotly"),
        load("timeline-chart.js", "ExplainerTimeline"),
        fetchFigure(plot),
      ])
        .then(function ([Plotly, timeline, data]) {
          if (!live) return null;
          const page = { earlier: earlier, later: later, jump: jump };
          return timeline.draw(Plotly, plot, data, page).then(function (controller) {
            if (!live) return controller.destroy(); // the page was replaced meanwhile
            drawn = controller;
            figure.classList.add("is-ready");
            if (wanted !== null) drawn.show(wanted);
            return null;
          });
        })
        .catch(function () {
          // The static picture stays; the figcaption and the list carry the rest.
          if (live) figure.classList.add("is-failed");
        });
    }));

    return function () {
      live = false;
      cleanups.forEach((cleanup) => cleanup());
      if (drawn) drawn.destroy();
    };
  }

  function onPage() {
    if (teardown) teardown();
    teardown = null;
    const plot = document.getElementById("timeline-chart");
    if (!plot || !plot.getAttribute("data-plotly") || !plot.getAttribute("data-figure")) return;
    teardown = setUp(plot);
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
