# parallax - see README.md. `make demo` and `make check` install what is
# missing (scripts/install-deps), build and run.

CC      ?= cc
AR      ?= ar
PKGS     = gumbo libutf8proc libpcre2-8 zlib libzstd libxxhash sqlite3 libmicrohttpd libcjson libbrotlidec libbrotlienc libexttextcat icu-uc icu-i18n libpq
CSTD     = -std=c17 -D_GNU_SOURCE
WARN     = -Wall -Wextra -Wpedantic -Werror
INCS     = -Iinclude -Isrc
# Evaluated lazily, after `deps` has installed what pkg-config needs.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -lstemmer -lm -lpthread

OPT_FLAGS  = -O2 -g
SAN_FLAGS  = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer

LIB_SRC  = $(sort $(filter-out src/cli/%,$(wildcard src/*/*.c src/*/*/*.c)))
LIB_HDR  = $(wildcard include/*.h include/parallax/*.h src/*/*.h src/*/*/*.h)
CLI_SRC  = $(sort $(wildcard src/cli/*.c))
TEST_SRC = $(sort $(wildcard tests/test_*.c))
FUZZ_SRC = $(sort $(wildcard fuzz/fuzz_*.c))
RULES    = $(sort $(wildcard data/clean/*.rules))
WEB_FILES = $(sort $(patsubst web/%,%,$(wildcard web/*.html web/*.css web/*.js web/*.svg)))
GEN_SRC  = build/gen/clean_rules.c build/gen/word_lists.c build/gen/background_en.c build/gen/ner_en.c build/gen/story_model_en.c build/gen/quantity_model_en.c build/gen/web_assets.c

REL = build/release
SAN = build/asan
FZ  = build/fuzz

.PHONY: model all demo check check-fuzz fuzz bench deps clean test-build browser-deps
all: build/parallax

# Retrains the entity tagger from ../shared/data/entities (BENCHMARKS.md).
model: build/libparallax.a
	scripts/train-ner

deps:
	@scripts/install-deps

# Cleaning rules are compiled into the library (scripts/embed-rules).
build/gen/clean_rules.c: $(RULES) scripts/embed-rules
	@mkdir -p $(dir $@)
	scripts/embed-rules $(RULES) > $@.tmp && mv $@.tmp $@

# Stopword lists and framing word lists, compiled in the same way.
STOPWORDS = $(sort $(wildcard data/stopwords/*.txt))
FRAMING_LISTS = $(sort $(wildcard data/framing/*.txt))
ABBREVS = $(sort $(wildcard data/abbrev/*.txt))
CLAIM_LISTS = $(sort $(wildcard data/claims/*.txt))
build/gen/word_lists.c: $(STOPWORDS) $(FRAMING_LISTS) $(ABBREVS) $(CLAIM_LISTS) scripts/embed-rules
	@mkdir -p $(dir $@)
	{ scripts/embed-rules -s px_stopword_sources $(STOPWORDS) && \
	  scripts/embed-rules -s px_framing_sources $(FRAMING_LISTS) | sed 's/lines_/framing_/g' && \
	  scripts/embed-rules -s px_abbrev_sources $(ABBREVS) | sed 's/lines_/abbrev_/g' && \
	  scripts/embed-rules -s px_claims_sources $(CLAIM_LISTS) | sed 's/lines_/claims_/g'; } > $@.tmp && mv $@.tmp $@

# The background word table for framing, embedded in the library.
build/gen/background_en.c: data/background-en.tsv scripts/embed-data
	@mkdir -p $(dir $@)
	scripts/embed-data px_background_en_tsv $< > $@.tmp && mv $@.tmp $@

# The learned article-story similarity (scripts/train-story-model), embedded.
build/gen/story_model_en.c: data/story-model.tsv scripts/embed-data
	@mkdir -p $(dir $@)
	scripts/embed-data px_story_model_en_tsv $< > $@.tmp && mv $@.tmp $@

# The learned "two claims report one quantity" (scripts/train-quantity-model), embedded.
build/gen/quantity_model_en.c: data/quantity-model.tsv scripts/embed-data
	@mkdir -p $(dir $@)
	scripts/embed-data px_quantity_model_en_tsv $< > $@.tmp && mv $@.tmp $@

# The entity tagger model (scripts/train-ner, `make model`), embedded.
build/gen/ner_en.c: data/ner-en.model scripts/embed-data
	@mkdir -p $(dir $@)
	scripts/embed-data px_ner_en_model $< > $@.tmp && mv $@.tmp $@

# The web UI is compiled into the library (scripts/embed-assets).
build/gen/web_assets.c: $(addprefix web/,$(WEB_FILES)) scripts/embed-assets
	@mkdir -p $(dir $@)
	scripts/embed-assets $@ web $(WEB_FILES)

# ---- release build ------------------------------------------------------
$(REL)/%.o: %.c $(LIB_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(OPT_FLAGS) $(INCS) $(PKG_CFLAGS) -c $< -o $@

build/libparallax.a: $(LIB_SRC:%.c=$(REL)/%.o) $(GEN_SRC:%.c=$(REL)/%.o)
	$(AR) rcs $@ $^

build/parallax: $(CLI_SRC:%.c=$(REL)/%.o) build/libparallax.a
	$(CC) $(OPT_FLAGS) -o $@ $^ $(PKG_LIBS)

# ---- sanitizer build and tests -----------------------------------------
$(SAN)/%.o: %.c $(LIB_HDR) $(wildcard tests/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CSTD) $(WARN) $(SAN_FLAGS) $(INCS) $(PKG_CFLAGS) $(shell pkg-config --cflags cmocka) -c $< -o $@

$(SAN)/libparallax.a: $(LIB_SRC:%.c=$(SAN)/%.o) $(GEN_SRC:%.c=$(SAN)/%.o)
	$(AR) rcs $@ $^

$(SAN)/parallax: $(CLI_SRC:%.c=$(SAN)/%.o) $(SAN)/libparallax.a
	$(CC) $(SAN_FLAGS) -o $@ $^ $(PKG_LIBS)

$(SAN)/tests/%: $(SAN)/tests/%.o $(SAN)/tests/testutil.o $(SAN)/libparallax.a
	$(CC) $(SAN_FLAGS) -o $@ $^ $(PKG_LIBS) $(shell pkg-config --libs cmocka)

TEST_BINS = $(patsubst tests/%.c,$(SAN)/tests/%,$(TEST_SRC))
test-build: $(TEST_BINS) $(SAN)/parallax build/parallax

demo: deps
	@$(MAKE) --no-print-directory build/parallax
	build/parallax analyze --sources examples/sources.csv examples/corpus examples/html examples/xlang

check: deps
	@$(MAKE) --no-print-directory test-build browser-deps
	@tests/run-tests $(TEST_BINS) tests/layers tests/cli-doc tests/warc-wget tests/pg-store tests/pg-workers tests/valgrind tests/browser/run

# playwright-core for the browser tests (tests/browser), from its lock file;
# it drives Debian's chromium and never downloads a browser.
browser-deps: tests/browser/node_modules/.package-lock.json
tests/browser/node_modules/.package-lock.json: tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund --silent

# ---- fuzzing (clang + libFuzzer) ----------------------------------------
FUZZ_CC    = clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
$(FZ)/%.o: %.c $(LIB_HDR)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CSTD) $(FUZZ_FLAGS) $(INCS) $(PKG_CFLAGS) -c $< -o $@

$(FZ)/libparallax.a: $(LIB_SRC:%.c=$(FZ)/%.o) $(GEN_SRC:%.c=$(FZ)/%.o)
	$(AR) rcs $@ $^

$(FZ)/fuzz_%: $(FZ)/fuzz/fuzz_%.o $(FZ)/libparallax.a
	$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o $@ $^ $(PKG_LIBS)

FUZZ_BINS = $(patsubst fuzz/%.c,$(FZ)/%,$(FUZZ_SRC))
fuzz: deps
	@scripts/install-deps --fuzz
	@$(MAKE) --no-print-directory $(FUZZ_BINS)

FUZZ_SECONDS ?= 30
check-fuzz: fuzz
	@for f in $(FUZZ_BINS); do \
	  name=$$(basename $$f); mkdir -p build/fuzz-corpus/$$name; \
	  echo "fuzz: $$name for $(FUZZ_SECONDS)s"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -print_final_stats=0 \
	      build/fuzz-corpus/$$name fuzz/corpus/$$name 2>build/fuzz-$$name.log \
	    || { tail -40 build/fuzz-$$name.log; exit 1; }; \
	done; echo "fuzz: all targets ran $(FUZZ_SECONDS)s without a crash"

bench: deps all
	@for b in bench/*.sh; do echo "== $$b"; $$b || exit 1; done

clean:
	rm -rf build
