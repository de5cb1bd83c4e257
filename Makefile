# Annalist - build, test, install.
#
#   make                 build ./annalist and the example briefing into out/
#   make check           every test, then again under ASan + UBSan
#   make install PREFIX=/usr/local
#
# Libraries come from pkg-config; a missing one stops the build with one
# line naming the Debian package to install.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/annalist

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Wpedantic -Werror
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# pkg-config module -> Debian package
PKG_libcmark    := libcmark-dev
PKG_libxml-2.0  := libxml2-dev
PKG_libxslt     := libxslt1-dev
PKG_libexslt    := libxslt1-dev
PKG_libcgraph   := libgraphviz-dev
PKG_libgvc      := libgraphviz-dev
PKG_yaml-0.1    := libyaml-dev
PKG_jansson     := libjansson-dev
PKG_libical     := libical-dev
PKG_libxxhash   := libxxhash-dev
MODULES := libcmark libxml-2.0 libxslt libexslt libcgraph libgvc yaml-0.1 jansson libical libxxhash

# libcsv (events.csv) ships no pkg-config file: its header is looked for
# with the compiler, and it is linked by name.
CSV_LIBS := -lcsv
HAVE_CSV := $(shell printf '\043include <csv.h>\n' | $(CC) $(CPPFLAGS) -E -x c - >/dev/null 2>&1 && echo y)

HAVE_PKGCONFIG := $(shell command -v pkg-config 2>/dev/null)
ifneq ($(HAVE_PKGCONFIG),)
MISSING := $(strip $(foreach m,$(MODULES),$(if $(shell pkg-config --exists $(m) && echo y),,$(m))))
PKG_CFLAGS := $(shell pkg-config --cflags $(MODULES) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(MODULES) 2>/dev/null)
GV_PLUGINS := $(shell pkg-config --variable=libdir libgvc 2>/dev/null)/graphviz
endif

# Stop at once, with one line, when something needed to build is missing
# (not for the goals that do not compile).
ifneq ($(filter-out setup setup-bench clean uninstall,$(or $(MAKECMDGOALS),all)),)
ifeq ($(HAVE_PKGCONFIG),)
$(error pkg-config is missing: sudo apt-get install pkg-config)
endif
ifneq ($(MISSING),)
$(error library $(firstword $(MISSING)) is missing: sudo apt-get install $(PKG_$(firstword $(MISSING))))
endif
ifeq ($(HAVE_CSV),)
$(error library libcsv is missing: sudo apt-get install libcsv-dev)
endif
endif

# Graphviz layout and render plugins are linked in directly (gvContextPlugins),
# so text metrics do not depend on the fonts and plugins of the machine.
GV_LIBS := -L$(GV_PLUGINS) -Wl,-rpath,$(GV_PLUGINS) \
           -lgvplugin_core -lgvplugin_dot_layout -lgvplugin_neato_layout

ALL_CPPFLAGS := -D_POSIX_C_SOURCE=200809L -DAN_DATADIR='"$(DATADIR)"' $(PKG_CFLAGS) $(CPPFLAGS)
ALL_LIBS     := $(PKG_LIBS) $(CSV_LIBS) $(GV_LIBS) $(LDLIBS)

SRCS      := $(wildcard gen/*.c)
LIB_SRCS  := $(filter-out gen/main.c,$(SRCS))
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
HDRS      := $(wildcard gen/*.h) tests/unit/check.h

OBJ_DIR  := build/obj
ASAN_DIR := build/asan

OBJS      := $(SRCS:gen/%.c=$(OBJ_DIR)/%.o)
LIB_OBJS  := $(LIB_SRCS:gen/%.c=$(OBJ_DIR)/%.o)
ASAN_OBJS := $(SRCS:gen/%.c=$(ASAN_DIR)/%.o)
ASAN_LIB  := $(LIB_SRCS:gen/%.c=$(ASAN_DIR)/%.o)
UNITS      := $(UNIT_SRCS:tests/unit/%.c=$(OBJ_DIR)/%)
ASAN_UNITS := $(UNIT_SRCS:tests/unit/%.c=$(ASAN_DIR)/%)
TOOLS      := $(OBJ_DIR)/spec_test
ASAN_TOOLS := $(ASAN_DIR)/spec_test

.DEFAULT_GOAL := all

# main.o records DATADIR: rebuild it when the install prefix changes.
DATADIR_STAMP := $(OBJ_DIR)/datadir.stamp
$(shell mkdir -p $(OBJ_DIR); [ "`cat $(DATADIR_STAMP) 2>/dev/null`" = "$(DATADIR)" ] || echo "$(DATADIR)" > $(DATADIR_STAMP))
$(OBJ_DIR)/main.o $(ASAN_DIR)/main.o: $(DATADIR_STAMP)

# Debian packages: to build, then to test (XPath, schema, HTML and browser
# checks; faketime for the time differential test against GNU date).
DEBS_BUILD := build-essential pkg-config libcmark-dev libxml2-dev libxslt1-dev \
              libgraphviz-dev libyaml-dev libjansson-dev libical-dev libcsv-dev \
              libxxhash-dev
DEBS_TEST  := libxml2-utils tidy chromium fonts-dejavu-core poppler-utils faketime \
              graphviz python3-networkx python3-icalendar \
              clang libclang-rt-14-dev valgrind

.PHONY: all site setup check test install uninstall clean bench setup-bench bench-views
.DELETE_ON_ERROR:

all: annalist site

setup:
	@if [ "$$(id -u)" -eq 0 ]; then s=; else s=sudo; fi; \
	export DEBIAN_FRONTEND=noninteractive; \
	$$s apt-get update -qq && \
	$$s apt-get install -y -qq --no-install-recommends $(DEBS_BUILD) $(DEBS_TEST)

$(OBJ_DIR)/%.o: gen/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(ALL_CPPFLAGS) -c $< -o $@

$(ASAN_DIR)/%.o: gen/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WARN) -O1 -g $(SAN) $(ALL_CPPFLAGS) -c $< -o $@

annalist: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(ALL_LIBS)

$(ASAN_DIR)/annalist: $(ASAN_OBJS)
	$(CC) $(SAN) $(LDFLAGS) -o $@ $(ASAN_OBJS) $(ALL_LIBS)

$(OBJ_DIR)/test_%: tests/unit/test_%.c $(LIB_OBJS) $(HDRS)
	$(CC) $(WARN) $(CFLAGS) $(ALL_CPPFLAGS) -Igen -o $@ $< $(LIB_OBJS) $(ALL_LIBS)

$(ASAN_DIR)/test_%: tests/unit/test_%.c $(ASAN_LIB) $(HDRS)
	$(CC) $(WARN) -O1 -g $(SAN) $(ALL_CPPFLAGS) -Igen -o $@ $< $(ASAN_LIB) $(ALL_LIBS)

$(OBJ_DIR)/spec_test: tests/spec/spec_test.c $(LIB_OBJS) $(HDRS)
	$(CC) $(WARN) $(CFLAGS) $(ALL_CPPFLAGS) -Igen -o $@ $< $(LIB_OBJS) $(ALL_LIBS)

$(ASAN_DIR)/spec_test: tests/spec/spec_test.c $(ASAN_LIB) $(HDRS)
	$(CC) $(WARN) -O1 -g $(SAN) $(ALL_CPPFLAGS) -Igen -o $@ $< $(ASAN_LIB) $(ALL_LIBS)

# The example briefing; rebuilt every time (it takes a fraction of a second).
site: annalist
	./annalist build -o out input

check test: annalist $(UNITS) $(TOOLS) $(ASAN_DIR)/annalist $(ASAN_UNITS) $(ASAN_TOOLS)
	@bash tests/run

install: annalist
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates
	install -m 755 annalist $(DESTDIR)$(BINDIR)/annalist
	install -m 644 templates/*.xsl templates/*.css templates/*.rng $(DESTDIR)$(DATADIR)/templates/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/annalist
	rm -rf $(DESTDIR)$(DATADIR)

# Not a test: annalist against the floor (cmark), Hugo and pandoc on the
# same generated sources (bench/corpus.py), its rebuilds and peak memory,
# one core against two, and the overview diagram of 1,000 actors
# (bench/layout.c); a Markdown table at the end (bench/run.sh).  Knobs:
# BENCH_N ("1000 10000"), BENCH_RUNS (3), BENCH_DIR (build/bench),
# BENCH_TIMEOUT (600 s a run).  The peers are optional (make setup-bench):
# one that is missing is reported "skipped".
DEBS_BENCH := cmark hugo pandoc time
$(OBJ_DIR)/bench_layout: bench/layout.c $(LIB_OBJS) $(HDRS)
	$(CC) $(WARN) $(CFLAGS) $(ALL_CPPFLAGS) -Igen -o $@ $< $(LIB_OBJS) $(ALL_LIBS)

bench: annalist $(OBJ_DIR)/bench_layout
	@bash bench/run.sh

setup-bench:
	@$(MAKE) --no-print-directory setup DEBS_BUILD= DEBS_TEST="$(DEBS_BENCH)"

# Not a test: the whole-model steps of a build (model, changes, charts,
# exports, index/timeline/changes/feed/sitemap/graphml) timed one by one
# on a realistic corpus of each size in VIEWS_SIZES (bench/corpus.py,
# bench/views.c), to see that 10x the sources costs about 10x the time.
VIEWS_SIZES ?= 1000 10000
$(OBJ_DIR)/bench_views: bench/views.c $(LIB_OBJS) $(HDRS)
	$(CC) $(WARN) $(CFLAGS) $(ALL_CPPFLAGS) -Igen -o $@ $< $(LIB_OBJS) $(ALL_LIBS)

bench-views: $(OBJ_DIR)/bench_views
	@set -e; for n in $(VIEWS_SIZES); do \
	  d=build/bench/views-$$n; \
	  [ -d $$d/annalist ] || python3 bench/corpus.py $$d $$n >/dev/null; \
	  echo "== $$n sources"; $(OBJ_DIR)/bench_views $$d/annalist templates 2>/dev/null; \
	done

# Fuzzing, fault injection, Valgrind, pathological inputs.
include tests/hardening.mk

clean:
	rm -rf build annalist out .out.annalist-*
