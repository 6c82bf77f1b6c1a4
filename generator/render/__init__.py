"""Rendering: a valid story into the site's files.

:mod:`.build` is the way in: it loads the content, lists each story's pages
(:mod:`.pages`), renders them from Jinja templates (:mod:`.render`, ``templates/``) and
adds feeds, open data, pictures and links between stories. The timeline chart is
:mod:`generator.render.chart`.
"""
