# tests/hardening.mk - the hardening builds and targets (docs/diagnostics.md,
# "Hardening"); included by the Makefile.
#
#   make fuzz          each libFuzzer harness for FUZZ_SECONDS (default 60)
#   make fault         every Nth allocation and every Nth I/O call fails, for
#                      every N in a build of the example
#   make valgrind      Valgrind memcheck on the example and the bad-input corpus
#   make bench-patho   pathological inputs at n and 10n (bench/patho.sh)
#
# `make check` builds the fuzz harnesses (when clang has libFuzzer) and the
# fault-injection build, and tests/run replays the seeds, fuzzes each harness
# briefly and runs a sample of the fault sweep.

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_DIR     := build/fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_SRCS    := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BINS    := $(FUZZ_SRCS:tests/fuzz/%.c=$(FUZZ_DIR)/%)
FUZZ_OBJS    := $(LIB_SRCS:gen/%.c=$(FUZZ_DIR)/%.o)
# libFuzzer present? (only asked for the goals that use it)
ifneq ($(filter check test fuzz fuzz-build,$(or $(MAKECMDGOALS),all)),)
HAVE_FUZZ := $(shell printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return d && n; }\n' | \
  $(FUZZ_CC) -fsanitize=fuzzer -x c - -o /dev/null >/dev/null 2>&1 && echo yes)
endif

$(FUZZ_DIR)/%.o: gen/%.c $(HDRS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(WARN) -O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN) $(ALL_CPPFLAGS) -c $< -o $@

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJS) $(HDRS)
	$(FUZZ_CC) $(WARN) -O1 -g -fsanitize=fuzzer $(FUZZ_SAN) $(ALL_CPPFLAGS) -Igen \
	  -DAN_FUZZ_TEMPLATES='"$(CURDIR)/templates"' -o $@ $< $(FUZZ_OBJS) $(ALL_LIBS)

# objects of a pattern rule's binaries: keep them between runs
.SECONDARY: $(FUZZ_OBJS)

.PHONY: fuzz fuzz-build fault valgrind bench-patho
fuzz-build: $(FUZZ_BINS)

fuzz: $(FUZZ_BINS)
	@bash tests/fuzz/run.sh fuzz $(FUZZ_SECONDS)

# Fault injection: the same sources with -DAN_FAULT_INJECTION (gen/fault.h),
# under ASan + UBSan; ANNALIST_FAIL_ALLOC=N / ANNALIST_FAIL_IO=N choose the
# call that fails.
FAULT_DIR  := build/fault
FAULT_OBJS := $(SRCS:gen/%.c=$(FAULT_DIR)/%.o)

$(FAULT_DIR)/%.o: gen/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WARN) -O1 -g $(SAN) -DAN_FAULT_INJECTION $(ALL_CPPFLAGS) -c $< -o $@

$(FAULT_DIR)/annalist: $(FAULT_OBJS)
	$(CC) $(SAN) $(LDFLAGS) -o $@ $(FAULT_OBJS) $(ALL_LIBS)

# the same without sanitizers, for the every-allocation sweep (fork is
# several times faster without ASan's shadow memory)
FAULTP_DIR  := build/fault-plain
FAULTP_OBJS := $(SRCS:gen/%.c=$(FAULTP_DIR)/%.o)

$(FAULTP_DIR)/%.o: gen/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(WARN) -O2 -g -DAN_FAULT_INJECTION $(ALL_CPPFLAGS) -c $< -o $@

$(FAULTP_DIR)/annalist: $(FAULTP_OBJS)
	$(CC) $(LDFLAGS) -o $@ $(FAULTP_OBJS) $(ALL_LIBS)

fault: annalist $(FAULT_DIR)/annalist $(FAULTP_DIR)/annalist
	@bash tests/fault/run.sh all

valgrind: annalist
	@bash tests/valgrind/run.sh

bench-patho: annalist
	@bash bench/patho.sh

check test: $(FAULT_DIR)/annalist $(if $(HAVE_FUZZ),$(FUZZ_BINS))
