# Herald. `make demo` and `make test` are the two commands a newcomer needs.
SWIFT ?= swift
APT_PACKAGES = pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libyaml-dev zlib1g-dev libssl-dev python3
.PHONY: setup build demo test
setup:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	else echo "system packages present"; fi
build: setup
	$(SWIFT) build -c release --product herald
test: setup
	$(SWIFT) test

# Pages benchmark: 10,000 generated markdown pages built by Herald and by Hugo in the same run (docs/benchmarks.md).
BENCH_WORK ?= .scratch/bench-pages
BENCH_RUNS ?= 3
.PHONY: bench
bench: setup
	@missing=""; command -v hugo >/dev/null 2>&1 || missing="$$missing hugo"; [ -x /usr/bin/time ] || missing="$$missing time"; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; fi
	$(SWIFT) build -c release --product herald
	python3 bench/pages/run.py $(BENCH_WORK) --runs $(BENCH_RUNS) --json $(BENCH_WORK)/results.json
