"""What editors and maintainers run: the command line (:mod:`.cli`), a new story's
folder (:mod:`.scaffold`) and what changed between two content folders
(:mod:`.contentdiff`)."""
