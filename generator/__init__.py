"""Explainer generator: news stories described in YAML, published as a website.

The pipeline, one module a stage: ``yamlsource`` reads YAML with positions, ``load``
validates it into the ``models``, ``render`` turns a story into Markdown pages with
``charts``, and ``hooks`` hands the pages to MkDocs.
"""
