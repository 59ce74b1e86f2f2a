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
