# Two commands for a fresh clone (CPython 3.11, 3.12 or 3.13 with make is all it needs):
#   make lab    set up .venv and start JupyterLab at the welcome lesson
#   make test   set up .venv and run the whole test suite
# The install step is skipped when the lock files and pyproject.toml have not changed.
# PYTHON: the newest of python3.13, python3.12, python3.11, python3 that is a supported CPython
# (tools/python.sh); `make lab PYTHON=/path/to/python3.12` chooses one. A .venv made by another
# Python version is rebuilt: the stamp below is named after the version that built it.

ifeq ($(origin PYTHON),undefined)
PYTHON := $(shell sh tools/python.sh pick)
endif
PY_VERSION := $(shell sh tools/python.sh version "$(PYTHON)")
VENV   ?= .venv
STUDENT_COPY ?= build/student-copy
PORT   ?= 8888
HUB_PORT ?= 8000
BIN    := $(VENV)/bin
WELCOME := notebooks/00_welcome.ipynb
LOCKS  := binder/requirements.txt requirements-test.txt pyproject.toml binder/overrides.json
STAMP  := $(VENV)/.installed-python$(PY_VERSION)
# configurable-http-proxy for the JupyterHub tests (tests/hub), pinned in tools/hub/package-lock.json
PROXY_STAMP := tools/hub/node_modules/.installed
# Jupyter refuses to run as root unless told (containers, CI); harmless otherwise
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
# pytest-xdist workers; each notebook stays on one worker (--dist loadscope)
JOBS   ?= 2

.PHONY: help setup python lab hub test test-fast bench bench-class student-copy lint format strip lock clean

help:
	@echo "make lab [PORT=8888]  start JupyterLab at the welcome lesson (sets up .venv first)"
	@echo "make python           say which Python (3.11 to 3.13) sets up .venv; PYTHON=... chooses"
	@echo "make hub [HUB_PORT=8000]  a JupyterHub for a trial class on 127.0.0.1 (learners, link)"
	@echo "make test             run unit tests, every notebook (nbval), hygiene and browser tests"
	@echo "make bench            print speed and memory figures (name: value unit)"
	@echo "make bench-class      only the class capacity run: K learners at once (minutes)"
	@echo "make student-copy     the course without solutions, in build/student-copy (STUDENT_COPY=...)"
	@echo "make lint / format    ruff over code and notebooks"
	@echo "make strip            strip outputs and widget state from every notebook"
	@echo "make lock             regenerate the pinned package set (maintainers)"

setup: $(STAMP) $(PROXY_STAMP)

$(STAMP): $(LOCKS)
	@sh tools/python.sh check "$(PYTHON)"
	@if [ -e $(VENV) ] && [ "$$(sh tools/python.sh version $(BIN)/python)" != "$(PY_VERSION)" ]; then \
		echo ">>> $(VENV) was not made by Python $(PY_VERSION): removing it to rebuild"; \
		rm -rf $(VENV); fi
	@echo ">>> setting up $(VENV) with $(PYTHON) (Python $(PY_VERSION)) from the pinned package set"
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	@rm -f $(VENV)/.installed*
	@touch $(STAMP)

$(PROXY_STAMP): tools/hub/package.json tools/hub/package-lock.json
	@if command -v npm >/dev/null; then \
		echo ">>> npm ci: configurable-http-proxy for the hub tests"; \
		npm ci --prefix tools/hub --no-audit --no-fund --loglevel=error && touch $@; \
	else echo ">>> no npm: the hub tests (tests/hub) will skip; apt-get install nodejs npm"; fi

# the interpreter `make setup` would use, or the message saying what to install
python:
	@sh tools/python.sh check "$(PYTHON)"
	@echo "$(PYTHON) (Python $(PY_VERSION))"

lab: $(STAMP)
	@echo ">>> JupyterLab will be at http://127.0.0.1:$(PORT)/lab/tree/$(WELCOME)"
	@echo ">>> (the full URL with its access token is printed below; Ctrl-C stops the server)"
	$(BIN)/jupyter lab --ip=127.0.0.1 --port=$(PORT) --ServerApp.port_retries=0 \
		--ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/$(WELCOME) $(ALLOW_ROOT)

hub: $(STAMP) $(PROXY_STAMP)
	$(BIN)/python -m tools.hub.local_hub --port $(HUB_PORT)

test: $(STAMP) $(PROXY_STAMP)
	$(BIN)/python -m pytest -n $(JOBS) --dist loadscope $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python -m bench

bench-class: $(STAMP)
	$(BIN)/python -m bench class

student-copy: $(STAMP)
	$(BIN)/python tools/student_copy.py $(STUDENT_COPY)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

strip: $(STAMP)
	$(BIN)/nbstripout --keep-id notebooks/*.ipynb

lock:
	bash tools/lock.sh

clean:
	rm -rf $(VENV) .venv-3.* tools/hub/node_modules build *.egg-info .pytest_cache artifacts
