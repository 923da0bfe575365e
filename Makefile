# scorewheel - see README.md. `make`, `make check`, `make demo`, `make install`.

PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR     = $(PREFIX)/bin
LIBDIR     = $(PREFIX)/lib
INCDIR     = $(PREFIX)/include/scorewheel
DATADIR    = $(PREFIX)/share/scorewheel
MANDIR     = $(PREFIX)/share/man

CC        ?= cc
# openblas: rule 11's dense steps (tridiagonal reduction, Cholesky) with
# optimised kernels; LAPACKE's calls resolve to it (docs/design.md "Dependencies").
PKGS       = libxml-2.0 xlsxwriter lapacke openblas
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))
# libcurl for mail (core/mail/smtp.c, its only user): linked where it is used.
WEB_PKGS   = libmicrohttpd libsodium libcurl
WEB_CFLAGS := $(shell pkg-config --cflags $(WEB_PKGS))
WEB_LIBS   := $(shell pkg-config --libs $(WEB_PKGS))
# cmocka only for the test programs: asked for when one is built.
TEST_CFLAGS = $(shell pkg-config --cflags cmocka)
TEST_LIBS   = $(shell pkg-config --libs cmocka)

VERSION    = 0.1.0

# --- flags -------------------------------------------------------------------
# The project's flags come first, then the caller's CPPFLAGS and CFLAGS (empty
# unless given), so the caller's win: `make CFLAGS=-O0` or `make CFLAGS+=-O0`
# builds with -O0 and keeps -g, a distribution's CFLAGS replace -O2 by their
# own level; `make OPT=` drops the default -O2 -g altogether. LDFLAGS go on
# every link. -Werror only for developers: `make DEVELOPER=1`, which `make
# check` sets for itself and its sub-makes (and CI exports), so a newer
# compiler's new warning never breaks somebody else's build.
OPT       ?= -O2 -g
CFLAGS    ?=
WARNINGS   = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
ifneq ($(filter check,$(MAKECMDGOALS)),)
DEVELOPER  = 1
endif
ifeq ($(DEVELOPER),1)
export DEVELOPER
WARNINGS  += -Werror
endif
DEFINES    = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
             -DSW_VERSION='"$(VERSION)"' -DSW_DATADIR='"$(DATADIR)"'

# SANITIZE=address,undefined builds into its own folder.
ifdef SANITIZE
B          = build-san
SAN_FLAGS  = -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS   += -fsanitize=$(SANITIZE)
else
B          = build
endif

# Everything sees the public headers (core/include/scorewheel/, what `make
# install` installs); core/, the tests, the fuzzers and the tools also see
# core's private ones (-Icore), set per target in INC below. The CLI does not:
# it may include what a library user may include, and its own headers.
PUBLIC_INC  = -Icore/include/scorewheel
PRIVATE_INC = -Icore
# -MMD -MP: each object's header dependencies in a .d file beside it.
ALL_CFLAGS = $(DEFINES) $(WARNINGS) $(OPT) $(INC) $(PUBLIC_INC) $(PKG_CFLAGS) $(SAN_FLAGS) \
             -MMD -MP $(CPPFLAGS) $(CFLAGS)
LDLIBS     = $(PKG_LIBS) -lpthread -lm

$(B)/core/%.o: INC = $(PRIVATE_INC) -I$(B)/gen
$(B)/core/mail/smtp.o: INC = $(PRIVATE_INC) $(WEB_CFLAGS)
$(B)/gen/%.o:  INC = $(PRIVATE_INC)
$(B)/cli/%.o:  INC = -Icli -Iweb $(WEB_CFLAGS)
# The web app is part of the program, not a library user: it renders core's
# templates and serves its embedded resources, so it sees core's private headers.
$(B)/web/%.o:  INC = $(PRIVATE_INC) -Iweb $(WEB_CFLAGS)
$(B)/tests/%:  INC = $(PRIVATE_INC) -Itests/unit
$(B)/tools/%:  INC = $(PRIVATE_INC)
$(B)/fuzz_%:   INC = $(PRIVATE_INC)
# The examples include <scorewheel/scorewheel.h>, as against an installed library.
$(B)/examples/%: INC = -Icore/include

# What every object is built with, INC aside: a change (another CC, CFLAGS,
# DEVELOPER, PREFIX) rewrites $(B)/flags, which every object depends on, so
# the build never mixes objects made with different flags.
BUILD_FLAGS = $(CC) $(DEFINES) $(WARNINGS) $(OPT) $(PKG_CFLAGS) $(SAN_FLAGS) $(CPPFLAGS) \
              $(CFLAGS) $(LDFLAGS) $(LDLIBS)

ifndef V
Q = @
endif

CORE_SRCS  = $(sort $(wildcard core/*/*.c))
CLI_SRCS   = $(sort $(wildcard cli/*.c))
UNIT_SRCS  = $(sort $(wildcard tests/unit/test_*.c))
WEB_SRCS   = $(sort $(wildcard web/*.c))
RESOURCES  = rubrics/assessment.xsd rubrics/demographics.xsd rubrics/rubric.xsd \
             rubrics/scorecard.xsd \
             $(sort $(filter-out templates/web,$(wildcard templates/*))) \
             $(sort $(wildcard templates/web/*)) $(sort $(wildcard web/assets/*))

CORE_OBJS  = $(CORE_SRCS:%.c=$(B)/%.o) $(B)/gen/resources.o
CLI_OBJS   = $(CLI_SRCS:%.c=$(B)/%.o)
WEB_OBJS   = $(WEB_SRCS:%.c=$(B)/%.o)
UNIT_BINS  = $(UNIT_SRCS:tests/unit/%.c=$(B)/tests/%)
TOOL_BINS  = $(patsubst tools/%.c,$(B)/tools/%,$(sort $(wildcard tools/*.c)))
EXAMPLE_BINS = $(patsubst examples/%.c,$(B)/examples/%,$(sort $(wildcard examples/*.c)))

LIB        = $(B)/libscorewheel.a
PROG       = $(B)/scorewheel

.PHONY: all check check-unit check-cli check-san check-valgrind check-core-quiet \
        check-render check-browser analyze check-scan check-cppcheck demo bench \
        bench-severity bench-dashboard bench-mail bench-load examples install uninstall clean FORCE
.SECONDARY:

all: $(PROG) scorewheel

# The top-level ./scorewheel is the plain build, for the README's commands.
scorewheel: $(PROG)
ifndef SANITIZE
	$(Q)cp $(PROG) $@.tmp && mv -f $@.tmp $@
endif

$(B)/gen/resources.c: tools/embed.sh $(RESOURCES)
	@mkdir -p $(@D)
	$(Q)sh tools/embed.sh $@ $(RESOURCES)

$(B)/flags: FORCE
	@mkdir -p $(@D)
	@echo '$(subst ','\'',$(BUILD_FLAGS))' >$@.new
	@if cmp -s $@.new $@; then rm -f $@.new; else mv -f $@.new $@; fi

$(B)/gen/%.o: $(B)/gen/%.c $(B)/flags
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/%.o: %.c $(B)/flags
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIB): $(CORE_OBJS)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(PROG): $(CLI_OBJS) $(WEB_OBJS) $(LIB)
	@echo "  LINK    $@"
	$(Q)$(CC) $(LDFLAGS) -o $@ $(CLI_OBJS) $(WEB_OBJS) $(LIB) $(WEB_LIBS) $(LDLIBS)

# The web app's unit tests link web/ too.
$(B)/tests/test_web_%: tests/unit/test_web_%.c $(WEB_OBJS) $(LIB) tests/unit/unit.h
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -Iweb $(WEB_CFLAGS) $(TEST_CFLAGS) -Itests/unit -o $@ $< $(WEB_OBJS) \
	    $(LIB) $(LDFLAGS) $(WEB_LIBS) $(LDLIBS) $(TEST_LIBS)

# A test program is compiled and linked in one step (its .d beside it).
UNIT_HEADERS = $(wildcard tests/unit/*.h)

$(B)/tests/%: tests/unit/%.c $(LIB) $(UNIT_HEADERS) $(B)/flags
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) $(LDLIBS) $(TEST_LIBS)

# The allocation-failure test wraps the allocator in every object it links.
$(B)/tests/test_oom: tests/unit/test_oom.c $(LIB) $(UNIT_HEADERS) $(B)/flags
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) \
	    -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=xmlSchemaValidateDoc,--wrap=xmlSchemaNewValidCtxt,--wrap=xmlParseDocument $(LDLIBS) $(TEST_LIBS)

$(B)/tools/%: tools/%.c $(LIB) $(B)/flags
	@mkdir -p $(@D)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) $(LDLIBS)

# The programs of examples/, built here; tests/install-check.sh builds and runs
# them against the installed library.
examples: $(EXAMPLE_BINS)

$(B)/examples/%: examples/%.c $(LIB) $(B)/flags
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) $(LDLIBS)

-include $(wildcard $(B)/*/*.d $(B)/*/*/*.d $(B)/*.d)

# --- tests -----------------------------------------------------------------

# Plain build with $(CC) (gcc), the sanitizer build with clang: both compilers
# see every file with -Werror.
SAN_CC ?= $(shell command -v clang >/dev/null 2>&1 && echo clang || echo $(CC))

# `check` and `demo` first install what is missing (tools/deps.sh); `make`
# alone never does.
check:
	$(Q)sh tools/deps.sh check
	$(Q)$(MAKE) --no-print-directory check-core-quiet
	$(Q)$(MAKE) --no-print-directory analyze
	$(Q)$(MAKE) --no-print-directory check-unit check-cli
	$(Q)$(MAKE) --no-print-directory CC=$(SAN_CC) SANITIZE=address,undefined check-unit check-cli
	$(Q)$(MAKE) --no-print-directory check-valgrind
	$(Q)$(MAKE) --no-print-directory check-fuzz
	$(Q)if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; \
	    then $(MAKE) --no-print-directory check-browser; \
	    else echo "check-browser: skipped (needs chromium and chromium-driver)"; fi
	$(Q)sh tests/install-check.sh
	@echo "make check: all suites passed"

check-unit: $(UNIT_BINS)
	$(Q)sh tests/run-unit.sh $(UNIT_BINS)

check-cli: $(PROG) $(TOOL_BINS)
	$(Q)SW=$(CURDIR)/$(PROG) B=$(CURDIR)/$(B) sh tests/cli/run.sh

# The examples end with sw_cleanup(): not a block may be left, not even a
# reachable one (the schemas, the parser contexts, libxml2's globals).
VALGRIND_ALL = valgrind -q --error-exitcode=1 --leak-check=full --show-leak-kinds=all \
               --errors-for-leak-kinds=all
DEMO = docs/examples/staff-tpm-2026

check-valgrind: $(UNIT_BINS) $(EXAMPLE_BINS)
	$(Q)VALGRIND="valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
	    sh tests/run-unit.sh $(UNIT_BINS)
	$(Q)$(VALGRIND_ALL) $(B)/examples/aggregate rubrics/tpm.xml $(DEMO) >/dev/null
	$(Q)$(VALGRIND_ALL) $(B)/examples/workbook rubrics/tpm.xml $(DEMO) $(B)/examples/packet.xlsx \
	    >/dev/null

# The web app in headless Chromium (selenium, axe-core from npm): keyboard
# only, autosave, 375 px, WCAG 2 A/AA. Needs chromium, chromium-driver and
# python3-selenium; `check` runs it when chromium is there.
check-browser: $(PROG) $(B)/tools/gencards
	$(Q)sh tests/web/browser.sh $(CURDIR)/$(PROG) $(B)

# core/ must never print: no object of it may reference stdout or stderr.
check-core-quiet: $(LIB)
	$(Q)if nm -u $(LIB) | grep -E '\b(stdout|stderr|printf|puts|perror|exit)$$'; then \
	    echo "core/ refers to the terminal (above)"; exit 1; fi

# --- static analysis ---------------------------------------------------------

# clang's scan-build (Debian clang-tools) and cppcheck (Debian cppcheck) over
# core/, cli/, tools/ and the unit tests; each fails on any report. A false
# positive is restructured away, or listed with its reason in
# tests/cppcheck.supp (scan-build has no such list: restructure).
SCAN_BUILD ?= scan-build
CPPCHECK   ?= cppcheck
SCAN_BINS   = $(patsubst $(B)/%,build-scan/%,$(PROG) $(TOOL_BINS) $(UNIT_BINS))

analyze: check-scan check-cppcheck

# A build of its own from scratch (the analyzer sees only what it compiles);
# the report, if any, stays in build-scan/reports.
check-scan:
	$(Q)rm -rf build-scan
	$(Q)$(SCAN_BUILD) -o build-scan/reports --status-bugs --use-cc=$(SAN_CC) \
	    sh -c '$(MAKE) --no-print-directory B=build-scan CC="$$CC" SANITIZE= $(SCAN_BINS)'

check-cppcheck:
	$(Q)$(CPPCHECK) --std=c11 --enable=warning,style,performance,portability -q \
	    --error-exitcode=1 --suppressions-list=tests/cppcheck.supp \
	    -Icore -Icli -Itests/unit core cli tools tests/unit

# LibreOffice opens the committee workbooks (converts them to PDF): slow, and
# needs libreoffice-calc and poppler-utils, so not part of `check`. The PDFs
# and PNGs of their first pages stay in $(B)/render for people to look at.
check-render:
	$(Q)sh tools/deps.sh render
	$(Q)$(MAKE) --no-print-directory $(PROG) $(TOOL_BINS)
	$(Q)sh tests/render_check.sh $(CURDIR)/$(PROG) $(B)/tools/gencards $(B)/render

# --- fuzzing (libFuzzer) ----------------------------------------------------

# Harnesses in tests/fuzz/ built with clang's libFuzzer, ASan and UBSan, from
# the core sources, into build-fuzz/. `make fuzz` runs each FUZZ_SECONDS on
# its seeds, keeps what it learns in build-fuzz/corpus/ and writes crashers to
# tests/fuzz/regress/; `check-fuzz` replays seeds and regressions and fuzzes
# each for FUZZ_CHECK_SECONDS.
FUZZ_CC            ?= clang
FUZZ_SECONDS       ?= 60
FUZZ_CHECK_SECONDS ?= 7
FUZZERS             = rubric scorecard report assessment request demographics
FUZZ_CFLAGS         = -O1 -g -fno-omit-frame-pointer -fno-sanitize-recover=all \
                      -fsanitize=fuzzer-no-link,address,undefined
.PHONY: fuzz fuzz-build check-fuzz

fuzz-build:
	$(Q)$(MAKE) --no-print-directory B=build-fuzz CC=$(FUZZ_CC) CFLAGS="$(FUZZ_CFLAGS)" \
	    $(FUZZERS:%=build-fuzz/fuzz_%)

fuzz: fuzz-build
	$(Q)sh tests/fuzz/run.sh fuzz $(FUZZ_SECONDS) build-fuzz $(FUZZERS)

check-fuzz: fuzz-build
	$(Q)sh tests/fuzz/run.sh check $(FUZZ_CHECK_SECONDS) build-fuzz $(FUZZERS)

$(B)/fuzz_%: tests/fuzz/fuzz_%.c $(LIB) $(B)/flags
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -DFUZZ_SRCDIR='"$(CURDIR)"' -o $@ $< \
	    $(LIB) $(LDLIBS)

# The request parser lives in web/, outside the library.
$(B)/fuzz_request: tests/fuzz/fuzz_request.c web/request.c web/request.h
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Iweb -fsanitize=fuzzer -o $@ tests/fuzz/fuzz_request.c web/request.c

# --- the example requisition -----------------------------------------------

demo:
	$(Q)sh tools/deps.sh build
	$(Q)$(MAKE) --no-print-directory $(PROG)
	$(Q)sh docs/examples/demo.sh $(PROG)

# --- benchmark (never a timed test) ------------------------------------------
# Writes its tables to $(B)/bench/results.md and leaves the tree as it was;
# bench/results.md, the tracked record with the notes on each run, takes new
# tables by hand from there (say the commit, the machine and its load).

BENCH_SIZES ?= 20000 100000

bench: $(PROG) $(TOOL_BINS)
	$(Q)python3 tests/bench/bench.py $(PROG) $(B)/tools/gencards rubrics/tpm.xml \
	    $(B)/bench $(BENCH_SIZES)
	$(Q)$(MAKE) --no-print-directory bench-severity
	$(Q)$(MAKE) --no-print-directory bench-dashboard
	$(Q)$(MAKE) --no-print-directory bench-mail

# One `remind` pass over 1,000 drafts against an SMTP server on loopback
# (python3-aiosmtpd): wall time and mails per second.
MAIL_PY ?= python3
bench-mail: $(PROG) $(TOOL_BINS)
	$(Q)mkdir -p $(B)/bench
	$(Q)$(MAIL_PY) tests/bench/bench_mail.py $(PROG) $(B)/tools/gencards rubrics/tpm.xml $(B)/bench

# The warm dashboard page over HTTP against report --format json, at 40 and
# 600 candidates (docs/design.md "The web app, turn 3"): fails past 0.1x or
# 300 KB. Its table goes to $(B)/bench/dashboard.md.
bench-dashboard: $(PROG) $(TOOL_BINS)
	$(Q)mkdir -p $(B)/bench
	$(Q)python3 tests/bench/bench_serve.py --dashboard $(PROG) $(B)/tools/gencards \
	    rubrics/tpm.xml >$(B)/bench/dashboard.md; rc=$$?; cat $(B)/bench/dashboard.md; exit $$rc

# Rule 11 alone: calibrate against report with 400, 2,000 and 2,508
# interviewers (20,000, 51,208 and 100,000 scorecards), the fit alone with up
# to 2,000, and lme4 on the same pairs when R has it (bench/severity.md).
bench-severity: $(PROG) $(TOOL_BINS)
	$(Q)python3 tests/bench/bench.py --severity $(PROG) $(B)/tools/gencards \
	    $(B)/tools/fitbench rubrics/tpm.xml $(B)/bench

# One thread reading scorecards one at a time (sw_document_load, tools/loadbench):
# CPU per 1,000 files, beside one xmllint --noout process over the same files,
# the floor of issue #29. LOAD_SET: a folder of scorecards (default: 20,000
# generated as `make bench` generates them).
LOAD_SET ?= $(B)/bench/cards-20000
bench-load: $(TOOL_BINS)
	$(Q)test -d $(LOAD_SET) || { $(B)/tools/gencards --rubric rubrics/tpm.xml --count 20000 \
	    --seed 2026 --out $(LOAD_SET).tmp && mv $(LOAD_SET).tmp $(LOAD_SET); }
	$(Q)echo "load average: $$(cut -d' ' -f1-3 /proc/loadavg)"
	$(Q)$(B)/tools/loadbench --rubric rubrics/tpm.xml $(LOAD_SET)
	$(Q)find $(LOAD_SET) -name '*.xml' | sort | /usr/bin/time \
	    -f '{"xmllint --noout": {"user_seconds": %U, "system_seconds": %S}}' xargs xmllint --noout

# --- install ---------------------------------------------------------------

# The API is core/include/scorewheel/: scorewheel.h and the headers it
# includes, installed as a folder. The headers beside the sources in core/*/ are internal.
PKGCONFIGDIR = $(LIBDIR)/pkgconfig
COMPLETIONDIR = $(PREFIX)/share/bash-completion/completions
MAN1 = $(sort $(wildcard docs/*.1))
MAN5 = $(sort $(wildcard docs/*.5))

# scorewheel.pc is made here, for this PREFIX; it names the final paths, never
# DESTDIR, relative to ${prefix} (so --define-variable=prefix= can move them).
install: $(PROG)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/rubrics $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCDIR) \
	    $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(COMPLETIONDIR)
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/scorewheel
	install -m 644 rubrics/*.xml rubrics/*.xsd $(DESTDIR)$(DATADIR)/rubrics/
	install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/
	install -m 644 core/include/scorewheel/*.h $(DESTDIR)$(INCDIR)/
	sed -e 's|@prefix@|$(PREFIX)|g' -e 's|@libdir@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))|g' \
	    -e 's|@includedir@|$${prefix}/include|g' -e 's|@version@|$(VERSION)|g' \
	    core/scorewheel.pc.in >$(DESTDIR)$(PKGCONFIGDIR)/scorewheel.pc
	chmod 644 $(DESTDIR)$(PKGCONFIGDIR)/scorewheel.pc
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	install -m 644 $(MAN5) $(DESTDIR)$(MANDIR)/man5/
	install -m 644 contrib/completion/scorewheel.bash $(DESTDIR)$(COMPLETIONDIR)/scorewheel

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/scorewheel $(DESTDIR)$(LIBDIR)/libscorewheel.a
	rm -f $(DESTDIR)$(PKGCONFIGDIR)/scorewheel.pc $(DESTDIR)$(COMPLETIONDIR)/scorewheel
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(INCDIR)
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(MAN1))) \
	    $(addprefix $(DESTDIR)$(MANDIR)/man5/,$(notdir $(MAN5)))

clean:
	rm -rf build build-san build-fuzz build-scan scorewheel
