# scorewheel - see README.md. `make`, `make check`, `make demo`, `make install`.

PREFIX    ?= /usr/local
DESTDIR   ?=
BINDIR     = $(PREFIX)/bin
LIBDIR     = $(PREFIX)/lib
INCDIR     = $(PREFIX)/include/scorewheel
DATADIR    = $(PREFIX)/share/scorewheel
MANDIR     = $(PREFIX)/share/man

CC        ?= cc
PKGS       = libxml-2.0 xlsxwriter
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS))
WEB_PKGS   = libmicrohttpd libsodium
WEB_CFLAGS := $(shell pkg-config --cflags $(WEB_PKGS))
WEB_LIBS   := $(shell pkg-config --libs $(WEB_PKGS))
TEST_CFLAGS := $(shell pkg-config --cflags cmocka)
TEST_LIBS   := $(shell pkg-config --libs cmocka)

VERSION    = 0.1.0
OPT       ?= -O2 -g
CFLAGS    ?= $(OPT)
WARNINGS   = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARNINGS) $(CFLAGS) \
             -Icore -I$(B)/gen $(PKG_CFLAGS) \
             -DSW_VERSION='"$(VERSION)"' -DSW_DATADIR='"$(DATADIR)"'
LDLIBS     = $(PKG_LIBS) -lpthread -lm

# SANITIZE=address,undefined builds into its own folder.
ifdef SANITIZE
B          = build-san
ALL_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS   += -fsanitize=$(SANITIZE)
else
B          = build
endif

ifndef V
Q = @
endif

CORE_SRCS  = $(sort $(wildcard core/*.c))
CLI_SRCS   = $(sort $(wildcard cli/*.c))
UNIT_SRCS  = $(sort $(wildcard tests/unit/test_*.c))
WEB_SRCS   = $(sort $(wildcard web/*.c))
RESOURCES  = rubrics/rubric.xsd rubrics/scorecard.xsd \
             $(sort $(filter-out templates/web,$(wildcard templates/*))) \
             $(sort $(wildcard templates/web/*)) $(sort $(wildcard web/assets/*))

CORE_OBJS  = $(CORE_SRCS:%.c=$(B)/%.o) $(B)/gen/resources.o
CLI_OBJS   = $(CLI_SRCS:%.c=$(B)/%.o)
WEB_OBJS   = $(WEB_SRCS:%.c=$(B)/%.o)
UNIT_BINS  = $(UNIT_SRCS:tests/unit/%.c=$(B)/tests/%)
TOOL_BINS  = $(patsubst tools/%.c,$(B)/tools/%,$(sort $(wildcard tools/*.c)))

LIB        = $(B)/libscorewheel.a
PROG       = $(B)/scorewheel

.PHONY: all check check-unit check-cli check-san check-valgrind check-core-quiet \
        check-render check-browser demo bench install uninstall clean
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

$(B)/gen/%.o: $(B)/gen/%.c core/resource.h
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/%.o: %.c $(wildcard core/*.h) $(wildcard cli/*.h) $(wildcard web/*.h)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) -Icli -Iweb $(WEB_CFLAGS) -c -o $@ $<

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

$(B)/tests/%: tests/unit/%.c $(LIB) tests/unit/unit.h
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -Itests/unit -o $@ $< $(LIB) $(LDFLAGS) $(LDLIBS) $(TEST_LIBS)

# The allocation-failure test wraps the allocator in every object it links.
$(B)/tests/test_oom: tests/unit/test_oom.c $(LIB) tests/unit/unit.h
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -Itests/unit -o $@ $< $(LIB) $(LDFLAGS) \
	    -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=xmlSchemaValidateDoc,--wrap=xmlSchemaNewValidCtxt,--wrap=xmlParseDocument $(LDLIBS) $(TEST_LIBS)

$(B)/tools/%: tools/%.c $(LIB)
	@mkdir -p $(@D)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) $(LDLIBS)

# --- tests -----------------------------------------------------------------

# Plain build with $(CC) (gcc), the sanitizer build with clang: both compilers
# see every file with -Werror.
SAN_CC ?= $(shell command -v clang >/dev/null 2>&1 && echo clang || echo $(CC))

check: check-core-quiet
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

check-valgrind: $(UNIT_BINS)
	$(Q)VALGRIND="valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect" \
	    sh tests/run-unit.sh $(UNIT_BINS)

# The web app in headless Chromium (selenium, axe-core from npm): keyboard
# only, autosave, 375 px, WCAG 2 A/AA. Needs chromium, chromium-driver and
# python3-selenium; `check` runs it when chromium is there.
check-browser: $(PROG)
	$(Q)sh tests/web/browser.sh $(CURDIR)/$(PROG) $(B)

# core/ must never print: no object of it may reference stdout or stderr.
check-core-quiet: $(LIB)
	$(Q)if nm -u $(LIB) | grep -E '\b(stdout|stderr|printf|puts|perror|exit)$$'; then \
	    echo "core/ refers to the terminal (above)"; exit 1; fi

# LibreOffice opens the committee workbooks (converts them to PDF): slow, and
# needs libreoffice-calc and poppler-utils, so not part of `check`. The PDFs
# and PNGs of their first pages stay in $(B)/render for people to look at.
check-render: $(PROG) $(TOOL_BINS)
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
FUZZERS             = rubric scorecard report request
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

$(B)/fuzz_%: tests/fuzz/fuzz_%.c $(LIB) $(wildcard tests/fuzz/*.h)
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -DFUZZ_SRCDIR='"$(CURDIR)"' -o $@ $< \
	    $(LIB) $(LDLIBS)

# The request parser lives in web/, outside the library.
$(B)/fuzz_request: tests/fuzz/fuzz_request.c web/request.c web/request.h
	@echo "  LINK    $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Iweb -fsanitize=fuzzer -o $@ tests/fuzz/fuzz_request.c web/request.c

# --- the example requisition -----------------------------------------------

demo: $(PROG)
	$(Q)sh docs/examples/demo.sh $(PROG)

# --- benchmark (never a timed test) ------------------------------------------

BENCH_SIZES ?= 20000 100000

bench: $(PROG) $(TOOL_BINS)
	$(Q)python3 tests/bench/bench.py $(PROG) $(B)/tools/gencards rubrics/tpm.xml \
	    $(B)/bench $(BENCH_SIZES)

# --- install ---------------------------------------------------------------

# The API: core/scorewheel.h and what it includes. Internal headers (xml.h,
# xlsx_int.h, resource.h, json.h, text.h, order.h, template.h) are not installed.
PUBLIC_HEADERS = \
	core/aggregate.h \
	core/arena.h \
	core/buf.h \
	core/calibrate.h \
	core/document.h \
	core/entry.h \
	core/error.h \
	core/files.h \
	core/kit.h \
	core/load.h \
	core/report.h \
	core/rubric.h \
	core/rubric_text.h \
	core/scorecard.h \
	core/scorewheel.h \
	core/stats.h \
	core/strmap.h \
	core/team.h \
	core/wheel.h \
	core/xlsx.h
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
	install -m 644 $(PUBLIC_HEADERS) $(DESTDIR)$(INCDIR)/
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
	rm -rf build build-san build-fuzz scorewheel
