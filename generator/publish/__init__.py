"""Publishing: the rendered files handed to the site engine, and what runs after it.

:mod:`.hooks` is the only module that talks to MkDocs. After the engine has written
the HTML, :mod:`.search` indexes it, :mod:`.csp` writes each page's policy, and
:mod:`.sitesize` measures the site against what GitHub Pages publishes. :mod:`.palette`
is the dark palette for readers without JavaScript.
"""
