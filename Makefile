# Debrief: every build, serve and test step. `make run` and `make test` are
# all a newcomer needs; both install missing tools first (scripts/setup.sh).

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# Tools installed by scripts/setup.sh: cargo ones in ~/.cargo/bin, wasm-opt and
# Playwright in node_modules/.bin.
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
# Trunk would otherwise ask the network whether it is the newest release.
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER ?= /usr/bin/chromedriver

WASM := --target wasm32-unknown-unknown

.PHONY: help setup run dist test lint test-native test-web e2e size check-size check-e2e bench profile size-report clean-dist

help:
	@echo "make run    serve the app with live reload on http://127.0.0.1:8080"
	@echo "make test   lint, unit, browser and end-to-end tests, release build, size budget"
	@echo "make dist   release build into dist/ (works from any sub-path)"
	@echo "make bench  load-time, bundle-size and typing-latency figures (bench-results/)"
	@echo "make profile  where a keystroke's time goes, from a build with function names"
	@echo "make size-report  what each byte of the WebAssembly buys (twiggy, size-report/)"

# Sub-makes of `make test` inherit DEBRIEF_SETUP_DONE and skip the check.
setup:
	@[ -n "$${DEBRIEF_SETUP_DONE:-}" ] || scripts/setup.sh

run: setup
	trunk serve --address 127.0.0.1 --port 8080

# Relative URLs (`--public-url ./`): dist/ can be copied under any path.
dist: setup
	@start=$$(date +%s); \
	trunk build --release --public-url ./; \
	echo "release build took $$(( $$(date +%s) - start ))s"

lint: setup
	# No import cycle between files, no Rust file over 700 lines.
	python3 scripts/check-structure.py
	cargo fmt --all --check
	cargo clippy --all-targets -- -D warnings
	# The UI only compiles for the browser, so it is linted for wasm32 too:
	# the library, the app and the browser tests (the other test files are
	# native-only and may use native-only crates such as proptest).
	cargo clippy $(WASM) --lib --bins --test web --test web_editor -- -D warnings

test-native: setup
	cargo test

# Floor-2 storage and UI pieces against a real browser (headless Chromium via
# wasm-bindgen-test-runner, configured by webdriver.json).
test-web: setup
	cargo test $(WASM) --test web --test web_editor

size: dist check-size
e2e: dist check-e2e

# The check-* steps use the dist/ that is there (make test builds it once).
check-size:
	scripts/size-budget.sh dist

# Playwright against the release build served under sub-paths.
check-e2e:
	playwright test

test: setup
	@export DEBRIEF_SETUP_DONE=1; start=$$(date +%s); \
	$(MAKE) --no-print-directory lint; \
	$(MAKE) --no-print-directory test-native; \
	$(MAKE) --no-print-directory test-web; \
	$(MAKE) --no-print-directory dist; \
	$(MAKE) --no-print-directory check-e2e; \
	$(MAKE) --no-print-directory check-size; \
	echo "make test: all green in $$(( $$(date +%s) - start ))s"

bench: dist
	node scripts/bench.mjs dist

# A release build that keeps function names (not stripped, wasm-opt -g) in
# dist-profile/, then a CPU profile of typing into the title of a large
# post-mortem: where a keystroke's time goes (scripts/profile.mjs).
profile: setup
	sed 's/data-wasm-opt-params="/data-wasm-opt-params="-g /' index.html > .profile.html
	trunk build --release --cargo-profile profiling --public-url ./ --dist dist-profile .profile.html; \
	  status=$$?; rm -f .profile.html; exit $$status
	node scripts/profile.mjs dist-profile

# What each byte of the WebAssembly buys: the release build with function
# names kept (profile `profiling`, wasm-opt -Oz -g), run through wasm-bindgen
# and wasm-opt by hand exactly as Trunk does, then analysed by twiggy. The
# names cost bytes themselves, but twiggy counts each item without them, so
# the figures match the shipped module. twiggy is installed here only: no
# other target needs it.
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
WASM_OPT_FEATURES := $(shell sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)
size-report: setup
	@command -v twiggy >/dev/null || cargo install twiggy --locked
	cargo build $(WASM) --profile profiling --bin debrief
	mkdir -p size-report
	wasm-bindgen --target web --no-typescript --out-dir size-report \
	  $(TARGET_DIR)/wasm32-unknown-unknown/profiling/debrief.wasm
	wasm-opt -Oz -g $(WASM_OPT_FEATURES) size-report/debrief_bg.wasm -o size-report/debrief.wasm
	twiggy top -n 30 size-report/debrief.wasm | tee size-report/top.txt
	twiggy dominators -d 2 -r 40 size-report/debrief.wasm | tee size-report/dominators.txt
	twiggy monos -m 25 -n 3 size-report/debrief.wasm | tee size-report/monos.txt
	@echo "size-report: size-report/{top,dominators,monos}.txt; gzip of the module: $$(gzip -9 -c size-report/debrief.wasm | wc -c) bytes with names"

clean-dist:
	rm -rf dist
