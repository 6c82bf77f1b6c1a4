/*
 * The interactive timeline chart (generator/charts.py builds the figure).
 *
 * Material loads this file on every page; it does nothing on pages without
 *   <div id="timeline-chart" data-plotly="URL of plotly-basic-<version>.min.js">
 * (a relative URL there is read relative to this script, so that it holds on every
 * page, under any sub-path, whatever the page's own URL looks like)
 *   <script type="application/json" id="timeline-figure">FIGURE</script>
 * The page already shows a static SVG of the chart (generator/chart_preview.py). When
 * the reader reaches for it (pointer over it, touch, focus), this loads the vendored
 * plotly.js once, draws the interactive figure in its place, re-colours it when the
 * reader switches Material's palette, and turns a click on a mark into a jump to its
 * entry <li id="event-<id>"> in the list. A reader who only reads never pays for
 * plotly.js (about 0.4 MB, and half a second of a phone's main thread).
 * Everything it sets up is torn down when Material swaps the page (document$).
 */
(function () {
  "use strict";

  const CONFIG = {
    responsive: true,
    displaylogo: false,
    scrollZoom: false, // the page scrolls; the chart pans by drag
    showSendToCloud: false, // plotly.js 4 would offer to upload the chart to Plotly Cloud
    plotlyServerURL: "",
    modeBarButtonsToRemove: [
      "sendChartToCloud",
      "toImage",
      "select2d",
      "lasso2d",
      "toggleSpikelines",
      "hoverClosestCartesian",
      "hoverCompareCartesian",
    ],
  };
  const HIGHLIGHT_MS = 2500;
  const TOUCH = "(hover: none) and (pointer: coarse)"; // phones and tablets

  // Resolved while this script runs: after an instant navigation there is no currentScript.
  const SCRIPT_URL = document.currentScript ? document.currentScript.src : document.baseURI;
  let plotly = null; // Promise of window.Plotly: fetched once across instant navigations
  let teardown = null; // undoes what the current page set up

  function loadPlotly(src) {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!plotly) {
      plotly = new Promise(function (resolve, reject) {
        const script = document.createElement("script");
        script.src = new URL(src, SCRIPT_URL).href;
        script.async = true;
        script.addEventListener("load", function () {
          if (window.Plotly) resolve(window.Plotly);
          else reject(new Error("plotly.js loaded without defining Plotly"));
        });
        script.addEventListener("error", function () {
          plotly = null; // a later page may try again
          script.remove();
          reject(new Error("plotly.js failed to load"));
        });
        document.head.appendChild(script);
      });
    }
    return plotly;
  }

  /* Dicts merge by key, arrays by index, anything else is replaced:
     the rule of merge_patch in generator/charts.py. */
  function merge(base, patch) {
    if (Array.isArray(patch) && Array.isArray(base)) {
      return patch.map((item, i) => merge(base[i], item)).concat(base.slice(patch.length));
    }
    if (isObject(patch) && isObject(base)) {
      const merged = Object.assign({}, base);
      for (const key of Object.keys(patch)) merged[key] = merge(base[key], patch[key]);
      return merged;
    }
    return patch;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function scheme() {
    return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "light";
  }

  /* A fresh copy of the figure in the reader's scheme: Plotly.react compares
     objects, so each call needs new ones. On touch screens a one-finger drag must
     scroll the page, not pan the chart (Plotly cancels the touch whenever dragmode
     is set), so panning waits until the reader picks Pan or Zoom in the modebar. */
  function prepared(json) {
    const parsed = JSON.parse(json);
    const figure = Array.isArray(parsed) ? parsed[0] : parsed; // see onPage
    const meta = figure.layout && figure.layout.meta;
    const patch = meta && meta.palettes && meta.palettes[scheme()];
    const ready = patch ? merge(figure, patch) : figure;
    if (window.matchMedia(TOUCH).matches) ready.layout.dragmode = false;
    return ready;
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

  function setUp(plot, source) {
    const figure = plot.closest("figure") || plot;
    const cleanups = [];
    let live = true;
    let drawn = false;

    cleanups.push(whenReached(figure, function () {
      loadPlotly(plot.getAttribute("data-plotly"))
        .then(function (Plotly) {
          if (!live) return;
          const first = prepared(source.textContent);
          return Plotly.newPlot(plot, first.data, first.layout, CONFIG).then(function () {
            if (!live) return Plotly.purge(plot); // the page was replaced meanwhile
            drawn = true;
            figure.classList.add("is-ready");
            cleanups.push(follow(Plotly, plot, source), jumpOnClick(plot), oneClickPerTap(plot));
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
      if (drawn && window.Plotly) window.Plotly.purge(plot);
    };
  }

  /* Keeps the drawn chart sized to its box and coloured like the page. */
  function follow(Plotly, plot, source) {
    let frame = null;
    function resize() {
      if (frame !== null) return;
      frame = window.requestAnimationFrame(function () {
        frame = null;
        // Plotly rejects resizing a hidden chart (as when printing, where CSS hides it).
        if (plot.getClientRects().length > 0) Plotly.Plots.resize(plot);
      });
    }
    const schemes = new MutationObserver(function () {
      const next = prepared(source.textContent);
      Plotly.react(plot, next.data, next.layout, CONFIG);
    });
    schemes.observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    window.addEventListener("resize", resize);
    window.addEventListener("orientationchange", resize);
    return function () {
      schemes.disconnect();
      window.removeEventListener("resize", resize);
      window.removeEventListener("orientationchange", resize);
      if (frame !== null) window.cancelAnimationFrame(frame);
    };
  }

  /* With dragmode off, a tap reaches Plotly twice, as touch and as the mouse events
     the browser emulates after it; Plotly counts that as a double click and resets
     the axes. Cancelling a tap's touchend on the plot area stops the emulation (the
     modebar still needs its emulated click); a scroll's touchend cannot be
     cancelled, so scrolling is untouched. */
  function oneClickPerTap(plot) {
    function cancel(event) {
      const onPlotArea = event.target.closest && event.target.closest(".draglayer");
      if (onPlotArea && event.cancelable) event.preventDefault();
    }
    plot.addEventListener("touchend", cancel, { passive: false });
    return () => plot.removeEventListener("touchend", cancel);
  }

  /* A click on a mark scrolls to its entry in the list, focuses and highlights it.
     Where there is no hover (touch screens), the first tap shows the mark's details
     and a second tap on the same mark jumps. */
  function jumpOnClick(plot) {
    const touch = window.matchMedia(TOUCH).matches;
    let last = { id: null, at: 0 };
    let highlighted = null;
    let timer = null;
    function unhighlight() {
      if (highlighted) highlighted.classList.remove("is-highlighted");
      if (timer !== null) window.clearTimeout(timer);
      highlighted = timer = null;
    }
    plot.on("plotly_click", function (event) {
      const point = event && event.points && event.points[0];
      const id = point && Array.isArray(point.customdata) ? point.customdata[0] : null;
      const item = typeof id === "string" ? document.getElementById("event-" + id) : null;
      if (!item) return;
      const now = Date.now();
      if (id === last.id && now - last.at < 400) return; // one tap can report two clicks
      const again = id === last.id;
      last = { id: id, at: now };
      if (touch && !again) return;
      last = { id: null, at: 0 };
      unhighlight();
      if (!item.hasAttribute("tabindex")) item.setAttribute("tabindex", "-1");
      const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      item.scrollIntoView({ behavior: still ? "auto" : "smooth", block: "center" });
      item.focus({ preventScroll: true });
      item.classList.add("is-highlighted");
      highlighted = item;
      timer = window.setTimeout(unhighlight, HIGHLIGHT_MS);
    });
    return unhighlight;
  }

  function onPage() {
    if (teardown) teardown();
    teardown = null;
    const plot = document.getElementById("timeline-chart");
    // After an instant navigation Material re-creates inline scripts without their
    // attributes (the id and the type are lost, and the text is run as JavaScript):
    // the page wraps the figure in [ ] so that running it is a harmless array literal,
    // and the data is found by its place in the figure as well as by its id.
    const source =
      document.getElementById("timeline-figure") ||
      document.querySelector("figure.timeline-chart > script");
    if (!plot || !source || !plot.getAttribute("data-plotly")) return;
    teardown = setUp(plot, source);
  }

  // Material emits document$ on the first load and after every instant navigation
  // (DOMContentLoaded fires only once). Without Material, draw once.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage, { once: true });
  } else {
    onPage();
  }
})();
