# `make bench`: the HeatLoop benchmark suite (Benchmarks/, a separate SwiftPM package using
# ordo-one/benchmark). Included from the Makefile; uses its SWIFT variable and `deps` target.
#
#   make bench                                  # the whole suite, text table (about 2 min + first build)
#   make bench BENCH_ARGS='--filter "Core.*"'   # a subset (arguments go to `swift package benchmark`;
#                                               # the filter regex must match the whole benchmark name)
#   make bench BENCH_ARGS='--format markdown --path stdout --no-progress'
#
# With Swift 6.3 package-benchmark measures allocations with its own malloc interposer (a package
# dependency), so jemalloc / libjemalloc-dev is not needed. libhdf5-dev is (via `deps`).

BENCH_DIR    ?= Benchmarks
BENCH_ARGS   ?=
# The `heatloop` binary the end-to-end benchmarks run; absolute, as the plugin runs from $(BENCH_DIR).
HEATLOOP_BIN ?= $(CURDIR)/.build/release/heatloop

.PHONY: bench

# SwiftPM re-plans a build only when the *root* package's folders change, so files added to or
# removed from the main package (a path dependency here) would go unnoticed by an existing
# $(BENCH_DIR)/.build. When the main package's file list or manifest changed since the last run,
# the cached plan is deleted, which makes SwiftPM re-plan (and rebuild what changed).
BENCH_STAMP := $(BENCH_DIR)/.build/heatloop-sources.cksum

bench: deps
	$(SWIFT) build -c release --product heatloop
	@mkdir -p $(BENCH_DIR)/.build
	@{ find Sources -type f | LC_ALL=C sort; cat Package.swift; } | cksum > $(BENCH_STAMP).new
	@if ! cmp -s $(BENCH_STAMP).new $(BENCH_STAMP); then \
		rm -f $(BENCH_DIR)/.build/release.yaml $(BENCH_DIR)/.build/debug.yaml; fi
	@mv $(BENCH_STAMP).new $(BENCH_STAMP)
	cd $(BENCH_DIR) && HEATLOOP_BIN="$(HEATLOOP_BIN)" \
		$(SWIFT) package --allow-writing-to-package-directory benchmark $(BENCH_ARGS)
