"""Reading and validating content: ``content/<story>/*.yml`` into typed stories.

YAML is read with the position of every value (:mod:`.yamlsource`), validated into the
models (:mod:`.models`, :mod:`.validation`), checked across files (:mod:`.references`,
:mod:`.sides`, :mod:`.related`) and warned about (:mod:`.advice`). :mod:`.load` is the
way in. Nothing here renders: ``check`` loads this package alone.
"""
