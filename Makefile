# jobtrack — build, test, install.
PREFIX ?= $(HOME)/.local
SWIFT ?= swift
EMBEDDED_MIGRATIONS := Sources/JobStore/EmbeddedMigrations.swift
DEMO_DB := $(or $(TMPDIR),/tmp)/jobtrack-demo.sqlite3
# The man page is generated from the built binary's own help, never committed.
MAN_PAGE := .build/man/jobtrack.1
MAN_PLUGIN_OUTPUT := .build/plugins/GenerateManual/outputs/jobtrack/jobtrack.1
# The date on the page: the last commit's, so that the same sources give the same page.
MAN_DATE := $(shell git log -1 --format=%cs 2>/dev/null)
# Release builds link the Swift runtime and Foundation statically: the dynamic loader
# then resolves a few libraries instead of a dozen, which was half of a short command's
# start-up (bench/results.md). The binary is larger (about 80 MB, most of it ICU's data).
# It is built apart: SwiftPM would not relink .build's release binary when only this
# flag changes, and the man page plugin builds that one the usual way.
RELEASE_FLAGS := -c release --static-swift-stdlib --scratch-path .build-static
# What swift-format checks: every Swift file but the generated ones (migrations, holidays).
FORMAT_FILES = Package.swift $(filter-out $(EMBEDDED_MIGRATIONS) Sources/FollowUp/Generated/%,$(sort $(shell find Sources Tests -name '*.swift')))

.PHONY: build release test install demo clean migrations faults bench man lint format holidays

build: $(EMBEDDED_MIGRATIONS)
	$(SWIFT) build

release: $(EMBEDDED_MIGRATIONS)
	$(SWIFT) build $(RELEASE_FLAGS)

test: $(EMBEDDED_MIGRATIONS)
	$(SWIFT) build
	$(SWIFT) test
	python3 Tests/faults/faults.py --short --seed $(or $(FAULTS_SEED),20261129) --bin "$$($(SWIFT) build --show-bin-path)/jobtrack"

# Crashes (kill -9), concurrent writers, argument fuzzing, read-only and full disks.
# FAULTS_SEED=N replays a run; `make test` runs the short form with a fixed seed, so
# that CI is repeatable, and `make faults` a new seed each time.
faults: build
	python3 Tests/faults/faults.py --bin "$$($(SWIFT) build --show-bin-path)/jobtrack" $(if $(FAULTS_SEED),--seed $(FAULTS_SEED))

# Release-build benchmarks against a Foundation hello, the sqlite3 shell and Taskwarrior,
# and the import's JSON parser against a typed Decodable reading of the same export;
# writes bench/results.md. Installs taskwarrior, time, sqlite3 and valgrind with apt-get
# when missing.
bench: $(EMBEDDED_MIGRATIONS)
	python3 Benchmarks/bench.py

# The binary, its man page, and shell completions where each shell looks for them under PREFIX.
install: release man
	install -d $(PREFIX)/bin $(PREFIX)/share/man/man1 $(PREFIX)/share/bash-completion/completions \
	  $(PREFIX)/share/zsh/site-functions $(PREFIX)/share/fish/vendor_completions.d
	install -m 0755 "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/jobtrack" $(PREFIX)/bin/jobtrack
	install -m 0644 $(MAN_PAGE) $(PREFIX)/share/man/man1/jobtrack.1
	$(PREFIX)/bin/jobtrack --generate-completion-script bash > $(PREFIX)/share/bash-completion/completions/jobtrack
	$(PREFIX)/bin/jobtrack --generate-completion-script zsh > $(PREFIX)/share/zsh/site-functions/_jobtrack
	$(PREFIX)/bin/jobtrack --generate-completion-script fish > $(PREFIX)/share/fish/vendor_completions.d/jobtrack.fish

# jobtrack.1 from the release binary's help, by swift-argument-parser's generate-manual
# plugin (it builds the package, then writes under .build/plugins/). Made anew each time,
# so it lists every subcommand the binary has. Blank lines become .Pp, the paragraph
# break mdoc expects; a check fails if the page misses a subcommand of --help.
# Read it with `man -l .build/man/jobtrack.1`.
man: release
	@rm -f $(MAN_PLUGIN_OUTPUT)
	$(SWIFT) package plugin generate-manual --configuration release $(if $(MAN_DATE),--date $(MAN_DATE))
	@install -d $(dir $(MAN_PAGE))
	sed 's/^$$/.Pp/' $(MAN_PLUGIN_OUTPUT) > $(MAN_PAGE).tmp && mv $(MAN_PAGE).tmp $(MAN_PAGE)
	scripts/check-manpage.sh "$$($(SWIFT) build -c release --show-bin-path)/jobtrack" $(MAN_PAGE)

# swift-format as the toolchain ships it, configured by .swift-format. `lint` fails on any
# finding; `format` rewrites the files in place, after which `lint` passes.
lint:
	$(SWIFT) format lint --strict --parallel $(FORMAT_FILES)

format:
	$(SWIFT) format --in-place --parallel $(FORMAT_FILES)

# A throw-away database made with the real commands, then today's calls and the whole
# agenda: a user in Chicago on Wednesday 2 December 2026 (a fixed *now*, so the demo
# reads the same on any day), interviewers in Chicago, London, Stockholm and one who
# gave no number. DEMO_NOW="YYYY-MM-DD HH:MM" picks another moment.
DEMO_NOW ?= 2026-12-02 10:30
demo: build
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	@set -e; export JOBTRACK_DB=$(DEMO_DB) JOBTRACK_NOW="$(DEMO_NOW)"; jobtrack="$$($(SWIFT) build --show-bin-path)/jobtrack"; \
	  $$jobtrack config timezone America/Chicago >/dev/null; \
	  $$jobtrack config name "Alex Doe" >/dev/null; \
	  $$jobtrack config phone "+1 312 555 0147" >/dev/null; \
	  $$jobtrack add Acme "Staff Engineer" --applied-on=-16d --highlight "Shipped a payments platform at scale" \
	    --highlight "Led a team of five through a re-architecture" >/dev/null; \
	  $$jobtrack interview 1 --at="-2d 10:00" --with "Dana Smith" --phone "+1 555 0100" --busy "Mon-Fri 09:00-10:00" >/dev/null; \
	  $$jobtrack thanks 1 --at="-2d 17:00" >/dev/null; \
	  $$jobtrack add Globex "Product Manager" --applied-on=-9d >/dev/null; \
	  $$jobtrack interview 2 --at="-1d 14:00" --with "Lee Chen" --phone "+1 555 0199" --decision-by +6d >/dev/null; \
	  $$jobtrack add Initech "Backend Developer" --applied-on=-15d --highlight "Ten years of Go and PostgreSQL" >/dev/null; \
	  $$jobtrack interview 3 --at="-7d 11:00 their" --with "Sam Patel" --phone "+44 20 7946 0000" --tz Europe/London >/dev/null; \
	  $$jobtrack thanks 3 --at="-7d 12:00" >/dev/null; \
	  $$jobtrack voicemail 3 --at="-2d 09:00" >/dev/null; \
	  $$jobtrack add Umbrella "Site Reliability Engineer" --applied-on=-8d >/dev/null; \
	  $$jobtrack interview 4 --at="-5d 15:00" --with "Kim Lee" >/dev/null; \
	  $$jobtrack thanks 4 --at="-5d 16:00" >/dev/null; \
	  $$jobtrack add Hooli "Designer" --applied-on=-3d >/dev/null; \
	  $$jobtrack add Soylent "Data Engineer" --applied-on=-20d >/dev/null; \
	  $$jobtrack interview 6 --at="-9d 09:30 their" --with "Ola Berg" --phone "+46 8 123 456" --tz Europe/Stockholm >/dev/null; \
	  $$jobtrack call 6 --outcome reached --at="-7d 08:00" --decision-by=+3d >/dev/null; \
	  echo "Demo database: $(DEMO_DB), at $(DEMO_NOW) in Chicago"; echo; \
	  $$jobtrack today; echo; $$jobtrack agenda

clean:
	rm -rf .build

migrations: $(EMBEDDED_MIGRATIONS)

# The installed binary must work alone, so it carries migrations/*.sql as Swift
# string literals. A test fails when this file and migrations/ disagree.
$(EMBEDDED_MIGRATIONS): $(sort $(wildcard migrations/*.sql))
	@{ \
	  echo '// Generated by `make migrations` from migrations/*.sql. Do not edit.'; \
	  echo 'extension Migration {'; \
	  echo '    /// Every migration of the top-level migrations/ folder, in order.'; \
	  echo '    public static let embedded: [Migration] = ['; \
	  for file in $^; do \
	    name=$$(basename "$$file" .sql); \
	    printf '        Migration(name: "%s", sql: #"""\n' "$$name"; \
	    cat "$$file"; \
	    printf '\n"""#),\n'; \
	  done; \
	  echo '    ]'; \
	  echo '}'; \
	} > $@.tmp && mv $@.tmp $@
	@echo "wrote $@"

# The public-holiday table and zone.tab's zone -> country map the binary carries, as
# Swift source. Needs the pinned package, which this target does not install:
# `pip install holidays==0.109`. A test fails when the committed table and the script's
# output disagree.
holidays:
	python3 scripts/make_holidays.py
