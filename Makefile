# natrisk - build, test and install.
#
#   make run        deps, build, the main job on examples/nrb-2012.yaml
#   make serve      deps, build, the server on 127.0.0.1:8080 with the
#                   example editions and a demo account
#   make check      deps, build, every test (unit, CLI, bad input, golden,
#                   SVG), then the same under ASan and UBSan
#   make sanitize   the tests under ASan and UBSan only
#   make fuzz       libFuzzer on the loaders and the store; what it finds
#                   that covers new code joins fuzz/corpus (kept minimal:
#                   -merge=1 on edges), which "make check" replays
#   make bench      the benchmarks in bench/ (engine, SMAA, then the
#                   server against nginx; bench-engine / bench-server
#                   run one part)
#   make install    PREFIX=/usr/local DESTDIR=  the binary, the library
#                   (libnatrisk.so.* and libnatrisk.a), its headers, its
#                   pkg-config file, the method files and the man page

PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= build
CC ?= cc
FUZZ_SECONDS ?= 60

# The library needs LIB_PKGS (natrisk.pc's Requires.private); the server
# in the binary needs libmicrohttpd too.
# cbc is COIN-OR's MILP solver (the portfolio, src/core/milp_cbc.c).
# libzip and libxml2 write the progress letter's .odt.
LIB_PKGS := libfyaml jansson cairo sqlite3 libsodium cbc libzip libxml-2.0
PKGS := $(LIB_PKGS) libmicrohttpd libcurl
TEST_PKGS := cmocka libxml-2.0

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-psabi \
        -Wno-unused-parameter
OPT ?= -O2 -g
SAN ?=
CPPFLAGS += -Iinclude -Isrc -DNATRISK_DATADIR='"$(PREFIX)/share/natrisk"'
CFLAGS ?=
CFLAGS += -std=gnu17 $(OPT) $(WARN) $(WERROR) $(SAN) \
          $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm -lpthread
LIB_LDLIBS := $(shell pkg-config --libs $(LIB_PKGS) 2>/dev/null) -lm -lpthread
# The natrisk binary takes COIN-OR's solver stack (and the LAPACK and
# BLAS under it) from the static archives; the library keeps them shared.
# Their C++ symbols took ~15 ms of dynamic linking at every start, for a
# solver only `natrisk portfolio` uses (docs/design.md, Performance).
COIN_LIBS := -lCbcSolver -lCbc -lCgl -lOsiClp -lClpSolver -lClp -lOsi \
             -lCoinUtils -llapack -lblas
BIN_LDLIBS := $(filter-out $(COIN_LIBS),$(LDLIBS)) -Wl,-Bstatic \
              $(COIN_LIBS) -lgfortran -lquadmath -Wl,-Bdynamic -lstdc++ \
              -lbz2 -lz -lm -lpthread
TEST_CFLAGS = $(shell pkg-config --cflags $(TEST_PKGS) 2>/dev/null)
TEST_LIBS = $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null)

LIB_SRC := $(wildcard src/core/*.c src/io/*.c src/render/*.c src/store/*.c)
CLI_SRC := $(wildcard src/cli/*.c)
SERVER_SRC := $(wildcard src/server/*.c)
WEB_FILES := $(wildcard web/*)
METHOD_FILES := $(wildcard methods/*.yaml)
SCHEMA_FILES := $(wildcard schemas/*.xsd)
GEN_SRC := $(BUILD)/gen/embedded_methods.c
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/embedded_methods.o \
           $(BUILD)/gen/embedded_schemas.o
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
SERVER_OBJ := $(SERVER_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/embedded_web.o
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
HELPER_SRC := $(wildcard tests/tools/*.c)
HELPER_BIN := $(HELPER_SRC:tests/tools/%.c=$(BUILD)/tests/%)
FUZZ_TARGETS := $(patsubst fuzz/%.c,%,$(wildcard fuzz/fuzz_*.c))
# The fuzz targets under the compiler of the build, each with a main()
# that replays files (fuzz/replay.c): tests/run-all runs them over
# fuzz/seeds and fuzz/corpus.
REPLAY_BIN := $(FUZZ_TARGETS:%=$(BUILD)/fuzz/replay_%) \
              $(BUILD)/tests/replay_abort
BIN := $(BUILD)/natrisk

# The library. Its objects are position-independent and hide every name
# but those the public headers mark NATRISK_EXTERN, so that the shared
# library exports natrisk_* only; the static one is the same objects
# linked into one with the hidden names made local, so that a program's
# own "keep" or "file_read" cannot clash with ours. The binary, the unit
# tests, the benchmarks and the fuzzers link INTERNAL_LIB instead: the
# same objects as they are, internal names included.
VERSION := $(shell sed -n 's/^\#define NATRISK_VERSION "\(.*\)"/\1/p' include/natrisk/common.h)
SOVERSION := $(firstword $(subst ., ,$(VERSION)))
LIB := $(BUILD)/libnatrisk.a
SONAME := libnatrisk.so.$(SOVERSION)
SHLIB := $(BUILD)/libnatrisk.so.$(VERSION)
SHLIB_LINKS := $(BUILD)/$(SONAME) $(BUILD)/libnatrisk.so
INTERNAL_LIB := $(BUILD)/libnatrisk-internal.a

.PHONY: all deps run check test sanitize fuzz bench bench-engine bench-server install clean serve

all: $(BIN) $(LIB) $(SHLIB_LINKS)

deps:
	@scripts/install-deps

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(LIB_OBJ): CFLAGS += -fPIC -fvisibility=hidden
# Flags decide what the library exports: a changed Makefile rebuilds it.
$(LIB_OBJ): Makefile

# The SMAA kernels are where vectorisation matters.
$(BUILD)/src/core/smaa_kernel.o $(BUILD)/src/core/smaa_confidence.o \
$(BUILD)/src/core/smaa_rank.o $(BUILD)/src/core/smaa_weights.o \
$(BUILD)/src/core/smaa_single.o: \
	CFLAGS += -O3 -fno-math-errno -fno-trapping-math

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=gnu17 -O1 -Wall -Wextra $< -o $@

$(GEN_SRC): $(BUILD)/tools/embed $(METHOD_FILES)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed embedded_methods $@ $(METHOD_FILES)

$(BUILD)/gen/embedded_methods.o: $(GEN_SRC)
	$(CC) $(CPPFLAGS) -Isrc/io $(CFLAGS) -c $< -o $@

# The CAP 1.2 schema too (src/io/cap_schema.c).
$(BUILD)/gen/embedded_schemas.c: $(BUILD)/tools/embed $(SCHEMA_FILES)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed embedded_schemas $@ $(SCHEMA_FILES)

$(BUILD)/gen/embedded_schemas.o: $(BUILD)/gen/embedded_schemas.c
	$(CC) $(CPPFLAGS) -Isrc/io $(CFLAGS) -c $< -o $@

# The web UI is embedded too: the server is one file to deploy.
$(BUILD)/gen/embedded_web.c: $(BUILD)/tools/embed $(WEB_FILES)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed embedded_web $@ $(WEB_FILES)

$(BUILD)/gen/embedded_web.o: $(BUILD)/gen/embedded_web.c
	$(CC) $(CPPFLAGS) -Isrc/io $(CFLAGS) -c $< -o $@

$(INTERNAL_LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/natrisk-lib.o: $(LIB_OBJ)
	$(LD) -r -o $@ $^
	objcopy --localize-hidden $@

$(LIB): $(BUILD)/natrisk-lib.o
	@rm -f $@
	ar rcs $@ $^

# Every allocation of the library passes through the test's wrappers,
# which fail the Nth one (tests/unit/test_alloc_fail.c).
$(BUILD)/tests/test_alloc_fail: TEST_LDFLAGS = \
	-Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup,--wrap=strndup

# -z defs: every name the library uses is its own or a dependency's
# (not under a sanitizer, whose runtime the program brings).
$(SHLIB): $(LIB_OBJ)
	$(CC) $(CFLAGS) -shared -Wl,-soname,$(SONAME) \
		$(if $(SAN),,-Wl,-z,defs) $^ $(LIB_LDLIBS) -o $@

$(SHLIB_LINKS): $(SHLIB)
	ln -sf $(notdir $(SHLIB)) $@

$(BIN): $(CLI_OBJ) $(SERVER_OBJ) $(INTERNAL_LIB)
	$(CC) $(CFLAGS) $(CLI_OBJ) $(SERVER_OBJ) $(INTERNAL_LIB) $(BIN_LDLIBS) -o $@

$(BUILD)/tests/test_%: tests/unit/test_%.c $(INTERNAL_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(TEST_CFLAGS) $< $(INTERNAL_LIB) \
		$(TEST_LIBS) $(LDLIBS) $(TEST_LDFLAGS) -o $@

$(BUILD)/tests/%: tests/tools/%.c $(wildcard tests/tools/*.h) $(INTERNAL_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(TEST_CFLAGS) $< $(INTERNAL_LIB) \
		$(TEST_LIBS) $(LDLIBS) -o $@

run: deps
	@$(MAKE) --no-print-directory all
	@mkdir -p out
	$(BIN) assess examples/nrb-2012.yaml
	$(BIN) capabilities examples/plan-2012.yaml
	$(BIN) diagram examples/nrb-2012.yaml --compare examples/nrb-2011.yaml -o out/risk-diagram.svg
	$(BIN) diagram examples/nrb-2012.yaml --compare examples/nrb-2011.yaml -o out/risk-diagram.png
	$(BIN) diagram examples/nrb-2012.yaml --plan examples/plan-2012.yaml --measures adopted -o out/residual-diagram.svg
	$(BIN) report examples/nrb-2012.yaml --compare examples/nrb-2011.yaml --plan examples/plan-2012.yaml -o out
	$(BIN) progress examples/plan-2012.yaml --on 2013-07-01 -o out/progress-2013.html
	$(BIN) progress examples/plan-2012.yaml --on 2013-07-01 -o out/progress-2013.odt
	$(BIN) monitor examples/monitor-2012.yaml -o out/alerts --now 2012-03-10T00:00:00Z
	@echo "wrote out/risk-diagram.svg, out/risk-diagram.png, out/residual-diagram.svg, out/report.html, out/progress-2013.html, .odt and the CAP messages in out/alerts"

# The server on 127.0.0.1:8080 with the example editions and a demo
# account whose password is printed once (scripts/serve-demo).
serve: deps
	@$(MAKE) --no-print-directory all
	@scripts/serve-demo $(BIN) $(BUILD)/demo.db

# The tests proper, on an already built tree (BUILD selects which).
test: all $(UNIT_BIN) $(HELPER_BIN) $(REPLAY_BIN)
	@NATRISK_SAN="$(SAN)" tests/run-all $(BUILD)

check: deps
	@$(MAKE) --no-print-directory test WERROR=-Werror
	@$(MAKE) --no-print-directory sanitize

sanitize:
	@$(MAKE) --no-print-directory test BUILD=build-san WERROR=-Werror \
		OPT="-O1 -g" \
		SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all"

fuzz: deps
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT="-O1 -g" \
		SAN="-fsanitize=fuzzer-no-link,address,undefined" $(FUZZ_TARGETS:%=build-fuzz/fuzz/%)
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p fuzz/corpus/$$t build-fuzz/corpus/$$t; \
		echo "fuzzing $$t for $(FUZZ_SECONDS)s"; \
		LSAN_OPTIONS=suppressions=tests/lsan.supp \
		build-fuzz/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
			-timeout=10 -rss_limit_mb=1024 -dict=fuzz/dict.txt \
			build-fuzz/corpus/$$t fuzz/corpus/$$t fuzz/seeds/$$t || exit 1; \
		LSAN_OPTIONS=suppressions=tests/lsan.supp \
		build-fuzz/fuzz/$$t -merge=1 -use_counters=0 -use_value_profile=0 \
			-max_len=65536 -timeout=10 -rss_limit_mb=1024 \
			fuzz/corpus/$$t build-fuzz/corpus/$$t || exit 1; \
	done

build-fuzz/fuzz/%: fuzz/%.c build-fuzz/libnatrisk-internal.a
	@mkdir -p $(dir $@)
	clang $(CPPFLAGS) -std=gnu17 -O1 -g -fsanitize=fuzzer,address,undefined \
		$< build-fuzz/libnatrisk-internal.a $(LDLIBS) -o $@

$(BUILD)/fuzz/replay_%: fuzz/%.c fuzz/replay.c $(INTERNAL_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $< fuzz/replay.c $(INTERNAL_LIB) $(LDLIBS) -o $@

# A target that aborts on purpose: the driver must fail on it.
$(BUILD)/tests/replay_abort: tests/fuzz/abort_target.c fuzz/replay.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $^ -o $@

bench: bench-engine bench-server

bench-engine: deps
	@$(MAKE) --no-print-directory all $(BUILD)/bench/bench_pipeline \
		$(BUILD)/bench/bench_smaa $(BUILD)/bench/bench_residual \
		$(BUILD)/bench/bench_portfolio $(BUILD)/bench/bench_monitor
	@bench/run $(BUILD)

bench-server: deps
	@$(MAKE) --no-print-directory all
	@bench/server/run $(BUILD)

$(BUILD)/bench/%: bench/%.c $(INTERNAL_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) $< $(INTERNAL_LIB) $(LDLIBS) -o $@

# The portfolio benchmark measures GLPK beside the library's CBC.
$(BUILD)/bench/bench_portfolio: bench/bench_portfolio.c bench/milp_glpk.c \
		$(INTERNAL_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) bench/bench_portfolio.c bench/milp_glpk.c \
		$(INTERNAL_LIB) $(LDLIBS) -lglpk -o $@

LIBDIR := $(DESTDIR)$(PREFIX)/lib
install: $(BIN) $(LIB) $(SHLIB)
	install -d $(DESTDIR)$(PREFIX)/bin $(LIBDIR)/pkgconfig \
		$(DESTDIR)$(PREFIX)/include/natrisk \
		$(DESTDIR)$(PREFIX)/share/natrisk/methods \
		$(DESTDIR)$(PREFIX)/share/natrisk/schemas \
		$(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/natrisk
	install -m 644 $(LIB) $(LIBDIR)/libnatrisk.a
	install -m 755 $(SHLIB) $(LIBDIR)/$(notdir $(SHLIB))
	ln -sf $(notdir $(SHLIB)) $(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(LIBDIR)/libnatrisk.so
	install -m 644 include/natrisk.h $(DESTDIR)$(PREFIX)/include/
	install -m 644 include/natrisk/*.h $(DESTDIR)$(PREFIX)/include/natrisk/
	install -m 644 $(METHOD_FILES) $(DESTDIR)$(PREFIX)/share/natrisk/methods/
	install -m 644 $(SCHEMA_FILES) $(DESTDIR)$(PREFIX)/share/natrisk/schemas/
	install -m 644 docs/natrisk.1 $(DESTDIR)$(PREFIX)/share/man/man1/natrisk.1
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' \
		natrisk.pc.in > $(LIBDIR)/pkgconfig/natrisk.pc

clean:
	rm -rf build build-san build-fuzz out

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
