/*
 * The interactive timeline chart: fetched with plotly.js by timeline.js when the reader
 * reaches for the chart, and never before.
 *
 * window.ExplainerTimeline.draw(Plotly, plot, figure, page) draws the figure that
 * generator/render/chart/figure.py built, then keeps it legible: after every change of view (pan,
 * zoom, Autoscale, Reset axes, a resize) it lays the marks and labels out again for the
 * plot's real width, with the rule of generator/render/chart/labels.py (placeItems and
 * placePhaseTitles below are that rule, line for line) and text widths measured in the
 * browser; then it measures the boxes Plotly drew and hides any label that would still
 * touch another or cross the plot's edge. It also counts the events outside the view,
 * follows Material's palette, removes a stale tooltip (a zoom, a tap elsewhere), and
 * turns a click or a tap on a mark into its selection (the event panel shows it, the
 * chart rings it: select below). Two fingers pinch or spread to zoom (pinchZoom), and
 * Material's "Back to top" steps aside while it would cover the toolbar (toolbarClear).
 * Lanes with no event in view fold away (laneFrame). Until the reader changes the view,
 * it shows the static picture's own layout for its width (the figure's openings), so
 * nothing moves.
 */
(() => {
  "use strict";

  const DAY = 86400000;
  const TOUCH = "(hover: none) and (pointer: coarse)"; // phones and tablets
  const COUNT = -1; // the form of a label that counts the events its mark stands for

  /* --- the layout rule (generator/render/chart/labels.py) ------------------------------------ */

  function placeItems(items, inTime, order, width, rows, reserved, countWidth, m, collide) {
    const cores = items.map((item) => coreOf(item, m));
    const shown = items.map((item) => inView(item, width, m));
    const none = () => ({ row: 0, form: null, side: "right", shown: false, host: null, group: 1 });
    if (collide === false) {
      return items.map((item, i) =>
        shown[i]
          ? {
              row: 0,
              form: item.widths.length ? 0 : null,
              side: "right",
              shown: true,
              host: null,
              group: 1,
            }
          : none(),
      );
    }
    const lanes = rows.map((count, lane) =>
      Array.from({ length: count }, (_, row) => ({
        taken: [],
        title: row === 0 ? [0, reserved[lane]] : null,
      })),
    );
    let placements = items.map(none);
    const keys = order.filter((i) => shown[i] && items[i].key && items[i].widths.length);
    for (const index of keys) {
      // their shortest forms first: as many as can be are labelled
      const item = items[index];
      const placed = placeLabel(
        item,
        item.widths.slice().reverse(),
        cores[index],
        null,
        lanes[item.lane],
        width,
        m,
      );
      placements[index] = Object.assign(placed, {
        form: placed.form === null ? null : item.widths.length - 1 - placed.form,
      });
    }
    const rest = inTime.filter((i) => shown[i] && !placements[i].shown);
    placements = placeMarks(items, cores, rest, lanes, placements, m);
    const unlabelled = order.filter((i) => placements[i].form === null);
    const hosts = unlabelled.filter((i) => placements[i].group > 1);
    const labelled = order.filter((i) => items[i].widths.length && alone(placements[i]));
    for (const index of hosts.concat(labelled.filter((i) => placements[i].form === null))) {
      const placed = placements[index];
      const widths = placed.group > 1 ? [countWidth(placed.group)] : items[index].widths;
      placements[index] = placeLabel(
        items[index],
        widths,
        cores[index],
        placed,
        lanes[items[index].lane],
        width,
        m,
      );
    }
    const cut = keys
      .filter((i) => placements[i].form > 0)
      .concat(labelled.filter((i) => placements[i].form > 0));
    for (const index of new Set(cut)) {
      // the key events' first: a cut label, made longer
      placements[index] = lengthen(
        items[index],
        cores[index],
        placements[index],
        lanes[items[index].lane],
        width,
        m,
      );
    }
    return placements;
  }

  function alone(placed) {
    return placed.shown && placed.host === null && placed.group === 1;
  }

  /* Each mark in the first row with room, or hosted by the nearest placed mark (the
     key events' already placed with their labels). */
  function placeMarks(items, cores, inTime, lanes, given, m) {
    const placements = given.slice();
    const placed = lanes.map(() => []);
    placements.forEach((p, index) => {
      if (p.shown) placed[items[index].lane].push(index);
    });
    for (const index of inTime) {
      const lane = items[index].lane;
      const target = targetOf(items[index], m);
      const row = lanes[lane].findIndex((taken) => isClear(taken, cores[index], target, m));
      if (row >= 0 || !placed[lane].length) {
        const at = row >= 0 ? row : lanes[lane].length - 1; // a lane too short for its title
        add(lanes[lane][at], cores[index]);
        placements[index] = {
          row: at,
          form: null,
          side: "right",
          shown: true,
          host: null,
          group: 1,
        };
        placed[lane].push(index);
        continue;
      }
      const near = placed[lane].filter(
        (i) => Math.abs(items[i].x - items[index].x) <= 2 * m.target,
      );
      const others = near.filter((i) => !items[i].key);
      const hosts = others.length ? others : placed[lane];
      let host = hosts[0];
      for (const other of hosts) {
        if (Math.abs(items[other].x - items[index].x) < Math.abs(items[host].x - items[index].x))
          host = other;
      }
      placements[index] = {
        row: placements[host].row,
        form: null,
        side: "right",
        shown: true,
        host: host,
        group: 1,
      };
      placements[host] = Object.assign({}, placements[host], { group: placements[host].group + 1 });
    }
    return placements;
  }

  /* Whether a stretch keeps clear of a row's others, and its front (the mark's target
     and the label: a bar may run under the title) of the row's title. */
  function isClear(row, stretch, front, m) {
    return (
      row.taken.every((other) => clear(stretch, other, m)) &&
      (row.title === null || clear(front, row.title, m))
    );
  }

  function add(row, stretch) {
    row.taken.push(stretch);
  }

  function remove(row, stretch) {
    const at = row.taken.findIndex((s) => s[0] === stretch[0] && s[1] === stretch[1]);
    if (at >= 0) row.taken.splice(at, 1);
  }

  function targetOf(item, m) {
    return [item.x - m.target / 2, item.x + m.target / 2];
  }

  /* The first form, row and side where the label fits beside its mark, the mark moving
     there; placed null: a key event's, whose mark is not placed yet. */
  function placeLabel(item, widths, core, placed, lane, width, m) {
    if (placed) remove(lane[placed.row], core);
    if (item.x >= 0 && item.x <= width) {
      for (let form = 0; form < widths.length; form++) {
        for (let row = 0; row < lane.length; row++) {
          for (const side of ["right", "left"]) {
            if (fits(item, core, widths[form], side, lane[row], width, m)) {
              add(lane[row], stretchOf(item, core, widths[form], side, m));
              const group = placed ? placed.group : 1;
              const base = placed || {
                row: 0,
                form: null,
                side: "right",
                shown: true,
                host: null,
                group: 1,
              };
              return Object.assign({}, base, {
                row: row,
                form: group > 1 ? COUNT : form,
                side: side,
              });
            }
          }
        }
      }
    }
    if (!placed) return { row: 0, form: null, side: "right", shown: false, host: null, group: 1 };
    add(lane[placed.row], core);
    return placed;
  }

  /* A cut label at its longest form that fits in its row now, on either side. */
  function lengthen(item, core, placed, lane, width, m) {
    const row = lane[placed.row];
    remove(row, stretchOf(item, core, item.widths[placed.form], placed.side, m));
    for (let form = 0; form < placed.form; form++) {
      for (const side of ["right", "left"]) {
        if (fits(item, core, item.widths[form], side, row, width, m)) {
          add(row, stretchOf(item, core, item.widths[form], side, m));
          return Object.assign({}, placed, { form: form, side: side });
        }
      }
    }
    add(row, stretchOf(item, core, item.widths[placed.form], placed.side, m));
    return placed;
  }

  function fits(item, core, size, side, row, width, m) {
    const start = labelStart(item, size, side, m);
    const front = stretchOf(item, targetOf(item, m), size, side, m);
    return (
      start >= 0 &&
      start + size <= width &&
      isClear(row, stretchOf(item, core, size, side, m), front, m)
    );
  }

  /* Whether any of an item's target or bar is in the plot: it is drawn, and its lane
     takes rows (generator/render/chart/labels.py in_view). */
  function inView(item, width, m) {
    const core = coreOf(item, m);
    return core[1] >= 0 && core[0] <= width;
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
    return (text, bold) => {
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

  /* The layout above is the one rule written here too (tests/test_chart_layout.py holds
     it to Python's on hundreds of generated cases, in Node). Every word and colour comes
     with the figure: the counts' label and a group's hover as templates (fill), the
     counts of the events outside any view, each scheme's colours as Plotly.update's
     arguments. */

  function scheme() {
    return document.body.getAttribute("data-md-color-scheme") === "slate" ? "dark" : "light";
  }

  /* The x axis's range in ms (r2l takes a calendar as its second argument: no map). */
  function viewOf(xa) {
    return [xa.r2l(xa.range[0]), xa.r2l(xa.range[1])];
  }

  /* A template of the figure's words with its {names} filled in, as Python's str.format
     fills the same template (generator/render/chart/labels.py, hover.py). */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
  }

  function escapeText(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /* --- the hover texts (generator/render/chart/hover.py) ------------------------------------ */

  const SPACES = /[\t\n\v\f\r ]+/; // as hover.py's: other spaces stay in words

  /* Escaped text in lines of at most `width` characters (hover.py wrap, line for line). */
  function wrap(text, width) {
    const words = text.split(SPACES).filter((word) => word);
    if (!words.length) return escapeText(text);
    const size = (word) => Array.from(word).length; // characters, as Python counts them
    if (size(text) <= width) return escapeText(words.join(" "));
    const lines = [];
    let line = [words[0]];
    let length = size(words[0]);
    words.slice(1).forEach((word) => {
      if (length + 1 + size(word) <= width) {
        line.push(word);
        length += 1 + size(word);
      } else {
        lines.push(line.join(" "));
        line = [word];
        length = size(word);
      }
    });
    lines.push(line.join(" "));
    return lines.map(escapeText).join("<br>");
  }

  /* An event's hover data, [id, title, date wording, "<br>Who: ..." or "", description]
     (hover.py customdata), from the figure's [id, date wording] and the event's entry in
     the list of events (page.entry: the page's own, or on the embeddable page the timeline
     page's): its title (the entry's first <strong>), the paragraphs after it but a
     picture and the closing line of its actors' names (each an <a><bdi>). */
  function hoverData([id, when], model, entry) {
    const item = entry(id);
    const title = item && item.querySelector("strong");
    if (!title) return [id, escapeText(id), when, "", ""];
    const width = model.hoverWidth;
    const parts = [];
    let names = [];
    const head = title.closest("li > *");
    for (let node = head && head.nextElementSibling; node; node = node.nextElementSibling) {
      if (node.matches("figure")) continue;
      const actors = node.matches("p") ? node.querySelectorAll(":scope > a > bdi") : [];
      if (!node.nextElementSibling && actors.length) {
        names = Array.from(actors, (bdi) => bdi.textContent);
      } else parts.push(node.textContent);
    }
    const who = names.length
      ? "<br>" + wrap(fill(model.words.who, { names: names.join(", ") }), width)
      : "";
    return [id, wrap(title.textContent, width), when, who, wrap(parts.join(" "), width)];
  }

  /* --- the chart ------------------------------------------------------------------------ */

  const DOUBLE_TAP_MS = 300; // Plotly's doubleClickDelay (its default), said once here
  const SAME_TAP_MS = 400; // how far apart the two clicks one tap can report may be

  /* A label's shorter forms come as the length of the title's start they keep, and a
     label the picture's layout leaves out as 0 (generator/render/chart/figure.py
     page_figure): read back once, before anything reads the model. */
  function readBack(model) {
    model.items.forEach((item) => {
      const full = item[5][0];
      item[5] = item[5].map((form) =>
        typeof form === "number" ? full.slice(0, form) + "…" : form,
      );
    });
    (model.openings || []).forEach((layer) => {
      layer.placed = layer.placed.map((p) => (p === 0 ? [0, -2, 0, 0, -1] : p));
    });
    return model;
  }

  function draw(Plotly, plot, figure, page) {
    const model = readBack(figure.layout.meta.timeline);
    const metrics = { target: model.target, radius: model.radius, gap: model.gap };
    const measure = measurer(figure.layout.font.family, 11);
    const countLabel = (number) => fill(model.words.count, { n: number });
    const touch = window.matchMedia(TOUCH).matches;
    const cleanups = [];
    let collide = page.collide !== false;
    let laying = Promise.resolve();
    let hideAlso = new Set(); // labels the measured boxes ruled out, until the view changes
    let current = []; // where each item is now
    let selected = null; // the event the panel shows (its place in time order), ringed
    let selecting = Promise.resolve(); // the selection being shown
    let steering = 0; // relayouts this script is making
    let layouts = 0; // layouts done
    // Until the view changes, the chart shows the picture's own layout for its width
    // (generator/render/chart/figure.py openings), so that nothing moves when it takes the picture's place.
    let opening = openingFor(
      plot.parentElement ? plot.parentElement.getBoundingClientRect().width : 0,
    );

    /* The colours of the reader's scheme, as Plotly.update takes them, and the
       selection ring's (generator/render/chart/palette.py plotly_update). */
    function palette() {
      return figure.layout.meta.palettes[scheme()];
    }

    function recolour() {
      return Plotly.update(plot, palette().data, palette().layout);
    }

    const start = figure; // coloured for the reader's scheme as soon as it is drawn
    // A fuzzy date's bar has its mark's hover data (the file carries it once, on the mark).
    model.items.forEach(([, mt, mp, bt, bp]) => {
      if (bt < 0) return;
      const bar = start.data[bt];
      if (!bar.customdata) bar.customdata = [];
      bar.customdata[bp] = start.data[mt].customdata[mp];
    });
    start.data.forEach((trace) => {
      trace.customdata = trace.customdata.map((data) => hoverData(data, model, page.entry));
    });
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
      modeBarButtons: [
        ["pan2d", "zoom2d", zoomInButton(Plotly), "zoomOut2d", "autoScale2d", "resetScale2d"],
      ],
    };

    function zoomInButton(Plotly) {
      return {
        name: "zoomInOnEvents",
        title: "Zoom in",
        icon: Plotly.Icons.zoom_plus,
        click: zoomIn,
      };
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
      const nearest = marks.reduce(
        (best, x) => (Math.abs(x - middle) < Math.abs(best - middle) ? x : best),
        marks[0],
      );
      const centre = inside || !marks.length ? middle : nearest;
      return steer([centre - quarter, centre + quarter]);
    }

    /* Moves the view (a range in ms) and lays it out; the relayout event it raises is
       this function's to handle, not the reader's. */
    function steer(range) {
      const xa = plot._fullLayout.xaxis;
      leaveOpening();
      steering += 1;
      return Plotly.relayout(plot, { "xaxis.range": range.map((ms) => xa.l2r(ms)) })
        .finally(() => (steering -= 1))
        .then(relayoutLabels);
    }

    /* Autoscale: every event in view, with a margin, held. Plotly's autorange would
       widen the view to fit the labels of the last layout, and again after each new one,
       moving every mark from under its label. */
    function pin() {
      const spans = model.events.map((index) => eventDays(index));
      const low = Math.min(...spans.map(([first]) => first));
      const high = Math.max(...spans.map(([, end]) => end));
      const pad = Math.max((high - low) / 20, 14 * DAY);
      return steer([low - pad, high + pad]);
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
        return {
          lane: lane,
          x: x,
          bar: bar,
          widths: forms.map((form) => measure(form)),
          key: key === 1,
        };
      });
    }

    /* The picture's layer shown in a box this wide (timeline.css: the widest whose
       min-width it reaches), decoded as placeItems returns placements. */
    function openingFor(box) {
      const layers = model.openings || [];
      let chosen = null;
      layers.forEach((layer) => {
        if (box >= layer.box) chosen = layer;
      });
      if (!chosen) return null;
      const placed = chosen.placed.map(([row, form, left, shown, host]) => ({
        row: row,
        form: form === -2 ? null : form,
        side: left ? "left" : "right",
        shown: shown === 1,
        host: host === -1 ? null : host,
        group: 1,
      }));
      placed.forEach((p) => {
        if (p.host !== null) placed[p.host].group += 1;
      });
      return placed;
    }

    /* The view changed: from now on the chart is laid out for it. */
    function leaveOpening() {
      opening = null;
    }

    /* Lays the chart out for the current view and width, draws it, checks it. */
    function relayoutLabels() {
      laying = laying
        .then(() => {
          if (!plot._fullLayout) return null;
          return redraw().then(() => {
            const overlapping = measuredOverlaps();
            if (!overlapping.length) return null;
            overlapping.forEach((note) => {
              hideAlso.add(note);
            });
            return redraw();
          });
        })
        .then(() => {
          updateOutside();
          layouts += 1;
          plot.setAttribute("data-layouts", String(layouts)); // what tests wait for
          return null;
        })
        .catch(() => {
          return null; // a layout that failed (the page going away) must not stop the next
        });
      return laying;
    }

    /* Plotly.react, not restyle: restyling data makes Plotly guess the axes' types (and
       ranges) again. The view the reader chose is in plot.layout. */
    function redraw() {
      const next = layoutFor(plot._fullLayout._size.w);
      const data = plot.data.map((trace, i) => Object.assign({}, trace, next.traces[i]));
      const layout = Object.assign({}, plot.layout, {
        annotations: next.annotations,
        shapes: next.shapes,
        height: next.height,
        yaxis: Object.assign({}, plot.layout.yaxis, next.yaxis),
      });
      keepFocusStill(() => {
        if (plot.parentElement) plot.parentElement.style.height = next.height + "px"; // the box
      });
      return Plotly.react(plot, data, layout, config);
    }

    function layoutFor(width) {
      const items = geometry(width);
      const frame = laneFrame(items, width);
      const rows = frame.rows;
      const reserved = model.lanes.map((lane) => model.gap / 2 + measure(lane.name, true));
      const countWidth = (number) => measure(countLabel(number));
      const placements =
        opening && collide
          ? opening
          : placeItems(
              items,
              model.inTime,
              model.order,
              width,
              rows,
              reserved,
              countWidth,
              metrics,
              collide,
            );
      current = placements;
      const ys = placements.map((placed, index) =>
        placed.host !== null
          ? model.hiddenY
          : rowCentre(frame.tops, model.items[index][0], placed.row),
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
      const shapes = plot.layout.shapes.slice(0, model.phases.length).concat(ring(placements, ys));
      phaseTitles(annotations, width);
      laneTitles(annotations, frame);
      model.items.forEach(([, mt, mp, , , forms], index) => {
        const placed = placements[index];
        const label = annotations[model.notes.labels + index];
        const right = placed.side === "right";
        const text =
          placed.form === COUNT ? countLabel(placed.group) : forms[placed.form || 0] || "";
        label.text = escapeText(text);
        label.visible =
          placed.shown && placed.form !== null && !hideAlso.has(model.notes.labels + index);
        label.x = plot.data[mt].x[mp];
        label.y = ys[index];
        label.xanchor = right ? "left" : "right";
        label.xshift = (right ? 1 : -1) * (model.radius + model.gap);
      });
      const yaxis = { range: [frame.tops[rows.length], 0], tickvals: frame.rules };
      const height = frame.tops[rows.length] + figure.layout.margin.t + figure.layout.margin.b;
      return {
        traces: traces,
        annotations: annotations,
        shapes: shapes,
        height: height,
        yaxis: yaxis,
      };
    }

    /* A chart grown or shrunk (lanes folding) moves what follows it: the control the
       reader is using below the chart (the panel's Next on a phone) stays where it was. */
    function keepFocusStill(change) {
      const focus = document.activeElement;
      const box = plot.parentElement;
      const below =
        focus &&
        box &&
        focus !== document.body &&
        !box.contains(focus) &&
        box.compareDocumentPosition(focus) & Node.DOCUMENT_POSITION_FOLLOWING;
      const before = below ? focus.getBoundingClientRect().top : 0;
      change();
      const moved = below ? focus.getBoundingClientRect().top - before : 0;
      if (moved) window.scrollBy(0, moved);
    }

    /* Each lane's rows in this view: the picture's while the chart shows its layout, else
       its rows whenever it has an event in view, and none (it folds away) when it has
       none; where each lane starts (the last: the plot's height), and the lines between
       them (generator/render/chart/plan.py rows_used, lane_tops, lane_rules). */
    function laneFrame(items, width) {
      const seen = model.lanes.map(() => false);
      items.forEach((item) => {
        if (inView(item, width, metrics)) seen[item.lane] = true;
      });
      const rows = model.lanes.map((lane, i) =>
        opening && collide ? lane.rows : seen[i] ? lane.most : 0,
      );
      const tops = [];
      let top = 0;
      rows.forEach((count) => {
        tops.push(top);
        if (count) top += count * model.row + model.lanePad;
      });
      tops.push(top);
      const rules = tops.filter((_, lane) => lane < rows.length && rows[lane]).slice(1);
      return { rows: rows, tops: tops, rules: rules };
    }

    /* A lane's title at the left of its first row, none for a lane folded away. */
    function laneTitles(annotations, frame) {
      frame.rows.forEach((count, lane) => {
        const note = annotations[model.notes.lanes + lane];
        note.visible = count > 0;
        note.y = rowCentre(frame.tops, lane, 0);
      });
    }

    /* A ring around the selected event's mark (or the mark that stands for it). */
    function ring(placements, ys) {
      if (selected === null) return [];
      let index = model.events[selected];
      if (!placements[index] || !placements[index].shown) return [];
      if (placements[index].host !== null) index = placements[index].host;
      const [, mt, mp] = model.items[index];
      const size = model.radius + 5;
      return [
        {
          type: "circle",
          xref: "x",
          yref: "y",
          xsizemode: "pixel",
          ysizemode: "pixel",
          xanchor: plot.data[mt].x[mp],
          yanchor: ys[index],
          x0: -size,
          x1: size,
          y0: -size,
          y1: size,
          layer: "above",
          line: { width: 2.5, color: palette().ring },
        },
      ];
    }

    /* The events a mark stands for: itself, then those it hosts, in the items' order. */
    function groupOf(index, placements) {
      return [index].concat(
        placements.map((p, i) => (p.host === index ? i : -1)).filter((i) => i >= 0),
      );
    }

    /* The hover of a mark that stands for several events (generator/render/chart/figure.py group_hover). */
    function groupHover(index, placements) {
      const group = groupOf(index, placements);
      const titles = group.map(
        (i) => plot.data[model.items[i][1]].customdata[model.items[i][2]][1],
      );
      const days = new Set(group.map((i) => plot.data[model.items[i][1]].x[model.items[i][2]]));
      const hint = days.size === 1 ? model.hover[3] : model.hover[2];
      const titled = titles.join(model.words.join);
      return fill(model.words.group, {
        count: countLabel(group.length),
        titles: titled,
        hint: hint,
      });
    }

    function rowCentre(tops, lane, row) {
      return tops[lane] + model.lanePad / 2 + row * model.row + model.row / 2;
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
          const isKey = (index) =>
            isLabel(index) && model.items[index - model.notes.labels][6] === 1;
          // Titles stay, and a key event's label stays while the other is not one.
          const loser =
            isLabel(b.index) && !(isKey(b.index) && !isKey(a.index)) ? b.index : a.index;
          bad.add(isLabel(loser) ? loser : Math.max(a.index, b.index));
        });
      });
      return Array.from(bad);
    }

    function intersect(a, b) {
      return (
        a.left + 0.5 < b.right &&
        b.left + 0.5 < a.right &&
        a.top + 0.5 < b.bottom &&
        b.top + 0.5 < a.bottom
      );
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

    /* The count of the events outside the view one way, as the figure words it
       (generator/render/chart/description.py outside_counts): its words and nearest event. */
    function counted(orders, direction) {
      const counts = model.outside[direction];
      const n = orders.length - 1;
      return n < 0 ? null : { words: counts.words[n], nearest: counts.nearest[n] };
    }

    function updateOutside() {
      const { earlier, later } = outside();
      [
        [page.earlier, earlier, "earlier"],
        [page.later, later, "later"],
      ].forEach(([link, orders, direction]) => {
        if (!link) return;
        const count = counted(orders, direction);
        link.hidden = count === null;
        if (!count) return;
        link.textContent = count.words;
        link.setAttribute("href", "#event-" + eventId(count.nearest));
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

    /* Frames the events just outside the view on one side: the nearest, and those within
       a view's width of it, with a margin, the view never narrower than a third of
       what it was (so a lone event shows with its surroundings). */
    function pan(direction) {
      const orders = outside()[direction];
      if (!orders.length) return laying;
      const [r0, r1] = viewOf(plot._fullLayout.xaxis);
      const width = r1 - r0;
      const spans = orders.map((order) => eventDays(model.events[order]));
      const near = eventDays(model.events[counted(orders, direction).nearest]);
      const group = spans.filter(
        ([first, end]) => Math.abs(first - near[0]) <= width && Math.abs(end - near[1]) <= width,
      );
      const low = Math.min(...group.map(([first]) => first));
      const high = Math.max(...group.map(([, end]) => end));
      const span = Math.max((high - low) * 1.2, width / 3);
      const middle = (low + high) / 2;
      return steer([middle - span / 2, middle + span / 2]);
    }

    /* Shows an event's tooltip (an index in time order), panning to it when it is out of
       view and zooming in while another mark stands for it: the keyboard's way through
       the chart. */
    function show(order, depth, mark) {
      const index = model.events[order];
      const xa = plot._fullLayout.xaxis;
      const [r0, r1] = viewOf(xa);
      const [mt, mp] = model.items[index].slice(1, 3);
      const x = xa.d2l(plot.data[mt].x[mp]);
      if (x < r0 || x > r1) return centreOn(order).then(() => show(order, depth, mark));
      const placed = current[index];
      if (placed && placed.host !== null && (depth || 0) < 12) {
        const quarter = (r1 - r0) / 4;
        return steer([x - quarter, x + quarter]).then(() => show(order, (depth || 0) + 1, mark));
      }
      if (mark) return relayoutLabels(); // the ring, where the event is
      const shown = placed && placed.host !== null ? model.items[placed.host] : model.items[index];
      return laying.then(() => {
        Plotly.Fx.hover(plot, [{ curveNumber: shown[1], pointNumber: shown[2] }]);
      });
    }

    /* Selects an event (its place in time order): the chart pans to it, zooms in while
       another mark stands for it, and rings it; the panel shows it. */
    function select(order) {
      selected = order;
      Plotly.Fx.unhover(plot);
      // One selection at a time, the latest only: views from quick clicks never cross.
      selecting = selecting
        .then(() => (selected === order ? show(order, 0, true) : null))
        .catch(() => null);
      return selecting;
    }

    /* A click on a mark that stands for several events zooms in on them, or, when they
       are all on one day, goes to the first in the list. */
    function openGroup(index) {
      const group = groupOf(index, current);
      const xa = plot._fullLayout.xaxis;
      const xs = group.map((i) => xa.d2l(plot.data[model.items[i][1]].x[model.items[i][2]]));
      const [low, high] = [Math.min(...xs), Math.max(...xs)];
      if (high === low) {
        const first = group.reduce((a, b) =>
          model.inTime.indexOf(a) < model.inTime.indexOf(b) ? a : b,
        );
        page.select(plot.data[model.items[first][1]].customdata[model.items[first][2]][0]);
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
        frame = window.requestAnimationFrame(() => {
          frame = null;
          // Plotly rejects resizing a hidden chart (as when printing, where CSS hides it).
          if (plot.getClientRects().length > 0) {
            leaveOpening();
            Plotly.Plots.resize(plot).then(relayoutLabels);
          }
        });
      }
      const schemes = new MutationObserver(() => {
        recolour();
      });
      schemes.observe(document.body, {
        attributes: true,
        attributeFilter: ["data-md-color-scheme"],
      });
      window.addEventListener("resize", resize);
      window.addEventListener("orientationchange", resize);
      // A new view: lay it out again, and its tooltip is stale.
      plot.on("plotly_relayout", (change) => {
        hideAlso = new Set();
        Plotly.Fx.unhover(plot);
        if (!steering) {
          leaveOpening();
          if (change && change["xaxis.autorange"]) pin();
          else relayoutLabels();
        }
      });
      // A tap or click anywhere else removes the tooltip a tap left behind.
      function elsewhere(event) {
        if (!plot.contains(event.target)) Plotly.Fx.unhover(plot);
      }
      document.addEventListener("pointerdown", elsewhere, true);
      // Ctrl + wheel (and a touchpad's pinch, which browsers send as one) zooms about the
      // pointer; the wheel alone scrolls the page.
      function wheel(event) {
        const area = plot.querySelector(".draglayer .nsewdrag");
        if (!event.ctrlKey || !area) return;
        event.preventDefault();
        const box = area.getBoundingClientRect();
        const [r0, r1] = viewOf(plot._fullLayout.xaxis);
        const at = r0 + ((event.clientX - box.left) / box.width) * (r1 - r0);
        const factor = Math.exp(Math.max(-1, Math.min(1, event.deltaY / 200)));
        steer([at - (at - r0) * factor, at + (r1 - at) * factor]);
      }
      plot.addEventListener("wheel", wheel, { passive: false });
      return () => {
        plot.removeEventListener("wheel", wheel);
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

    /* Two fingers on the plot zoom about their middle as they spread or pinch, and pan as
       they move together (one finger scrolls the page). The view follows the fingers,
       laid out afresh at each step it reaches; steps that come while one is being drawn
       are merged into the next. */
    function pinchZoom() {
      let start = null; // the view, the fingers' spread and middle when two touched
      let wanted = null; // the latest view the fingers ask for
      let moving = false;
      function fingers(event) {
        const area = plot.querySelector(".draglayer .nsewdrag");
        if (event.touches.length !== 2 || !area) return null;
        const box = area.getBoundingClientRect();
        const [a, b] = [event.touches[0], event.touches[1]];
        return {
          spread: Math.max(Math.abs(a.clientX - b.clientX), 16),
          middle: (a.clientX + b.clientX) / 2 - box.left,
          width: box.width,
        };
      }
      function begin(event) {
        const now = fingers(event);
        start = now ? { view: viewOf(plot._fullLayout.xaxis), at: now } : null;
      }
      function follow() {
        if (moving) return laying;
        if (wanted === null) {
          plot.removeAttribute("data-pinching"); // laid out where the fingers left it
          return laying;
        }
        const range = wanted;
        wanted = null;
        moving = true;
        plot.setAttribute("data-pinching", "");
        return steer(range).finally(() => {
          moving = false;
          follow();
        });
      }
      function move(event) {
        const now = start && fingers(event);
        if (!now) return;
        if (event.cancelable) event.preventDefault(); // not the browser's page zoom
        const [r0, r1] = start.view;
        const at = r0 + (start.at.middle / start.at.width) * (r1 - r0);
        const span = (r1 - r0) * Math.min(Math.max(start.at.spread / now.spread, 1 / 16), 16);
        const left = at - (now.middle / now.width) * span;
        wanted = [left, left + span];
        follow();
      }
      function end(event) {
        if (event.touches.length < 2) start = null;
      }
      plot.addEventListener("touchstart", begin, { passive: true });
      plot.addEventListener("touchmove", move, { passive: false });
      plot.addEventListener("touchend", end, { passive: true });
      plot.addEventListener("touchcancel", end, { passive: true });
      return () => {
        plot.removeEventListener("touchstart", begin);
        plot.removeEventListener("touchmove", move);
        plot.removeEventListener("touchend", end);
        plot.removeEventListener("touchcancel", end);
      };
    }

    /* Material's "Back to top" button floats over the top of the screen: while it would
       cover the chart's toolbar (a phone scrolled to the chart), it steps aside. */
    function toolbarClear() {
      const button = document.querySelector(".md-top");
      if (!button) return () => {};
      let frame = null;
      function check() {
        frame = null;
        const bar = plot.querySelector(".modebar");
        if (!bar) return;
        const a = bar.getBoundingClientRect();
        const b = button.getBoundingClientRect();
        const covers = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        button.classList.toggle("timeline-chart-toolbar-under", covers);
      }
      function soon() {
        if (frame === null) frame = window.requestAnimationFrame(check);
      }
      // Material shows the button by removing its hidden attribute, as the page scrolls.
      const shown = new MutationObserver(soon);
      shown.observe(button, { attributes: true, attributeFilter: ["hidden"] });
      window.addEventListener("scroll", soon, { passive: true });
      window.addEventListener("resize", soon);
      check();
      return () => {
        shown.disconnect();
        window.removeEventListener("scroll", soon);
        window.removeEventListener("resize", soon);
        if (frame !== null) window.cancelAnimationFrame(frame);
        button.classList.remove("timeline-chart-toolbar-under");
      };
    }

    /* A click or a tap on a mark selects its event: the panel shows it, the chart rings
       it. A mark that stands for several under a count zooms in on them instead. */
    function selectOnClick() {
      let last = { id: null, at: 0 };
      plot.on("plotly_click", (event) => {
        const point = event && event.points && event.points[0];
        const id = point && Array.isArray(point.customdata) ? point.customdata[0] : null;
        if (typeof id !== "string") return;
        const now = Date.now();
        if (id === last.id && now - last.at < SAME_TAP_MS) return; // one tap can report two clicks
        last = { id: id, at: now };
        const index = model.items.findIndex(
          (item) => item[1] === point.curveNumber && item[2] === point.pointNumber,
        );
        const placed = index >= 0 ? current[index] : null;
        // A mark labelled with its own title (a key event's) is its event's, even when
        // it stands for others too; a count, or no label, zooms in on them.
        if (placed && placed.group > 1 && !(placed.form >= 0)) openGroup(index);
        else page.select(id);
      });
      return () => {};
    }

    return Plotly.newPlot(plot, start.data, start.layout, config)
      .then(recolour)
      .then(relayoutLabels)
      .then(() => {
        cleanups.push(follow(), oneClickPerTap(), selectOnClick(), pinchZoom(), toolbarClear());
        window.ExplainerTimeline.current = {
          show: show,
          select: select,
          pan: pan,
          setCollide: (value) => {
            collide = value;
            leaveOpening();
            return relayoutLabels();
          },
          destroy: () => {
            cleanups.forEach((cleanup) => {
              cleanup();
            });
            Plotly.purge(plot);
          },
        };
        return window.ExplainerTimeline.current;
      });
  }

  /* draw; the layout rule, for the tests to hold to generator/render/chart/labels.py; and the
     chart drawn last (setCollide(false) turns the rule off, to show the tests can fail). */
  window.ExplainerTimeline = {
    draw: draw,
    layout: { placeItems: placeItems, placePhaseTitles: placePhaseTitles, inView: inView },
    current: null,
  };
})();
