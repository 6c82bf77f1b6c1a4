"""Publishing: the rendered files handed to the site engine, and what runs after it.

:mod:`.plugin` (the MkDocs plugin ``explainer``) is the only module that talks to
MkDocs; :mod:`.project` writes the project any engine builds (``build --out``). After the
engine has written the HTML, :mod:`.search` indexes it, :mod:`.csp` writes each page's policy, and
:mod:`.sitesize` measures the site against what GitHub Pages publishes. :mod:`.palette`
is the dark palette for readers without JavaScript.
"""
