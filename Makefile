# aslkit: `make run` builds and demonstrates the tool, `make test` runs every test.
# Both work on a fresh machine: test dependencies are installed here, not by hand.

GO      ?= go
BIN     := bin/asl
EXAMPLE := docs/examples/order.asl.json

.PHONY: all build run test test-deps vet unit vscode vscode-e2e conformance bench bench-targets fuzz clean

all: build

build:
	$(GO) build -o $(BIN) ./cmd/asl

# Check the bundled example, then simulate it (a throttled charge that is
# retried, an inline Map over the items, a one-day Wait on the virtual clock).
run: build
	$(BIN) check $(EXAMPLE)
	$(BIN) run $(EXAMPLE) --input docs/examples/order.input.json \
		--mock-config docs/examples/order.mocks.json --test-case HappyPath

test: test-deps vet unit vscode conformance

# Neovim drives the editor end-to-end test; install it when missing (apt, as
# root in CI). Without it that one test skips and says why.
test-deps:
	@command -v nvim >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "installing neovim for the editor test"; \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null) \
				|| echo "warning: could not install neovim; the Neovim test will skip"; \
		else echo "note: nvim not installed and not root; the Neovim test will skip"; fi; }

vet:
	@test -z "$$(gofmt -l cmd lsp asl sim internal)" || { echo "gofmt needed:"; gofmt -l cmd lsp asl sim internal; exit 1; }
	$(GO) vet ./...

unit: build
	$(GO) test -count=1 ./...

# The VS Code extension: compile and unit-test it (the tests that talk to the
# real server use bin/asl). npm ci needs the npm registry or a warm cache.
vscode: build
	cd editors/vscode && npm ci --no-audit --no-fund --loglevel=error && npm test

# Opt-in: the extension in a real VS Code (code-server + Chromium). The first
# run sets the rig up (about 12 minutes); see docs/vscode.md.
vscode-e2e: build
	cd editors/vscode && npm ci --no-audit --no-fund --loglevel=error && bash test/e2e/run.sh

# The conformance runners again, verbosely, each reduced to one
# `name: N passed, N failed` line (their failures already failed `unit`).
conformance:
	@set -e; for runner in \
		"realworld:./asl/check:TestRealWorldCorpus" \
		"aws-recorded:./sim:TestConformance" \
		"jsonata-suite:./asl/jsonata:TestConformance"; do \
		name=$${runner%%:*}; rest=$${runner#*:}; pkg=$${rest%%:*}; test=$${rest#*:}; \
		line=$$($(GO) test -count=1 -v -run "^$$test\$$" $$pkg 2>&1 | grep -E '^[^ ].*[0-9]+ passed, [0-9]+ failed' | tail -n 1 | grep -oE '[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?'); \
		echo "$$name: $${line:-no summary printed}"; \
	done

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Only the issues' speed targets, repeated: this VM's speed drifts, so read
# them as ranges (docs/performance.md).
bench-targets:
	cd asl/check && GOMAXPROCS=1 $(GO) test -run '^$$' -bench 'CheckLarge(JSON|YAML)$$' -benchtime 100x -count 5 .
	$(GO) test -run '^$$' -bench 'ChoicePassLoop$$|InlineMap10k$$' -benchtime 30x -count 5 ./sim
	$(GO) test -run '^$$' -bench 'Stdio(Initialize|DidChangeToDiagnostics|CompletionAfterEdit|HoverAfterEdit)$$' -benchtime 200x -count 3 ./cmd/asl

FUZZTIME ?= 30s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
			echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
		done; \
	done

clean:
	rm -rf bin
