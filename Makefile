# Herald. The two commands a newcomer needs: `make demo` and `make test`.
SWIFT ?= swift
APT_PACKAGES = pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libyaml-dev zlib1g-dev libssl-dev python3 python3-venv
# Real-input extras: the Python 3.11 documentation and the Debian Administrator's Handbook as crawls.
REAL_INPUT_PACKAGES = python3.11-doc debian-handbook
DEMO_NOW ?= 2026-12-01T06:00:00Z
DEMO_OUT ?= out
SCRATCH = .scratch

.PHONY: setup setup-real-input build debug demo test check real-input clean bench-liquid fuzz-liquid

# Idempotent: installs only what is missing, after `apt-get update`.
setup:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	else echo "system packages present"; fi

setup-real-input: setup
	@missing=""; for p in $(REAL_INPUT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; fi

build: setup
	$(SWIFT) build -c release --product herald

# A throwaway unsubscribe secret for local runs; real deployments set HERALD_UNSUBSCRIBE_KEY(_FILE).
$(SCRATCH)/unsubscribe.key:
	@mkdir -p $(SCRATCH)
	@python3 -c 'import secrets; print(secrets.token_hex(32))' > $@

demo: build $(SCRATCH)/unsubscribe.key
	HERALD_UNSUBSCRIBE_KEY_FILE=$(SCRATCH)/unsubscribe.key .build/release/herald build --project . --out $(DEMO_OUT) --now $(DEMO_NOW)
	@echo
	@echo "Demo output: $(CURDIR)/$(DEMO_OUT)/index.html (one folder per tenant; open index.html in a browser)"

check: build
	.build/release/herald check --project .

test: setup-real-input
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

real-input: build setup-real-input $(SCRATCH)/unsubscribe.key
	HERALD_UNSUBSCRIBE_KEY_FILE=$(SCRATCH)/unsubscribe.key bash real-input/build.sh

# The binary and its built-in theme, where `herald` looks for it (PREFIX/share/herald/templates).
PREFIX ?= /usr/local
.PHONY: install
install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/herald
	install -m 755 .build/release/herald $(DESTDIR)$(PREFIX)/bin/herald
	rm -rf $(DESTDIR)$(PREFIX)/share/herald/templates
	cp -R templates $(DESTDIR)$(PREFIX)/share/herald/templates

clean:
	rm -rf .build $(SCRATCH) $(DEMO_OUT)

# Pages benchmark: 10,000 generated markdown pages built by Herald and by Hugo in the same run (docs/benchmarks.md).
BENCH_WORK ?= .scratch/bench-pages
BENCH_RUNS ?= 3
.PHONY: bench
bench: setup
	@missing=""; command -v hugo >/dev/null 2>&1 || missing="$$missing hugo"; [ -x /usr/bin/time ] || missing="$$missing time"; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; fi
	$(SWIFT) build -c release --product herald
	python3 bench/pages/run.py $(BENCH_WORK) --runs $(BENCH_RUNS) --json $(BENCH_WORK)/results.json

# Liquid engine vs Ruby Liquid and python-liquid on ../shared/bench/liquid (installs the peers; docs/benchmarks.md).
bench-liquid: setup
	bash bench/liquid/run.sh $(BENCH_LIQUID_ARGS)

# libFuzzer over the Liquid lexer, parser and renderer for FUZZ_SECONDS (crashes land in .scratch/fuzz-liquid/crashes).
FUZZ_SECONDS ?= 600
fuzz-liquid:
	bash fuzz/liquid/run.sh $(FUZZ_SECONDS)

# Email benchmark: Herald's CSS inliner against css-inline and premailer (PyPI, in a venv under .scratch/) on
# ../shared/bench/css-inline/benchmarks.json, and 100,000 personalised messages for one issue (docs/benchmarks.md).
BENCH_EMAIL_VENV ?= .scratch/bench-email-venv
SHARED ?= ../shared
.PHONY: bench-email
bench-email: setup
	@[ -x /usr/bin/time ] || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends time; }
	@[ -x $(BENCH_EMAIL_VENV)/bin/python ] || python3 -m venv $(BENCH_EMAIL_VENV)
	@$(BENCH_EMAIL_VENV)/bin/python -c 'import css_inline, premailer' 2>/dev/null || $(BENCH_EMAIL_VENV)/bin/pip install -q css-inline premailer
	$(SWIFT) build -c release --product herald-bench-email
	python3 bench/email/run.py --bench .build/release/herald-bench-email --python $(BENCH_EMAIL_VENV)/bin/python \
	  --inputs $(SHARED)/bench/css-inline/benchmarks.json --json .scratch/bench-email/results.json

# Sitemap benchmark: 1,000,000 synthetic URLs (lastmod, images, hreflang groups) through the sitemap plugin, plain and
# gzip, each under /usr/bin/time -v for wall, CPU and peak RSS, then a plain-Python floor writing the same URLs
# (bench/sitemap/floor.py) in the same run (docs/benchmarks.md; target < 3 s and < 300 MB).
BENCH_SITEMAP_URLS ?= 1000000

.PHONY: bench-sitemap
bench-sitemap:
	$(SWIFT) build -c release --product herald-bench-sitemap
	@mkdir -p .scratch; for mode in "" --gzip; do \
	  /usr/bin/time -v .build/release/herald-bench-sitemap --urls $(BENCH_SITEMAP_URLS) $$mode 2> .scratch/bench-sitemap.time || exit 1; \
	  grep -E "Elapsed \(wall|User time|System time|Maximum resident" .scratch/bench-sitemap.time | sed 's/^[[:space:]]*/    /'; \
	done
	@/usr/bin/time -v python3 bench/sitemap/floor.py --urls $(BENCH_SITEMAP_URLS) 2> .scratch/bench-sitemap.time
	@grep -E "Elapsed \(wall|User time|System time|Maximum resident" .scratch/bench-sitemap.time | sed 's/^[[:space:]]*/    /'

# SEO benchmark: the seo and sitemap plugins on the Python 3.11 docs crawl against `xmllint --html --noout` over the
# same files, in the same run (docs/benchmarks.md).
BENCH_SEO_WORK ?= .scratch/bench-seo
BENCH_SEO_RUNS ?= 5
.PHONY: bench-seo
bench-seo: setup-real-input
	@command -v xmllint >/dev/null 2>&1 || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libxml2-utils; }
	$(SWIFT) build -c release --product herald
	python3 bench/seo/run.py $(BENCH_SEO_WORK) --runs $(BENCH_SEO_RUNS) --json $(BENCH_SEO_WORK)/results.json
