# The entry point for people and CI. `make site` and `make test` are all the set-up
# a fresh machine (Python 3.11+, make) needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CONTENT ?= content
STORY ?=

SHARD ?= 1/1

.PHONY: site site-shard site-merge check serve preview test test-fast test-content test-slow lint lock engines schema screenshots bench bench-archive bench-split lighthouse clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Runtime dependencies (the site) and dev tools (tests) are installed from exact pins,
# each file checked against its hash (requirements*.txt, written by `make lock`); the
# stamp files make a second run instant and re-install when a pin changes.
$(VENV)/.site-deps: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev-deps: requirements-dev.txt $(VENV)/.site-deps
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@

## site: check the content, then build the website into site/, and measure it: a warning
##       past 80% of GitHub Pages' 1 GB, a failure past it (PAGES_LIMIT=<bytes>: another limit)
site: $(VENV)/.site-deps check
	$(BIN)/mkdocs build --strict --site-dir site
	$(BIN)/python -m generator size site --content $(CONTENT)$(if $(PAGES_LIMIT), --limit $(PAGES_LIMIT))

## site-shard: one part of a build split across machines (the deploy workflow's matrix,
##             SITE_SHARDS): SHARD=2/4 writes the 2nd of 4 into build/shards/2-of-4
site-shard: $(VENV)/.site-deps check
	EXPLAINER_SHARD=$(SHARD) $(BIN)/mkdocs build --strict --dirty --site-dir build/shards/$(subst /,-of-,$(SHARD))

## site-merge: every part's folder under build/shards/ put together into site/, indexed for
##             search and measured as `make site` does (generator/publish/shards.py)
site-merge: $(VENV)/.site-deps
	$(BIN)/python -m generator merge $(sort $(wildcard build/shards/*)) --out site
	$(BIN)/python -m generator size site --content $(CONTENT)$(if $(PAGES_LIMIT), --limit $(PAGES_LIMIT))

## check: validate every story under content/ and nothing else (STORY=<id>: that one only)
check: $(VENV)/.site-deps
	$(BIN)/python -m generator check $(CONTENT)$(if $(STORY), --story $(STORY))

## serve: live preview on http://127.0.0.1:8000/ (rebuilds when content/ changes)
##        STORY=<id>: that story alone, rebuilt in about a second however many there are
serve: $(VENV)/.site-deps check
	SITE_URL=http://127.0.0.1:8000/ $(if $(STORY),EXPLAINER_STORY=$(STORY) )$(BIN)/mkdocs serve \
		--dev-addr 127.0.0.1:8000

## preview: serve a built site for one review on 127.0.0.1, on a fresh random port it
##          prints (never serve's 8000): this checkout built for that address, or
##          SITE=<folder>, a pull request's unzipped site-preview artifact (devkit/preview.py)
preview: $(VENV)/.site-deps $(if $(SITE),,check)
	$(BIN)/python -m devkit.preview$(if $(SITE), --site $(SITE))

# The tiers of the tests (pytest markers, pyproject.toml): `build` and `browser` tests build
# sites with MkDocs, run commands or drive Chromium; `content` tests check the facts of the
# stories under content/. The fast tier is everything else, in this process.
# Three workers for every two CPUs: a browser test waits for pages and Chromium, so a CPU
# of its own would often stand idle (on 2 cores, 3 workers ran the suite in 6 min 21 s
# where 2 took 6 min 50 s, 6 December 2026).
TEST_WORKERS ?= $(shell echo $$(( ($$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2) * 3 + 1) / 2 )))
FAST := not build and not browser and not content
PARALLEL := -n $(TEST_WORKERS) --dist worksteal

## test: the whole test suite, browser tests included, in parallel (TEST_WORKERS: three
##       for every two CPUs by default; 0: in this process): the fast, slow and content tiers, all at once
test: $(VENV)/.dev-deps tests/npm/node_modules/.package-lock.json
	$(BIN)/python -m pytest $(PARALLEL)

## test-fast: the model, the checks, rendering and the page check of a small fixture, in
##            process: under a minute, for every save
test-fast: $(VENV)/.dev-deps tests/npm/node_modules/.package-lock.json
	$(BIN)/python -m pytest -m "$(FAST)"

## test-slow: the site built with MkDocs, the command line and the browser tests, in parallel
test-slow: $(VENV)/.dev-deps tests/npm/node_modules/.package-lock.json
	$(BIN)/python -m pytest $(PARALLEL) -m "build or browser"

## test-content: the facts of the stories under content/ (after an edit of content/)
test-content: $(VENV)/.dev-deps
	$(BIN)/python -m pytest -m content

## lint: ruff (lint, format) over all the Python; mypy strict over generator, devkit, bench,
##       scripts, tests; zizmor and GitHub's schemas over .github/; Biome over the JavaScript
lint: $(VENV)/.dev-deps tests/npm/node_modules/.package-lock.json
	$(BIN)/ruff check
	$(BIN)/ruff format --check
	$(BIN)/mypy
	$(BIN)/zizmor --offline --strict-collection --quiet .github .pre-commit-config.yaml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms \
		$(filter-out %/config.yml,$(wildcard .github/ISSUE_TEMPLATE/*.yml))
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-config \
		.github/ISSUE_TEMPLATE/config.yml
	$(JS_LINT)

# The JavaScript's linter and formatter: Biome, pinned in tests/npm/package.json, set in
# biome.json (one style: two spaces, double quotes, semicolons). `biome ci` changes
# nothing; `tests/npm/node_modules/.bin/biome check --write` formats and fixes.
JS_LINT ?= tests/npm/node_modules/.bin/biome ci --reporter=summary --colors=off

## lock: re-resolve requirements*.in into requirements*.txt (exact pins with hashes), keeping
##       today's pins; LOCK_UPGRADE=1 proposes the newest releases the .in ranges allow
PIP_TOOLS := pip-tools==7.7.0
LOCK_OPTS := --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	--no-emit-find-links --annotation-style line $(if $(LOCK_UPGRADE),--upgrade)
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet $(PIP_TOOLS)
	.lock-venv/bin/pip-compile $(LOCK_OPTS) -o requirements.txt requirements.in
	.lock-venv/bin/pip-compile $(LOCK_OPTS) -o requirements-dev.txt requirements-dev.in
	.lock-venv/bin/pip-compile $(LOCK_OPTS) -o requirements-engines.txt requirements-engines.in
	rm -rf .lock-venv

## engines: build the site with MkDocs (the plugin), then the project `generator build --out`
##          writes with ProperDocs and with Zensical (requirements-engines.txt, in a venv of
##          its own), index each for search, and compare every page's article text with the
##          MkDocs build's: they must be identical
ENGINES := build/engines
ENGINE_PROJECT := $(ENGINES)/project
$(ENGINES)/venv/.deps: requirements.txt requirements-engines.txt pyproject.toml
	rm -rf $(ENGINES)/venv && $(PYTHON) -m venv $(ENGINES)/venv
	$(ENGINES)/venv/bin/python -m pip install --quiet --require-hashes -r requirements.txt
	$(ENGINES)/venv/bin/python -m pip install --quiet --require-hashes -r requirements-engines.txt
	$(ENGINES)/venv/bin/python -m pip install --quiet --no-deps -e .
	touch $@

engines: $(VENV)/.site-deps $(ENGINES)/venv/.deps
	rm -rf $(ENGINES)/mkdocs $(ENGINES)/properdocs $(ENGINES)/zensical $(ENGINE_PROJECT)
	SOURCE_DATE_EPOCH=1700000000 $(BIN)/mkdocs build --strict --quiet --site-dir $(ENGINES)/mkdocs
	$(BIN)/python -m generator build --out $(ENGINE_PROJECT) $(CONTENT)
	SOURCE_DATE_EPOCH=1700000000 $(ENGINES)/venv/bin/properdocs build --strict --quiet \
		--config-file $(ENGINE_PROJECT)/mkdocs.yml --site-dir $(CURDIR)/$(ENGINES)/properdocs
	$(BIN)/python -m generator terms $(ENGINES)/properdocs $(CONTENT)
	$(BIN)/python -m generator csp $(ENGINES)/properdocs
	$(BIN)/python -m generator sitemap $(ENGINES)/properdocs
	$(BIN)/python -m generator search $(ENGINES)/properdocs
	cd $(ENGINE_PROJECT) && ../venv/bin/zensical build --strict --clean
	mv $(ENGINE_PROJECT)/site $(ENGINES)/zensical
	$(BIN)/python -m generator terms $(ENGINES)/zensical $(CONTENT)
	$(BIN)/python -m generator csp $(ENGINES)/zensical
	$(BIN)/python -m generator sitemap $(ENGINES)/zensical
	$(BIN)/python -m generator search $(ENGINES)/zensical
	$(BIN)/python -m devkit.engines $(ENGINES)/mkdocs $(ENGINES)/properdocs $(ENGINES)/zensical

## schema: regenerate the JSON Schema files editors' tools use
schema: $(VENV)/.site-deps
	$(BIN)/python -m generator schema

## screenshots: take the README's screenshots again from the built site
screenshots: $(VENV)/.dev-deps site
	$(BIN)/python scripts/screenshots.py --site site --out screenshots
	EXPLAINER_CONTENT=tests/fixtures/dense $(BIN)/mkdocs build --strict --quiet --site-dir build/dense-site
	$(BIN)/python scripts/screenshots.py --site build/dense-site --story synthetic-long-story \
		--pages timeline --chart --prefix dense- --out screenshots
	EXPLAINER_CONTENT=tests/fixtures/news $(BIN)/mkdocs build --strict --quiet --site-dir build/news-site
	$(BIN)/python scripts/screenshots.py --site build/news-site --story example-lead-summit \
		--pages home story --prefix news- --out screenshots

clean:
	rm -rf site .pytest_cache

## bench: build time at scale, reload time, page weight, Lighthouse; rewrites bench/README.md
##        BENCH_QUICK=1: 1 and 10 stories only; BENCH_SIZES="1 10 100 300": other sizes
bench: $(VENV)/.dev-deps bench/node_modules/.package-lock.json
	BENCH_COMMAND='make bench$(if $(BENCH_QUICK), BENCH_QUICK=1)$(if $(BENCH_SIZES), BENCH_SIZES="$(BENCH_SIZES)")' \
	$(BIN)/python bench/run.py all $(if $(BENCH_QUICK),--quick) $(if $(BENCH_SIZES),--sizes $(BENCH_SIZES))

## bench-archive: a newsroom's archive, 1, 100, 1,000 and 3,000 synthetic stories, one build
##                each (most of an hour on 2 cores): site size, build time and memory
##                (bench/archive.py); BENCH_SIZES="1 100": other sizes
bench-archive: $(VENV)/.dev-deps
	BENCH_COMMAND='make bench-archive$(if $(BENCH_SIZES), BENCH_SIZES="$(BENCH_SIZES)")' \
	nice $(BIN)/python bench/run.py archive $(if $(BENCH_SIZES),--sizes $(BENCH_SIZES))

## bench-split: 1,000 synthetic stories built once and in 4 shards, then merged, in one run
##              (bench/split.py): each shard's time, the merge's, the ratio to one build;
##              BENCH_SIZES="3000", BENCH_SHARDS=8: other sizes and shards
bench-split: $(VENV)/.dev-deps
	BENCH_COMMAND='make bench-split$(if $(BENCH_SIZES), BENCH_SIZES="$(BENCH_SIZES)")$(if $(BENCH_SHARDS), BENCH_SHARDS=$(BENCH_SHARDS))' \
	nice $(BIN)/python bench/run.py split $(if $(BENCH_SIZES),--sizes $(BENCH_SIZES)) $(if $(BENCH_SHARDS),--shards $(BENCH_SHARDS))

## lighthouse: Lighthouse's four scores of one page of each kind (the timeline's performance
##             the median of 5) against their targets, in a table; fails on a miss
##             (bench/lighthouse.py; EVERY_PAGE=1: the accessibility of every page too)
lighthouse: $(VENV)/.dev-deps bench/node_modules/.package-lock.json
	$(BIN)/python bench/lighthouse.py$(if $(EVERY_PAGE), --every-page)

# axe-core, pinned in tests/npm/package-lock.json, for the accessibility tests.
tests/npm/node_modules/.package-lock.json: tests/npm/package.json tests/npm/package-lock.json
	npm ci --prefix tests/npm --no-audit --no-fund

# Lighthouse, pinned in bench/package-lock.json, for the benchmarks only.
bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund
