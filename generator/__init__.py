"""Explainer generator: news stories described in YAML, published as a website.

The pipeline is four stages, one package each, and imports only point down the list:

- :mod:`generator.content` reads and validates what editors write (YAML with positions,
  the models, references, warnings);
- :mod:`generator.render` turns a valid story into the site's files (pages, templates,
  feeds, pictures, related stories), with the timeline in :mod:`generator.render.chart`;
- :mod:`generator.publish` hands the files to the site engine (MkDocs), then indexes and
  checks what it wrote (search, palette, Content-Security-Policy, size);
- :mod:`generator.tools` is what editors run (the command line, a new story, a diff).

:mod:`generator.settings` holds what every stage may need.
"""
