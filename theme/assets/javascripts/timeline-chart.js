/*
 * The interactive timeline chart: fetched with plotly.js by timeline.js when the reader
 * reaches for the chart, and never before.
 *
 * window.ExplainerTimeline.draw(Plotly, plot, figure, page) draws the figure that
 * generator/charts.py built, then keeps it legible: after every change of view (pan,
 * zoom, Autoscale, Reset axes, a resize) it lays the marks and labels out again for the
 * plot's real width, with the rule of generator/chart_labels.py (placeItems and
 * placePhaseTitles below are that rule, line for line) and text widths measured in the
 * browser; then it measures the boxes Plotly drew and hides any label that would still
 * touch another or cross the plot's edge. It also counts the events outside the view,
 * follows Material's palette, removes a stale tooltip (a zoom, a tap elsewhere), and
 * turns a click on a mark into a jump to its entry in the list.
 */
(function () {
  "use strict";

  const DAY = 86400000;
  const TOUCH = "(hover: none) and (pointer: coarse)"; // phones and tablets
  const COUNT = -1; // the form of a label that counts the events its mark stands for

  /* --- the layout rule (generator/chart_labels.py) ------------------------------------ */

  function placeItems(items, inTime, order, width, rows, reserved, countWidth, m, collide) {
    const cores = items.map((item) => coreOf(item, m));
    const shown = cores.map((core) => core[1] >= 0 && core[0] <= width);
    const none = () => ({ row: 0, form: null, side: "right", shown: false, host: null, group: 1 });
    if (collide === false) {
      return items.map((item, i) =>
        shown[i] ? { row: 0, form: item.widths.length ? 0 : null, side: "right", shown: true, host: null, group: 1 } : none(),
      );
    }
    const lanes = rows.map((count, lane) =>
      Array.from({ length: count }, (_, row) => ({ taken: [], title: row === 0 ? [0, reserved[lane]] : null })),
    );
    const seen = inTime.filter((i) => shown[i]);
    const keyed = seen.filter((i) => items[i].key).concat(seen.filter((i) => !items[i].key));
    const placements = placeMarks(items, cores, keyed, lanes, none, m);
    const hosts = order.filter((i) => placements[i].group > 1);
    const labelled = order.filter((i) => items[i].widths.length && alone(placements[i]));
    const keyFirst = labelled.filter((i) => items[i].key).concat(hosts);
    for (const index of keyFirst.concat(labelled.filter((i) => !items[i].key))) {
      const placed = placements[index];
      const widths = placed.group > 1 ? [countWidth(placed.group)] : items[index].widths;
      placements[index] = placeLabel(items[index], widths, cores[index], placed, lanes[items[index].lane], width, m);
    }
    return placements;
  }

  function alone(placed) {
    return placed.shown && placed.host === null && placed.group === 1;
  }

  /* Each mark in the first row with room, or hosted by the nearest placed mark. */
  function placeMarks(items, cores, inTime, lanes, none, m) {
    const placements = items.map(none);
    const placed = lanes.map(() => []);
    for (const index of inTime) {
      const lane = items[index].lane;
      const target = targetOf(items[index], m);
      const row = lanes[lane].findIndex((taken) => isClear(taken, cores[index], target, m));
      if (row >= 0 || !placed[lane].length) {
        const at = row >= 0 ? row : lanes[lane].length - 1; // a lane too short for its title
        lanes[lane][at].taken.push(cores[index]);
        placements[index] = { row: at, form: null, side: "right", shown: true, host: null, group: 1 };
        placed[lane].push(index);
        continue;
      }
      const others = placed[lane].filter((i) => !items[i].key);
      const hosts = others.length ? others : placed[lane];
      let host = hosts[0];
      for (const other of hosts) {
        if (Math.abs(items[other].x - items[index].x) < Math.abs(items[host].x - items[index].x)) host = other;
      }
      placements[index] = { row: placements[host].row, form: null, side: "right", shown: true, host: host, group: 1 };
      placements[host].group += 1;
    }
    return placements;
  }

  /* Whether a stretch keeps clear of a row's others, and its front (the mark's target
     and the label: a bar may run under the title) of the row's title. */
  function isClear(row, stretch, front, m) {
    return row.taken.every((other) => clear(stretch, other, m)) && (row.title === null || clear(front, row.title, m));
  }

  function targetOf(item, m) {
    return [item.x - m.target / 2, item.x + m.target / 2];
  }

  function placeLabel(item, widths, core, placed, lane, width, m) {
    const own = lane[placed.row].taken;
    own.splice(own.indexOf(core), 1);
    if (item.x >= 0 && item.x <= width) {
      for (let form = 0; form < widths.length; form++) {
        for (let row = 0; row < lane.length; row++) {
          for (const side of ["right", "left"]) {
            const stretch = stretchOf(item, core, widths[form], side, m);
            const front = stretchOf(item, targetOf(item, m), widths[form], side, m);
            const start = labelStart(item, widths[form], side, m);
            if (start >= 0 && start + widths[form] <= width && isClear(lane[row], stretch, front, m)) {
              lane[row].taken.push(stretch);
              return Object.assign({}, placed, { row: row, form: placed.group > 1 ? COUNT : form, side: side });
            }
          }
        }
      }
    }
    own.push(core);
    return placed;
  }

  function coreOf(item, m) {
    let [left, right] = targetOf(item, m);
    if (item.bar) {
      left = Math.min(left, item.bar[0]);
      right = Math.max(right, item.bar[1]);
    }
    return [left, right];
  }

  function labelStart(item, width, side, m) {
    return side === "right" ? item.x + m.radius + m.gap : item.x - m.radius - m.gap - width;
  }

  function stretchOf(item, core, width, side, m) {
    const start = labelStart(item, width, side, m);
    return side === "right" ? [core[0], start + width] : [start, core[1]];
  }

  function clear(one, other, m) {
    return one[1] + m.gap <= other[0] || other[1] + m.gap <= one[0];
  }

  function placePhaseTitles(bands, widths, order, width, m, collide) {
    const rows = [[], []];
    const titles = bands.map(() => null);
    for (const index of order) {
      const left = Math.max(bands[index][0], 0);
      const right = Math.min(bands[index][1], width);
      if (right < 0 || left > width || bands[index][1] <= bands[index][0]) continue;
      titles[index] = fitTitle(widths[index], (left + right) / 2, width, rows, m, collide);
    }
    return titles;
  }

  function fitTitle(forms, centre, width, rows, m, collide) {
    for (let form = 0; form < forms.length; form++) {
      const size = forms[form];
      if (size > width) continue;
      const start = Math.min(Math.max(centre - size / 2, 0), width - size);
      const stretch = [start, start + size];
      for (let row = 0; row < rows.length; row++) {
        if (collide === false || rows[row].every((other) => clear(stretch, other, m))) {
          rows[row].push(stretch);
          return { row: row, start: start, form: form };
        }
      }
    }
    return null;
  }

  /* --- text widths, measured ----------------------------------------------------------- */

  function measurer(family, size) {
    const context = document.createElement("canvas").getContext("2d");
    const cache = new Map();
    return function (text, bold) {
      const key = (bold ? "b" : "") + text;
      if (!cache.has(key)) {
        context.font = (bold ? "bold " : "") + size + "px " + family;
        context.fontKerning = "none"; // as timeline.css draws the chart's text
        cache.set(key, context.measureText(text).width + 1); // a pixel for rounding
      }
      return cache.get(key);
    };
  }

  /* --- the figure and its colours ------------------------------------------------------- */

  /* Dicts merge by key, arrays by index, anything else is replaced:
     the rule of merge_patch in generator/chart_palette.py. */
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

  /* The x axis's range in ms (r2l takes a calendar as its second argument: no map). */
  function viewOf(xa) {
    return [xa.r2l(xa.range[0]), xa.r2l(xa.range[1])];
  }

  function countLabel(number) {
    return number + " events"; // generator/chart_labels.py count_label
  }

  function escapeText(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /* --- the chart ------------------------------------------------------------------------ */

  const DOUBLE_TAP_MS = 300; // Plotly's doubleClickDelay (its default), said once here
  const SAME_TAP_MS = 400; // how far apart the two clicks one tap can report may be

  function draw(Plotly, plot, figure, page) {
    const model = figure.layout.meta.timeline;
    const metrics = { target: model.target, radius: model.radius, gap: model.gap };
    const measure = measurer(figure.layout.font.family, 11);
    const touch = window.matchMedia(TOUCH).matches;
    const cleanups = [];
    let collide = page.collide !== false;
    let laying = Promise.resolve();
    let hideAlso = new Set(); // labels the measured boxes ruled out, until the view changes
    let current = []; // where each item is now
    let steering = 0; // relayouts this script is making
    let layouts = 0; // layouts done

    function coloured(base) {
      const patch = figure.layout.meta.palettes[scheme()];
      return merge(base, patch);
    }

    const start = coloured(figure);
    if (touch) start.layout.dragmode = false; // a one-finger drag scrolls the page
    // A second tap this soon after another is not a tap of its own: Plotly reads it as a
    // double tap (and resets the axes), or jumpOnClick as the same tap reported twice.
    // The page says how long that is, so that tests wait it out instead of guessing.
    plot.setAttribute("data-double-tap-ms", String(Math.max(DOUBLE_TAP_MS, SAME_TAP_MS)));
    const config = {
      doubleClickDelay: DOUBLE_TAP_MS,
      responsive: true,
      displaylogo: false,
      displayModeBar: true,
      scrollZoom: false, // the page scrolls; the chart pans by drag
      showSendToCloud: false, // plotly.js 4 would offer to upload the chart to Plotly Cloud
      plotlyServerURL: "",
      modeBarButtons: [["pan2d", "zoom2d", zoomInButton(Plotly), "zoomOut2d", "autoScale2d", "resetScale2d"]],
    };

    function zoomInButton(Plotly) {
      return { name: "zoomInOnEvents", title: "Zoom in", icon: Plotly.Icons.zoom_plus, click: zoomIn };
    }

    /* Zoom in two-fold on the middle of the view, or, when no event is there, on the
       event nearest to it: zooming in never lands on an empty stretch. */
    function zoomIn() {
      const xa = plot._fullLayout.xaxis;
      const [r0, r1] = viewOf(xa);
      const quarter = (r1 - r0) / 4;
      const middle = (r0 + r1) / 2;
      const marks = eventMarks();
      const inside = marks.some((x) => x >= middle - quarter && x <= middle + quarter);
      const nearest = marks.reduce((best, x) => (Math.abs(x - middle) < Math.abs(best - middle) ? x : best), marks[0]);
      const centre = inside || !marks.length ? middle : nearest;
      return steer([centre - quarter, centre + quarter]);
    }

    /* Moves the view (a range in ms) and lays it out; the relayout event it raises is
       this function's to handle, not the reader's. */
    function steer(range) {
      const xa = plot._fullLayout.xaxis;
      steering += 1;
      return Plotly.relayout(plot, { "xaxis.range": range.map((ms) => xa.l2r(ms)) })
        .finally(() => (steering -= 1))
        .then(relayoutLabels);
    }

    function eventMarks() {
      const xa = plot._fullLayout.xaxis;
      return model.events.map((index) => {
        const item = model.items[index];
        return xa.d2l(plot.data[item[1]].x[item[2]]);
      });
    }

    /* Where each item is, in px of the current view. */
    function geometry(width) {
      const xa = plot._fullLayout.xaxis;
      const [r0, r1] = viewOf(xa);
      const px = (ms) => ((ms - r0) / (r1 - r0)) * width;
      return model.items.map(([lane, mt, mp, bt, bp, forms, key]) => {
        let bar = null;
        if (bt >= 0) {
          const base = xa.d2l(plot.data[bt].base[bp]);
          bar = [px(base), px(base + plot.data[bt].x[bp])];
        }
        const x = px(xa.d2l(plot.data[mt].x[mp]));
        return { lane: lane, x: x, bar: bar, widths: forms.map((form) => measure(form)), key: key === 1 };
      });
    }

    /* Lays the chart out for the current view and width, draws it, checks it. */
    function relayoutLabels() {
      laying = laying
        .then(function () {
          if (!plot._fullLayout) return null;
          return redraw().then(function () {
            const overlapping = measuredOverlaps();
            if (!overlapping.length) return null;
            overlapping.forEach((note) => hideAlso.add(note));
            return redraw();
          });
        })
        .then(function () {
          updateOutside();
          layouts += 1;
          plot.setAttribute("data-layouts", String(layouts)); // what tests wait for
          return null;
        })
        .catch(function () {
          return null; // a layout that failed (the page going away) must not stop the next
        });
      return laying;
    }

    /* Plotly.react, not restyle: restyling data makes Plotly guess the axes' types (and
       ranges) again. The view the reader chose is in plot.layout. */
    function redraw() {
      const next = layoutFor(plot._fullLayout._size.w);
      const data = plot.data.map((trace, i) => Object.assign({}, trace, next.traces[i]));
      const layout = Object.assign({}, plot.layout, { annotations: next.annotations });
      return Plotly.react(plot, data, layout, config);
    }

    function layoutFor(width) {
      const items = geometry(width);
      const rows = model.lanes.map((lane) => lane.rows);
      const reserved = model.lanes.map((lane) => model.gap / 2 + measure(lane.name, true));
      const countWidth = (number) => measure(countLabel(number));
      const placements = placeItems(items, model.inTime, model.order, width, rows, reserved, countWidth, metrics, collide);
      current = placements;
      const ys = placements.map((placed, index) =>
        placed.host !== null ? model.hiddenY : rowCentre(model.items[index][0], placed.row),
      );
      const traces = plot.data.map((trace) => ({
        y: trace.y.slice(),
        text: trace.text ? trace.text.map(() => "") : undefined,
        hovertemplate: trace.text ? trace.x.map(() => model.hover[0]) : trace.hovertemplate,
      }));
      model.items.forEach(([, mt, mp, bt, bp], index) => {
        traces[mt].y[mp] = ys[index];
        if (bt >= 0) traces[bt].y[bp] = ys[index] + model.barBelow; // under its row's text
        if (placements[index].group > 1) {
          traces[mt].text[mp] = groupHover(index, placements);
          traces[mt].hovertemplate[mp] = model.hover[1];
        }
      });
      const annotations = plot.layout.annotations.map((note) => Object.assign({}, note));
      phaseTitles(annotations, width);
      model.items.forEach(([, mt, mp, , , forms], index) => {
        const placed = placements[index];
        const label = annotations[model.notes.labels + index];
        const right = placed.side === "right";
        const text = placed.form === COUNT ? countLabel(placed.group) : forms[placed.form || 0] || "";
        label.text = escapeText(text);
        label.visible = placed.shown && placed.form !== null && !hideAlso.has(model.notes.labels + index);
        label.x = plot.data[mt].x[mp];
        label.y = ys[index];
        label.xanchor = right ? "left" : "right";
        label.xshift = (right ? 1 : -1) * (model.radius + model.gap);
      });
      return { traces: traces, annotations: annotations };
    }

    /* The events a mark stands for: itself, then those it hosts, in the items' order. */
    function groupOf(index, placements) {
      return [index].concat(placements.map((p, i) => (p.host === index ? i : -1)).filter((i) => i >= 0));
    }

    /* The hover of a mark that stands for several events (generator/charts.py group_hover). */
    function groupHover(index, placements) {
      const group = groupOf(index, placements);
      const titles = group.map((i) => plot.data[model.items[i][1]].customdata[model.items[i][2]][1]);
      const days = new Set(group.map((i) => plot.data[model.items[i][1]].x[model.items[i][2]]));
      const hint = days.size === 1 ? model.hover[3] : model.hover[2];
      return "<b>" + countLabel(group.length) + "</b><br>" + titles.join(";<br>") + "<br><i>" + hint + "</i>";
    }

    function rowCentre(lane, row) {
      return model.lanes[lane].top + model.lanePad / 2 + row * model.row + model.row / 2;
    }

    function phaseTitles(annotations, width) {
      const xa = plot._fullLayout.xaxis;
      const [r0, r1] = viewOf(xa);
      const px = (iso) => ((xa.d2l(iso) - r0) / (r1 - r0)) * width;
      const bands = model.phases.map(([from, to]) => [px(from), px(to)]);
      const widths = model.phases.map(([, , forms]) => forms.map((form) => measure(form)));
      const titles = placePhaseTitles(bands, widths, model.phaseOrder, width, metrics, collide);
      titles.forEach((title, index) => {
        const note = annotations[model.notes.phases + index];
        const forms = model.phases[index][2];
        note.visible = title !== null && !hideAlso.has(model.notes.phases + index);
        note.text = escapeText(forms[title ? title.form : 0]);
        note.x = title ? title.start / width : 0;
        note.yshift = 3 + model.phaseRow * (title ? title.row : 0);
      });
    }

    /* The boxes Plotly drew: any label that touches another, or a title, or crosses the
       plot's edge (a font narrower in the canvas than in SVG) is hidden. */
    function measuredOverlaps() {
      if (collide === false) return [];
      const area = plot.querySelector(".draglayer .nsewdrag");
      if (!area) return [];
      const edge = area.getBoundingClientRect();
      const boxes = Array.from(plot.querySelectorAll(".annotation")).map((note) => ({
        index: Number(note.getAttribute("data-index")),
        box: (note.querySelector(".annotation-text") || note).getBoundingClientRect(),
      }));
      const bad = new Set();
      const isLabel = (index) => index >= model.notes.labels;
      boxes.forEach(({ index, box }) => {
        if (box.left < edge.left - 0.5 || box.right > edge.right + 0.5) bad.add(index);
      });
      boxes.forEach((a, i) => {
        boxes.slice(i + 1).forEach((b) => {
          if (!intersect(a.box, b.box)) return;
          const isKey = (index) => isLabel(index) && model.items[index - model.notes.labels][6] === 1;
          // Titles stay, and a key event's label stays while the other is not one.
          const loser = isLabel(b.index) && !(isKey(b.index) && !isKey(a.index)) ? b.index : a.index;
          bad.add(isLabel(loser) ? loser : Math.max(a.index, b.index));
        });
      });
      return Array.from(bad);
    }

    function intersect(a, b) {
      return a.left + 0.5 < b.right && b.left + 0.5 < a.right && a.top + 0.5 < b.bottom && b.top + 0.5 < a.bottom;
    }

    /* --- events outside the view ---------------------------------------------------- */

    function eventDays(index) {
      const [, mt, mp, bt, bp] = model.items[index];
      const xa = plot._fullLayout.xaxis;
      if (bt >= 0) {
        const base = xa.d2l(plot.data[bt].base[bp]);
        return [base, base + plot.data[bt].x[bp]];
      }
      const day = xa.d2l(plot.data[mt].x[mp]);
      return [day, day + DAY];
    }

    function outside() {
      const xa = plot._fullLayout.xaxis;
      const [r0, r1] = viewOf(xa);
      const earlier = [];
      const later = [];
      model.events.forEach((index, order) => {
        const [first, end] = eventDays(index);
        if (end <= r0) earlier.push(order);
        else if (first > r1) later.push(order);
      });
      return { earlier: earlier.reverse(), later: later };
    }

    function wording(orders, direction) {
      const years = orders.map((order) => eventDays(model.events[order]));
      const first = Math.min(...years.map(([from]) => new Date(from).getUTCFullYear()));
      const last = Math.max(...years.map(([, to]) => new Date(to - DAY).getUTCFullYear()));
      const noun = orders.length === 1 ? direction + " event" : direction + " events";
      return orders.length + " " + noun + ", " + (first === last ? first : first + "\u2013" + last);
    }

    function updateOutside() {
      const { earlier, later } = outside();
      [[page.earlier, earlier, "earlier"], [page.later, later, "later"]].forEach(([link, orders, direction]) => {
        if (!link) return;
        link.hidden = orders.length === 0;
        if (!orders.length) return;
        link.textContent = wording(orders, direction);
        link.setAttribute("href", "#event-" + eventId(orders[0]));
      });
    }

    function eventId(order) {
      const [, mt, mp] = model.items[model.events[order]];
      return plot.data[mt].customdata[mp][0];
    }

    /* Centres the view on an event (an index in time order), keeping its width. */
    function centreOn(order) {
      const xa = plot._fullLayout.xaxis;
      const [r0, r1] = viewOf(xa);
      const half = (r1 - r0) / 2;
      const [mt, mp] = model.items[model.events[order]].slice(1, 3);
      const x = xa.d2l(plot.data[mt].x[mp]);
      return steer([x - half, x + half]);
    }

    function pan(direction) {
      const orders = outside()[direction];
      return orders.length ? centreOn(orders[0]) : laying;
    }

    /* Shows an event's tooltip (an index in time order), panning to it when it is out of
       view and zooming in while another mark stands for it: the keyboard's way through
       the chart. */
    function show(order, depth) {
      const index = model.events[order];
      const xa = plot._fullLayout.xaxis;
      const [r0, r1] = viewOf(xa);
      const [mt, mp] = model.items[index].slice(1, 3);
      const x = xa.d2l(plot.data[mt].x[mp]);
      if (x < r0 || x > r1) return centreOn(order).then(() => show(order, depth));
      const placed = current[index];
      if (placed && placed.host !== null && (depth || 0) < 12) {
        const quarter = (r1 - r0) / 4;
        return steer([x - quarter, x + quarter]).then(() => show(order, (depth || 0) + 1));
      }
      const shown = placed && placed.host !== null ? model.items[placed.host] : model.items[index];
      return laying.then(function () {
        Plotly.Fx.hover(plot, [{ curveNumber: shown[1], pointNumber: shown[2] }]);
      });
    }

    /* A click on a mark that stands for several events zooms in on them, or, when they
       are all on one day, goes to the first in the list. */
    function openGroup(index) {
      const group = groupOf(index, current);
      const xa = plot._fullLayout.xaxis;
      const xs = group.map((i) => xa.d2l(plot.data[model.items[i][1]].x[model.items[i][2]]));
      const [low, high] = [Math.min(...xs), Math.max(...xs)];
      if (high === low) {
        const first = group.reduce((a, b) => (model.inTime.indexOf(a) < model.inTime.indexOf(b) ? a : b));
        page.jump(plot.data[model.items[first][1]].customdata[model.items[first][2]][0]);
        return;
      }
      const pad = (high - low) / 2;
      steer([low - pad, high + pad]);
    }

    /* --- events ----------------------------------------------------------------------- */

    function follow() {
      let frame = null;
      function resize() {
        if (frame !== null) return;
        frame = window.requestAnimationFrame(function () {
          frame = null;
          // Plotly rejects resizing a hidden chart (as when printing, where CSS hides it).
          if (plot.getClientRects().length > 0) Plotly.Plots.resize(plot).then(relayoutLabels);
        });
      }
      const schemes = new MutationObserver(function () {
        const next = coloured({ data: plot.data, layout: plot.layout });
        Plotly.react(plot, next.data, next.layout, config);
      });
      schemes.observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
      window.addEventListener("resize", resize);
      window.addEventListener("orientationchange", resize);
      // A new view: lay it out again, and its tooltip is stale.
      plot.on("plotly_relayout", function () {
        hideAlso = new Set();
        Plotly.Fx.unhover(plot);
        if (!steering) relayoutLabels();
      });
      // A tap or click anywhere else removes the tooltip a tap left behind.
      function elsewhere(event) {
        if (!plot.contains(event.target)) Plotly.Fx.unhover(plot);
      }
      document.addEventListener("pointerdown", elsewhere, true);
      return function () {
        schemes.disconnect();
        window.removeEventListener("resize", resize);
        window.removeEventListener("orientationchange", resize);
        document.removeEventListener("pointerdown", elsewhere, true);
        if (frame !== null) window.cancelAnimationFrame(frame);
      };
    }

    /* With dragmode off, a tap reaches Plotly twice, as touch and as the mouse events
       the browser emulates after it; Plotly counts that as a double click and resets
       the axes. Cancelling a tap's touchend on the plot area stops the emulation (the
       modebar still needs its emulated click); a scroll's touchend cannot be
       cancelled, so scrolling is untouched. */
    function oneClickPerTap() {
      function cancel(event) {
        const onPlotArea = event.target.closest && event.target.closest(".draglayer");
        if (onPlotArea && event.cancelable) event.preventDefault();
      }
      plot.addEventListener("touchend", cancel, { passive: false });
      return () => plot.removeEventListener("touchend", cancel);
    }

    /* A click on a mark goes to its entry in the list. Where there is no hover (touch
       screens), the first tap shows the mark's details and a second tap jumps. */
    function jumpOnClick() {
      let last = { id: null, at: 0 };
      plot.on("plotly_click", function (event) {
        const point = event && event.points && event.points[0];
        const id = point && Array.isArray(point.customdata) ? point.customdata[0] : null;
        if (typeof id !== "string") return;
        const now = Date.now();
        if (id === last.id && now - last.at < SAME_TAP_MS) return; // one tap, two clicks
        const again = id === last.id;
        last = { id: id, at: now };
        if (touch && !again) return;
        last = { id: null, at: 0 };
        const index = model.items.findIndex((item) => item[1] === point.curveNumber && item[2] === point.pointNumber);
        if (index >= 0 && current[index] && current[index].group > 1) openGroup(index);
        else page.jump(id);
      });
      return function () {};
    }

    return Plotly.newPlot(plot, start.data, start.layout, config)
      .then(relayoutLabels)
      .then(function () {
        cleanups.push(follow(), oneClickPerTap(), jumpOnClick());
        window.ExplainerTimeline.current = {
          show: show,
          pan: pan,
          setCollide: function (value) {
            collide = value;
            return relayoutLabels();
          },
          destroy: function () {
            cleanups.forEach((cleanup) => cleanup());
            Plotly.purge(plot);
          },
        };
        return window.ExplainerTimeline.current;
      });
  }

  /* draw; the layout rule, for the tests to hold to generator/chart_labels.py; and the
     chart drawn last (setCollide(false) turns the rule off, to show the tests can fail). */
  window.ExplainerTimeline = {
    draw: draw,
    layout: { placeItems: placeItems, placePhaseTitles: placePhaseTitles },
    current: null,
  };
})();
