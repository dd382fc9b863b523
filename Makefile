# Återkoppla's everyday commands. Needs only python3 and make: the first command creates .venv
# and installs the pinned dependencies (requirements.lock); later ones reinstall only when
# pyproject.toml or requirements.lock has changed.
#
#   make run        serve the demo at http://127.0.0.1:8000/
#   make test       run every test, in parallel; pass pytest options with ARGS="-k journey -x"
#                   and the number of processes with WORKERS=1 (default: one per core)
#   make lint       ruff check and ruff format --check
#   make typecheck  mypy with django-stubs on aterkoppla/, and the import layers (lint-imports)
#   make format     sort imports and format with ruff
#   make messages   extract the Swedish strings into the catalogue and compile it
#   make checkcatalog   fail on untranslated or fuzzy strings, or a stale .mo
#   make languagemodel  refit the language check's second reader after a corpus change
#   make ci         what CI runs (.ci/run)
#   make clean      remove the venv, caches and test artefacts (never data/)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
ARGS ?=
# pytest-xdist processes for `make test`: one per core; each has its own test database.
WORKERS ?= auto

# $(call apt_install_if_missing,COMMAND,PACKAGE,WHAT IS LOST WITHOUT IT): as root on Debian,
# install PACKAGE when COMMAND is missing; otherwise say what to do.
define apt_install_if_missing
@if ! command -v $(1) >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's $(2) ($(1) is missing)…"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2); } \
	      || echo "Could not install $(2): $(3)"; \
	  else \
	    echo "$(1) is missing: $(3) Install Debian's $(2) (sudo apt-get install $(2))."; \
	  fi; \
	fi
endef

# PDFs (call sheets, letters) are drawn by WeasyPrint, which needs Pango from the OS.
define pango_if_missing
@if ! ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so.0'; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Debian's Pango (WeasyPrint draws the PDFs with it)…"; \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; } \
	      || echo "Could not install Pango: PDFs (call sheets, letters) will not be made."; \
	  else \
	    echo "Pango is missing: PDFs will not be made. Install libpango-1.0-0 and libpangoft2-1.0-0."; \
	  fi; \
	fi
endef

.PHONY: help run test lint typecheck format messages checkcatalog languagemodel ci clean

help:
	@sed -n 's/^#   //p' Makefile

$(BIN)/pip:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml requirements.lock | $(BIN)/pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	@touch $@

run: $(STAMP)
	$(pango_if_missing)
	$(BIN)/aterkoppla serve --demo

test: $(STAMP)
	$(call apt_install_if_missing,/usr/bin/chromium,chromium,the browser tests will skip.)
	$(pango_if_missing)
	@$(BIN)/pytest -n $(WORKERS) --dist worksteal $(ARGS) || { status=$$?; \
	  if [ $$status = 5 ]; then echo "make test: pytest collected no tests." >&2; fi; \
	  exit $$status; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

format: $(STAMP)
	$(BIN)/ruff check --select I --fix .
	$(BIN)/ruff format .

# makemessages scans the working directory, so it runs inside the package; the data folder
# (secret key, database) stays where the other commands keep it.
messages: $(STAMP)
	$(call apt_install_if_missing,xgettext,gettext,makemessages cannot extract strings.)
	cd aterkoppla && ATERKOPPLA_DATA_DIR="$${ATERKOPPLA_DATA_DIR:-$(CURDIR)/data}" \
	  ../$(BIN)/aterkoppla makemessages --locale sv --no-obsolete --no-location
	$(BIN)/aterkoppla compilecatalog

checkcatalog: $(STAMP)
	$(call apt_install_if_missing,xgettext,gettext,checkcatalog --refresh cannot run.)
	$(BIN)/aterkoppla checkcatalog --refresh

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache test-artifacts build dist *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

languagemodel: $(STAMP)
	$(BIN)/python scripts/train_language_model.py
