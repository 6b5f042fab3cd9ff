# nbship — the two commands a newcomer runs: `make demo` and `make test`.
# Each installs what it needs (Python tools into .venv; Debian packages when root).

SWIFT        ?= swift
PYTHON       ?= python3
VENV         := .venv
VPY          := $(VENV)/bin/python
NBSHIP       := .build/debug/nbship
DEMO_NB      := fixtures/demo/iris_classifier.ipynb
export NBSHIP_TEST_PYTHON := $(abspath $(VPY))

.PHONY: all build test demo bench fuzz setup setup-python setup-system setup-bench clean help

all: build

help:
	@echo "make demo   - set up, build, and run nbship on the bundled example notebook"
	@echo "make test   - set up, build, and run the whole test suite (Swift Testing + real tools)"
	@echo "make bench  - measure nbship against its peers (ratios from one run)"
	@echo "make fuzz   - run the libFuzzer targets (FUZZ_SECONDS each, default 600)"

# Python tools the tests use: IPython (the lowering oracle) and nbformat.
$(VENV)/.stamp-test: requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

setup-python: $(VENV)/.stamp-test

setup: setup-python

# Debian packages the image builder and its tests use (libarchive to build; the rest are
# independent checkers and the Debian base builder). Skipped when all are present.
SYSTEM_PACKAGES := libarchive-dev skopeo umoci podman mmdebstrap uidmap
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
setup-system:
	@dpkg-query -W -f='$${Status}\n' $(SYSTEM_PACKAGES) 2>/dev/null | grep -c '^install ok installed$$' | grep -qx '$(words $(SYSTEM_PACKAGES))' \
		|| ($(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends $(SYSTEM_PACKAGES))

build:
	$(SWIFT) build

test: setup setup-system build
	$(SWIFT) test

demo: setup build
	$(NBSHIP) plan $(DEMO_NB)

# Benchmarks need the peers too (soorgeon), installed into the same venv.
$(VENV)/.stamp-bench: $(VENV)/.stamp-test requirements-bench.txt
	$(VPY) -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@

setup-bench: $(VENV)/.stamp-bench

bench: setup-bench
	$(SWIFT) build -c release
	$(VPY) bench/run.py --nbship .build/release/nbship --python $(VPY)

FUZZ_SECONDS ?= 600
fuzz:
	bash fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build $(VENV)
