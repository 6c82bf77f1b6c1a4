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
