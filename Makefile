# councildoc — plain Makefile with pkg-config.
#   make            build bin/councildoc and the filters
#   make demo       install missing dependencies (as root), build, convert examples/
#   make test       unit + golden tests, built with ASan/UBSan
#   make golden     regenerate golden files after showing the diff
#   make install    PREFIX=/usr/local DESTDIR=
#   make bench      benchmark (see README)
#   make check-corpus  convert ../shared/corpus/third-party (skipped without it)
#   make check-pandoc  our text against pandoc's docx goldens (skipped without it)

PREFIX  ?= /usr/local
DESTDIR ?=
CC      ?= cc
PKGS     = libxml-2.0 libxslt libexslt libzip libgcrypt
# libwmf and libemf2svg (which ships no pkg-config file): their headers
# only; the metafile step's child process loads them (dlopen, where
# glibc before 2.34 needs -ldl); the stylesheets run in threads
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) libwmf 2>/dev/null)
DL_LIBS    := $(shell printf '\043include <dlfcn.h>\nint main(void) { return dlopen("x", 0) != 0; }\n' | \
                $(CC) -x c - -o /dev/null 2>/dev/null || echo -ldl)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) $(DL_LIBS) -pthread
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)
# the CLI reads its manifest with jansson (the library does not need it)
CLI_LIBS := $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson)

WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS  ?= -O2 -g
# the library's modules see lib/core/ (cd_internal.h) and the stages'
# headers (a stage includes only its own and those of stages it builds on:
# no cycle); the programs under cli/ see the public header only
INCS     = -Ilib/core -Ipipeline/flatten -Ipipeline/structure \
           -Ipipeline/structure/meta -Ipipeline/structure/refs
CPPFLAGS_ALL = -std=c11 -D_POSIX_C_SOURCE=200809L -D_GNU_SOURCE -Iinclude $(INCS) \
           -DCD_DATADIR='"$(PREFIX)/share/councildoc"' $(PKG_CFLAGS)
SAN      = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

LIBSRC  := $(sort $(wildcard lib/core/*.c input/*.c pipeline/*.c pipeline/*/*.c \
                              pipeline/*/*/*.c output/*.c))
FILTERS := extract flatten clean notes structure render
PROGS   := bin/councildoc $(FILTERS:%=bin/councildoc-%)
TESTSRC := $(sort $(wildcard tests/test_*.c))

R = build/rel
A = build/asan

REL_OBJ  := $(LIBSRC:%.c=$(R)/%.o)
ASAN_OBJ := $(LIBSRC:%.c=$(A)/%.o)
UNIT     := $(TESTSRC:tests/%.c=$(A)/tests/%)

all: $(PROGS)

# quiet by default; make V=1 shows the commands
Q = $(if $(V),,@)

# release objects are position-independent: the same ones make the static
# and the shared library
$(R)/%.o: %.c
	@mkdir -p $(@D)
	@$(if $(V),:,echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS_ALL) $(CPPFLAGS) $(CFLAGS) -fPIC $(WARN) -MMD -MP -c $< -o $@

# the configured data directory is compiled in: rebuild when PREFIX changes
$(R)/prefix.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(PREFIX)' | cmp -s - $@ || echo '$(PREFIX)' > $@
$(R)/output/emit.o $(A)/output/emit.o: $(R)/prefix.stamp
FORCE:

$(R)/cli/%.o $(A)/cli/%.o: INCS =

$(A)/%.o: %.c
	@mkdir -p $(@D)
	@$(if $(V),:,echo "  CC-SAN  $<")
	$(Q)$(CC) $(CPPFLAGS_ALL) $(CPPFLAGS) -O1 -g $(SAN) $(WARN) -MMD -MP -c $< -o $@

$(R)/libcouncildoc.a: $(REL_OBJ)
	@rm -f $@
	ar rcs $@ $^

SOVER = 0
VERSION := $(shell sed -n 's/^\#define CD_VERSION "\(.*\)"/\1/p' include/councildoc.h)

$(R)/libcouncildoc.so.$(SOVER): $(REL_OBJ)
	$(CC) -shared -Wl,-soname,libcouncildoc.so.$(SOVER) -o $@ $^ $(PKG_LIBS) $(LDFLAGS)

$(R)/councildoc.pc: build-aux/councildoc.pc.in $(R)/prefix.stamp include/councildoc.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
	    -e 's|@PRIVATE@|$(filter-out libxml-2.0,$(PKGS))|' -e 's|@DL_LIBS@|$(DL_LIBS)|' $< > $@

lib: $(R)/libcouncildoc.a $(R)/libcouncildoc.so.$(SOVER) $(R)/councildoc.pc

$(A)/libcouncildoc.a: $(ASAN_OBJ)
	@rm -f $@
	ar rcs $@ $^

bin/councildoc: $(R)/cli/councildoc.o $(R)/cli/batch.o $(R)/cli/manifest.o $(R)/cli/outputs.o $(R)/cli/times.o $(R)/cli/messages.o $(R)/libcouncildoc.a
	@mkdir -p bin
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS) $(CLI_LIBS) $(LDFLAGS)

bin/councildoc-%: $(R)/cli/councildoc-%.o $(R)/cli/filter.o $(R)/cli/messages.o $(R)/libcouncildoc.a
	@mkdir -p bin
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS) $(LDFLAGS)

# sanitized programs for the tests
$(A)/bin/councildoc: $(A)/cli/councildoc.o $(A)/cli/batch.o $(A)/cli/manifest.o $(A)/cli/outputs.o $(A)/cli/times.o $(A)/cli/messages.o $(A)/libcouncildoc.a
	@mkdir -p $(@D)
	$(CC) -g $(SAN) -o $@ $^ $(PKG_LIBS) $(CLI_LIBS)

$(A)/bin/councildoc-%: $(A)/cli/councildoc-%.o $(A)/cli/filter.o $(A)/cli/messages.o $(A)/libcouncildoc.a
	@mkdir -p $(@D)
	$(CC) -g $(SAN) -o $@ $^ $(PKG_LIBS)

$(A)/bin/mkdocx: $(A)/tests/mkdocx.o $(A)/libcouncildoc.a
	@mkdir -p $(@D)
	$(CC) -g $(SAN) -o $@ $^ $(PKG_LIBS)

$(A)/bin/jsonlines: tests/jsonlines.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L -g $(SAN) $(WARN) -o $@ $< $(CLI_LIBS)

$(A)/tests/test_%: $(A)/tests/test_%.o $(A)/libcouncildoc.a
	$(CC) -g $(SAN) -o $@ $^ $(PKG_LIBS) $(CMOCKA_LIBS)

deps:
	@sh build-aux/deps.sh build

deps-test:
	@sh build-aux/deps.sh test

ASAN_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

test: deps-test
	@$(MAKE) --no-print-directory test-build
	@sh tests/run-unit.sh $(UNIT)
	@$(ASAN_ENV) sh tests/golden.sh check $(A)/bin $(A)/bin/mkdocx
	@$(ASAN_ENV) sh tests/golden-xslt.sh check $(A)/bin
	@$(ASAN_ENV) sh tests/cli.sh $(A)/bin $(A)/bin/mkdocx
	@$(ASAN_ENV) sh tests/cli-options.sh $(A)/bin $(A)/bin/mkdocx
	@$(MAKE) --no-print-directory check-install
	@echo "make test: all passed"

test-build: $(UNIT) $(FILTERS:%=$(A)/bin/councildoc-%) $(A)/bin/councildoc $(A)/bin/mkdocx $(A)/bin/jsonlines

golden: deps-test
	@$(MAKE) --no-print-directory $(A)/bin/councildoc $(A)/bin/councildoc-render $(A)/bin/mkdocx
	@$(ASAN_ENV) sh tests/golden.sh update $(A)/bin $(A)/bin/mkdocx
	@$(ASAN_ENV) sh tests/golden-xslt.sh update $(A)/bin

demo: deps
	@$(MAKE) --no-print-directory all $(R)/bin/mkdocx
	@mkdir -p demo/out
	$(R)/bin/mkdocx examples/council-report.xml demo/council-report.docx
	bin/councildoc -t all -o demo/out demo/council-report.docx
	@echo
	@echo "demo: converted demo/council-report.docx (built from examples/council-report.xml):"
	@for f in demo/out/*; do echo "  $$f"; done

check-corpus: all
	@sh tests/check-corpus.sh bin/councildoc

check-emitters: all
	@sh tests/check-emitters.sh bin/councildoc

check-pandoc: all
	@python3 tests/check-pandoc-goldens.py bin/councildoc

$(R)/bin/%: $(R)/tests/%.o $(R)/libcouncildoc.a
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $^ $(PKG_LIBS)

bench: all $(R)/bin/mkbig $(R)/bin/runstat
	@sh tests/bench.sh bin/councildoc

# what make install writes (make uninstall removes exactly these)
INST_BIN   = $(PROGS:bin/%=$(PREFIX)/bin/%)
INST_DATA  = $(patsubst xslt/%,$(PREFIX)/share/councildoc/%,$(wildcard xslt/*.xsl) xslt/council.rng)
INST_LIB   = $(PREFIX)/lib/libcouncildoc.a $(PREFIX)/lib/libcouncildoc.so.$(SOVER) \
             $(PREFIX)/lib/libcouncildoc.so $(PREFIX)/lib/pkgconfig/councildoc.pc
INST_OTHER = $(PREFIX)/include/councildoc.h $(PREFIX)/share/man/man1/councildoc.1 \
             $(PREFIX)/share/man/man3/councildoc.3

install: all lib
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/man/man3 $(DESTDIR)$(PREFIX)/share/councildoc \
		$(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include
	install -m 755 $(PROGS) $(DESTDIR)$(PREFIX)/bin/
	install -m 644 doc/councildoc.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -m 644 doc/councildoc.3 $(DESTDIR)$(PREFIX)/share/man/man3/
	install -m 644 xslt/*.xsl xslt/council.rng $(DESTDIR)$(PREFIX)/share/councildoc/
	install -m 644 include/councildoc.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 $(R)/libcouncildoc.a $(DESTDIR)$(PREFIX)/lib/
	install -m 755 $(R)/libcouncildoc.so.$(SOVER) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libcouncildoc.so.$(SOVER) $(DESTDIR)$(PREFIX)/lib/libcouncildoc.so
	install -m 644 $(R)/councildoc.pc $(DESTDIR)$(PREFIX)/lib/pkgconfig/

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INST_BIN) $(INST_DATA) $(INST_LIB) $(INST_OTHER))
	-rmdir $(DESTDIR)$(PREFIX)/share/councildoc 2>/dev/null

# a program of another project builds on the installed library
check-install: all $(R)/bin/mkdocx
	@sh tests/check-install.sh

clean:
	rm -rf build bin demo

.PHONY: all lib deps deps-test test test-build golden demo check-corpus check-emitters check-pandoc bench install uninstall check-install clean FORCE
.SECONDARY:

# ---- fuzzing (tests/fuzz/README.md) --------------------------------------
#   make fuzz FUZZ_SECONDS=60   builds the libFuzzer targets with clang into
#   build/fuzz/, seeds build/fuzz/corpus-*/ and runs each target in turn;
#   crashes go to build/fuzz/crashes/, logs to build/fuzz/logs/.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= read textdump stages convert eqtext
FUZZ_FLAGS   ?= -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
F ?= build/fuzz
FUZZ_SAN  = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
FUZZ_OBJ := $(LIBSRC:%.c=$(F)/obj/%.o)

$(F)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS_ALL) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link $(WARN) -MMD -MP -c $< -o $@

$(F)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(FUZZ_OBJ)
	$(FUZZ_CC) $(CPPFLAGS_ALL) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer $(WARN) -o $@ $< $(FUZZ_OBJ) $(PKG_LIBS)

fuzz-build: $(FUZZ_TARGETS:%=$(F)/fuzz_%)

fuzz: fuzz-build bin/councildoc-extract $(R)/bin/mkdocx
	@sh tests/fuzz/corpus-seed.sh $(F) bin/councildoc-extract $(R)/bin/mkdocx
	@mkdir -p $(F)/crashes $(F)/logs
	@rc=0; for t in $(FUZZ_TARGETS); do \
		opts=$$(sed -n 's/^\([a-z_]*\) *= *\(.*\)$$/-\1=\2/p' tests/fuzz/fuzz_$$t.options | tr '\n' ' '); \
		echo "fuzz: $$t for $(FUZZ_SECONDS)s ($$opts)"; \
		$(F)/fuzz_$$t $(FUZZ_FLAGS) $$opts -max_total_time=$(FUZZ_SECONDS) \
			-artifact_prefix=$(F)/crashes/$$t- $(F)/corpus-$$t > $(F)/logs/$$t.log 2>&1 || \
			{ echo "fuzz: $$t FAILED, see $(F)/logs/$$t.log and $(F)/crashes/"; rc=1; }; \
		grep -E '^#[0-9]+.*(DONE|cov:)' $(F)/logs/$$t.log | tail -1; \
		grep -E '^stat::(number_of_executed_units|peak_rss_mb)' $(F)/logs/$$t.log; \
	done; exit $$rc

.PHONY: fuzz fuzz-build
-include $(FUZZ_OBJ:.o=.d)

-include $(shell find build -name "*.d" 2>/dev/null)
