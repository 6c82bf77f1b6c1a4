"""The timeline chart: a Plotly figure built from a story, its static picture and words.

:mod:`.figure` is the way in. :mod:`.lanes` and :mod:`.plan` decide what is drawn and
where, :mod:`.labels` places labels (the rule the browser repeats after a zoom),
:mod:`.hover`, :mod:`.notes` and :mod:`.description` word it, :mod:`.palette` colours it,
:mod:`.preview` draws the picture shown before (or without) JavaScript, and :mod:`.page`
gathers what a page needs.
"""
