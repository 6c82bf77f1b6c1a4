/*
 * Runs timeline-chart.js's layout rule (placeItems, placePhaseTitles) on the cases that
 * tests/layout_cases.py wrote, each with the placements generator/render/chart/labels.py
 * gave it, and says where the two disagree:
 *
 *   node tests/layout_agreement.mjs cases.json
 *
 * Exits 0 and prints "N cases agree" when every placement is the same, 1 with the first
 * disagreements otherwise. The script is loaded as the browser loads it, with a window of
 * its own and no document (the rule needs none).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";

const HERE = dirname(fileURLToPath(import.meta.url));
const SCRIPT = join(HERE, "..", "theme", "assets", "javascripts", "timeline-chart.js");
const SHOWN = 5; // disagreements printed

function rule() {
  const sandbox = { window: {} };
  runInNewContext(readFileSync(SCRIPT, "utf8"), sandbox, { filename: SCRIPT });
  return sandbox.window.ExplainerTimeline.layout;
}

function run(layout, c) {
  const counts = (n) => {
    if (!(String(n) in c.counts)) throw new Error(`no width for a count of ${n}`);
    return c.counts[n];
  };
  const placed = layout.placeItems(
    c.items,
    c.inTime,
    c.order,
    c.width,
    c.rows,
    c.reserved,
    counts,
    c.metrics,
    c.collide,
  );
  const titles = layout.placePhaseTitles(
    c.phases.bands,
    c.phases.widths,
    c.phases.order,
    c.width,
    c.metrics,
    c.collide,
  );
  return {
    items: placed.map((p) => [p.row, p.form, p.side, p.shown, p.host, p.group]),
    phases: titles.map((t) => (t === null ? null : [t.row, t.start, t.form])),
  };
}

/* The first difference between two placements, as a sentence, or null. */
function difference(found, expected) {
  for (const kind of ["items", "phases"]) {
    if (found[kind].length !== expected[kind].length) {
      return `${kind}: ${found[kind].length} placed, Python ${expected[kind].length}`;
    }
    for (let i = 0; i < expected[kind].length; i++) {
      const js = JSON.stringify(found[kind][i]);
      const py = JSON.stringify(expected[kind][i]);
      if (js !== py) return `${kind}[${i}]: JavaScript ${js}, Python ${py}`;
    }
  }
  return null;
}

function main(path) {
  const cases = JSON.parse(readFileSync(path, "utf8"));
  const layout = rule();
  const wrong = [];
  for (const c of cases) {
    let found;
    try {
      found = run(layout, c);
    } catch (error) {
      wrong.push(`${c.name}: ${error.message}`);
      continue;
    }
    const differs = difference(found, c.expected);
    if (differs) wrong.push(`${c.name}: ${differs}`);
  }
  if (wrong.length) {
    console.log(`${wrong.length} of ${cases.length} cases disagree:`);
    for (const line of wrong.slice(0, SHOWN)) console.log(`  ${line}`);
    process.exitCode = 1;
    return;
  }
  console.log(`${cases.length} cases agree`);
}

main(process.argv[2]);
