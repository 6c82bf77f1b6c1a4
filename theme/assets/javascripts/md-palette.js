/* Material for MkDocs 9.8.2's palette script (its partials/javascripts/palette.html writes
 * it inline on every page), from this cached file instead: theme/partials/javascripts/
 * palette.html loads it in the header, where Material has the palette's form and runs
 * it. The site's copy first writes that form and the search button
 * (generator/publish/header_controls.py puts them at the top of this file), then
 * applies the palette the reader chose before the first paint.
 */
(() => {
  const palette = __md_get("__palette");
  if (!palette || !palette.color) return;
  if (palette.color.media === "(prefers-color-scheme)") {
    const light = matchMedia("(prefers-color-scheme: light)").matches;
    const input = document.querySelector(
      `[data-md-color-media='(prefers-color-scheme: ${light ? "light" : "dark"})']`,
    );
    palette.color.media = input.getAttribute("data-md-color-media");
    palette.color.scheme = input.getAttribute("data-md-color-scheme");
    palette.color.primary = input.getAttribute("data-md-color-primary");
    palette.color.accent = input.getAttribute("data-md-color-accent");
  }
  for (const [key, value] of Object.entries(palette.color))
    document.body.setAttribute("data-md-color-" + key, value);
})();

/* The radio of the palette in use is the checked one, found as Material's bundle finds
 * it (the stored choice, else the first whose media query matches), so that Tab, which
 * stops on a radio group's checked radio, reaches the switch the reader sees, with its
 * focus ring and its name ("Switch to light mode" on a dark page); with none checked it
 * stopped on the first, whose label is hidden on a dark page.
 */
(() => {
  const inputs = [...document.querySelectorAll("input[name=__palette]")];
  if (!inputs.length) return;
  const stored = __md_get("__palette");
  const index =
    stored && Number.isInteger(stored.index)
      ? stored.index
      : inputs.findIndex((input) => matchMedia(input.getAttribute("data-md-color-media")).matches);
  inputs[Math.max(0, Math.min(index, inputs.length - 1))].checked = true;
})();
