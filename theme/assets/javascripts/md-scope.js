/* Material for MkDocs 9.8.2's helpers (its partials/javascripts/base.html writes them
 * inline on every page), from this cached file instead: theme/partials/javascripts/
 * base.html loads it in <head>, before the palette's script and Material's bundle, which
 * call them. The site's root, which scopes what Material keeps in localStorage, is read
 * from this file's own address (assets/javascripts/) rather than written into each page
 * (or, as Material does, from mkdocs.yml's extra.scope, relative to the page).
 */
var __md_scope = document.currentScript.dataset.scope
  ? new URL(document.currentScript.dataset.scope, location) // mkdocs.yml's extra.scope
  : new URL("../..", document.currentScript.src);

function __md_hash(text) {
  return [...text].reduce((hash, char) => (hash << 5) - hash + char.charCodeAt(0), 0);
}

function __md_get(key, storage = localStorage, scope = __md_scope) {
  return JSON.parse(storage.getItem(scope.pathname + "." + key));
}

function __md_set(key, value, storage = localStorage, scope = __md_scope) {
  try {
    storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
  } catch (_) {
    // storage full or refused: the choice is not kept
  }
}

// The page runs scripts: what only works with them may show from the first paint (the
// search button, search.css), before Material's bundle, at the page's end, marks the
// same class.
document.documentElement.classList.add("js");
