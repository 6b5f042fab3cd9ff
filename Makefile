# nbship — the two commands a newcomer runs: `make demo` and `make test`.
# Each installs what it needs (Python tools into .venv; Debian packages when root).

SWIFT        ?= swift
PYTHON       ?= python3
VENV         := .venv
VPY          := $(VENV)/bin/python
NBSHIP       := .build/debug/nbship
DEMO_NB      := fixtures/demo/churn.ipynb
export NBSHIP_TEST_PYTHON := $(abspath $(VPY))
# The corpus notebooks' environment (Python 3.11), where ConvertCorpusTests runs what
# `nbship convert` writes from them.
PYTHON_CORPUS ?= $(PYTHON)
VENV_CORPUS  := .venv-corpus
CORPUS_PY    := $(VENV_CORPUS)/bin/python
CORPUS_REQS  := ../shared/corpus/envs/requirements-compat.txt
# The ML libraries of the newer corpus notebooks (Keras, torch, XGBoost, LightGBM, SHAP, hyperopt).
CORPUS_ML    := ../shared/corpus/envs/requirements-ml.txt
export NBSHIP_CORPUS_PYTHON := $(abspath $(CORPUS_PY))

.PHONY: all build test demo bench fuzz tables setup setup-python setup-corpus setup-build setup-system setup-bench clean help

all: build

help:
	@echo "make demo   - set up, build, convert the bundled notebook, run its tests, train, build its image"
	@echo "make test   - set up, build, and run the whole test suite (Swift Testing + real tools)"
	@echo "make bench  - measure nbship against its peers (ratios from one run)"
	@echo "make fuzz   - run the libFuzzer targets (FUZZ_SECONDS each, default 600)"

# Python tools the tests use: IPython (the lowering oracle) and nbformat.
$(VENV)/.stamp-test: requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# The setuptools wheel the environment-reader tests build editable and namespace installs
# with, offline (RequirementsTests' MadeEnvironment), and docker-compose's, only for the Compose
# Specification JSON schema it ships (compose/config/compose_spec.json), which DeployFilesTests
# validates generated compose files with (not installed: its dependencies are old).
TEST_WHEELS  := $(VENV)/wheels
export NBSHIP_TEST_WHEELS := $(abspath $(TEST_WHEELS))
$(VENV)/.stamp-wheels: $(VENV)/.stamp-test
	$(VPY) -m pip download --quiet --disable-pip-version-check --no-deps --dest $(TEST_WHEELS) setuptools==80.9.0 docker-compose==1.29.2
	touch $@

setup-python: $(VENV)/.stamp-test $(VENV)/.stamp-wheels

# The corpus pins, the ML pins, and what generated projects need to test, serve and lint
# themselves. torch only from a local CPU wheel (pip's configured find-links): PyPI's build of the
# same pin is the 2.6 GB CUDA one. Without that wheel torch and torchmetrics are left out and
# ConvertCorpusTests says which notebooks it skipped for them.
$(VENV_CORPUS)/.stamp-corpus: $(CORPUS_REQS) $(CORPUS_ML) requirements-corpus-extra.txt
	$(PYTHON_CORPUS) -m venv $(VENV_CORPUS)
	@if $(CORPUS_PY) -m pip install --quiet --disable-pip-version-check --no-index --no-deps "$$(grep -E '^torch==' $(CORPUS_ML))" 2>/dev/null; then \
		cp $(CORPUS_ML) $(VENV_CORPUS)/requirements-ml.txt; \
	else \
		echo "setup-corpus: no local CPU wheel for torch in pip's find-links: torch notebooks will be skipped"; \
		grep -vE '^(torch|torchmetrics)==' $(CORPUS_ML) > $(VENV_CORPUS)/requirements-ml.txt; \
	fi
	$(CORPUS_PY) -m pip install --quiet --disable-pip-version-check -r $(CORPUS_REQS) -r $(VENV_CORPUS)/requirements-ml.txt -r requirements-corpus-extra.txt
	touch $@

setup-corpus: $(VENV_CORPUS)/.stamp-corpus

setup: setup-python

# Debian packages: libarchive, zlib, libzstd and ISA-L to build (the image writer links them); the
# independent image checkers, the zstd and gzip readers, the Debian base builder and the
# registry (with htpasswd and openssl for its auth tests), and shellcheck (actionlint checks the
# generated workflow's run: scripts with it) for the tests. Each set is installed only when missing.
BUILD_PACKAGES  := libarchive-dev zlib1g-dev libzstd-dev libisal-dev pkg-config
SYSTEM_PACKAGES := skopeo umoci podman mmdebstrap uidmap zstd gzip docker-registry apache2-utils openssl graphviz shellcheck
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
apt_ensure = dpkg-query -W -f='$${Status}\n' $(1) 2>/dev/null | grep -c '^install ok installed$$' | grep -qx '$(words $(1))' \
	|| ($(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(1))

setup-build:
	@$(call apt_ensure,$(BUILD_PACKAGES))

setup-system: setup-build
	@$(call apt_ensure,$(SYSTEM_PACKAGES))

build: setup-build
	$(SWIFT) build

test: setup setup-corpus setup-system build
	$(SWIFT) test

DEMO_OUT     := demo-out/churn

demo: setup build
	$(NBSHIP) plan $(DEMO_NB)
	$(NBSHIP) convert $(DEMO_NB) -o $(DEMO_OUT) --python $(VPY) --force
	cd $(DEMO_OUT) && MPLBACKEND=Agg $(abspath $(VPY)) -m pytest -q -p no:cacheprovider
	cd $(DEMO_OUT) && MPLBACKEND=Agg PYTHONPATH=src $(abspath $(VPY)) -m churn.train
	$(NBSHIP) build $(DEMO_OUT) -o demo-out/churn.tar --tag churn:0.1.0 --base scratch --python $(VPY) --cache-dir demo-out/cache
	$(NBSHIP) inspect demo-out/churn.tar --verify

# Benchmarks need the peers too (soorgeon, hadolint), installed into the same venv.
$(VENV)/.stamp-bench: $(VENV)/.stamp-test requirements-bench.txt
	$(VPY) -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	touch $@

setup-bench: $(VENV)/.stamp-bench
	@$(call apt_ensure,time zstd libdeflate-dev)

bench: setup-bench setup-corpus setup-system
	$(SWIFT) build -c release
	$(VPY) bench/run.py --nbship .build/release/nbship --python $(VPY)
	$(VPY) bench/convert/run.py --nbship .build/release/nbship --python $(VPY) --corpus-python $(abspath $(CORPUS_PY))
	$(VPY) bench/lint/run.py --nbship .build/release/nbship --hadolint $(abspath $(VENV))/bin/hadolint
	$(VPY) bench/lint/monorepo.py --nbship .build/release/nbship --hadolint $(abspath $(VENV))/bin/hadolint --zizmor $(abspath $(VENV))/bin/zizmor
	$(VPY) bench/image/run.py --nbship .build/release/nbship
	$(VPY) bench/registry/run.py --nbship .build/release/nbship

# The Requirements tables (Sources/Requirements/Resources/*.tsv) and the bundled templates
# (templates/*/) are compiled into the binary; regenerate their Swift sources after editing a
# TSV or a template file (RequirementsTests / EmitTests fail until you do).
tables:
	$(PYTHON) scripts/embed-tables.py
	$(PYTHON) scripts/embed-templates.py

FUZZ_SECONDS ?= 600
fuzz: setup-build
	bash fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build $(VENV) $(VENV_CORPUS) demo-out
