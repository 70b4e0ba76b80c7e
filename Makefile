# The README's two commands:  `make digest`  and  `make test`.
# Both work on a fresh clone: they install the Debian packages the project needs (as root,
# with apt-get, only when missing), create .venv and install the package into it.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONHASHSEED := 0

# Debian packages: WeasyPrint (pango, harfbuzz-subset), the PDF font, PDF/browser test tools.
RUNTIME_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fontconfig
TEST_DEBS    := chromium poppler-utils shellcheck
APT_GET      := $(shell command -v apt-get 2>/dev/null)
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: digest test lint system-runtime system-test venv venv-test check build site briefs \
        goldens bench bench-all bench-budgets eval clean help

help:
	@echo "make digest   set up and build the digest (docs/, site/, briefs) from seeds/"
	@echo "make test     set up and run the whole test suite (lint, unit, golden, browser)"
	@echo "make goldens  regenerate the golden pages on purpose"
	@echo "make bench    run the benchmarks and print their figures"
	@echo "make bench-budgets  the budgets of issue 11 alone (BENCH_ARGS=--quick: 200/1,000)"
	@echo "make eval     score the real-article set (dev and blind splits) with digest eval"

# --- system packages -------------------------------------------------------------------
define apt_install
	@missing=""; for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ -z "$(APT_GET)" ]; then echo "Please install:$$missing"; exit 1; fi; \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

system-runtime:
	$(call apt_install,$(RUNTIME_DEBS))

system-test: system-runtime
	$(call apt_install,$(TEST_DEBS))

# --- Python environment ------------------------------------------------------------------
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

venv: system-runtime $(VENV)/.installed
venv-test: system-test $(VENV)/.installed-test

# --- the main job ------------------------------------------------------------------------
digest: venv
	-$(BIN)/digest ingest --feeds --into seeds   # a dead feed is reported, never fatal
	$(BIN)/digest ingest seeds/raw/* --into seeds
	$(BIN)/digest check seeds
	$(BIN)/digest build --strict
	@echo "Site: site/index.html   Briefs: docs/briefs/   Export: docs/digest.json"

check: venv
	$(BIN)/digest check seeds --strict

# --- tests -------------------------------------------------------------------------------
lint: venv-test
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/ruff format --check generator tests benchmarks

test: venv-test lint
	$(BIN)/pytest -q -n 2 --dist loadgroup

goldens: venv-test
	UPDATE_GOLDENS=1 $(BIN)/pytest -q tests/test_golden.py

bench: venv
	$(BIN)/python benchmarks/run_all.py

bench-all: venv-test
	$(BIN)/python benchmarks/run_all.py --all

# Every budget (cold, +50, unchanged, site vs bare MkDocs, stage growth, memory, briefs,
# search index) with its target and PASS/FAIL, measured in one run; also part of `make bench`.
bench-budgets: venv
	$(BIN)/python benchmarks/bench_budgets.py $(BENCH_ARGS)

# Topics, titles, dates, outlets and language on the real-article set, per split.
eval: venv
	$(BIN)/digest eval tests/data/realset --brief

clean:
	rm -rf site .cache .pytest_cache test-artifacts
