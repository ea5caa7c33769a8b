/* test_doc.c - the one hash map, word sets, the lexicon and the document
 * model: every stage's view of an article's words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/map.h"
#include "core/sort.h"
#include "text/doc_internal.h"
#include "text/wordset.h"
#include "testutil.h"

static void test_map_ids_are_dense_and_stable(void **s)
{
    (void)s;
    px_map m = {0};
    char key[32];
    for (int i = 0; i < 20000; i++) {
        int added = 0;
        int n = snprintf(key, sizeof key, "key-%d", i);
        assert_int_equal(px_map_intern(&m, key, (size_t)n, &added), (uint32_t)i);
        assert_true(added);
    }
    assert_int_equal(m.n, 20000);
    for (int i = 19999; i >= 0; i -= 7) {
        int added = 1;
        int n = snprintf(key, sizeof key, "key-%d", i);
        assert_int_equal(px_map_find(&m, key, (size_t)n), (uint32_t)i);
        assert_int_equal(px_map_intern(&m, key, (size_t)n, &added), (uint32_t)i);
        assert_false(added);
        assert_string_equal(px_map_key(&m, (uint32_t)i), key);
    }
    assert_int_equal(px_map_find(&m, "key-20000", 9), PX_MAP_NONE);
    px_map_free(&m);
    assert_int_equal(px_map_find(&m, "key-1", 5), PX_MAP_NONE);
}

static void test_map_keys_are_bytes(void **s)
{
    (void)s;
    px_map m = {0};
    uint32_t a = px_map_intern(&m, "a\0b", 3, NULL);
    uint32_t b = px_map_intern(&m, "a\0c", 3, NULL);
    uint32_t c = px_map_intern(&m, "a", 1, NULL);
    uint32_t e = px_map_intern(&m, "", 0, NULL);
    assert_int_not_equal(a, b);
    assert_int_not_equal(a, c);
    assert_int_not_equal(c, e);
    assert_int_equal(px_map_len(&m, a), 3);
    assert_int_equal(px_map_find(&m, "", 0), e);
    px_map_free(&m);
}

static void test_map_keeps_long_keys_in_place(void **s)
{
    (void)s;
    px_map m = {0};
    size_t big = 200000;
    char *key = malloc(big);
    memset(key, 'k', big);
    uint32_t a = px_map_intern(&m, "short", 5, NULL);
    const char *short_at = px_map_key(&m, a);
    uint32_t b = px_map_intern(&m, key, big, NULL);
    for (int i = 0; i < 5000; i++) {
        char k[16];
        int n = snprintf(k, sizeof k, "w%d", i);
        px_map_intern(&m, k, (size_t)n, NULL);
    }
    assert_ptr_equal(px_map_key(&m, a), short_at);
    assert_string_equal(short_at, "short");
    assert_int_equal(px_map_len(&m, b), big);
    assert_int_equal(memcmp(px_map_key(&m, b), key, big), 0);
    assert_int_equal(px_map_find(&m, key, big), b);
    free(key);
    px_map_free(&m);
}

static int index_in_fresh_list(const char *first, const char *w)
{
    /* a compound literal: the same address may hold other entries later */
    return px_word_index((const char *const[]){first, "Oct.", "october", NULL}, w, strlen(w));
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* The radix sorts order as qsort does, below and above the size where it
 * stops using insertion sort, with repeats and the extreme values. */
static void test_sort_orders_like_qsort(void **s)
{
    (void)s;
    static const size_t sizes[] = {0, 1, 2, 47, 48, 49, 1000, 100000};
    uint64_t state = 12345;
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t n = sizes[k];
        uint32_t *v = malloc((n + 1) * sizeof *v), *want = malloc((n + 1) * sizeof *want);
        assert_non_null(v);
        assert_non_null(want);
        for (size_t i = 0; i < n; i++) {
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            uint32_t x = (uint32_t)(state >> 32);
            v[i] = i % 7 == 0 ? UINT32_MAX : i % 11 == 0 ? 0 : i % 5 == 0 ? x % 100 : x;
        }
        memcpy(want, v, n * sizeof *v);
        qsort(want, n, sizeof *want, cmp_u32);
        assert_int_equal(px_sort_u32(v, n), PX_OK);
        if (n)
            assert_memory_equal(v, want, n * sizeof *v);
        free(v);
        free(want);
    }
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t n = sizes[k];
        uint64_t *v = malloc((n + 1) * sizeof *v), *want = malloc((n + 1) * sizeof *want);
        assert_non_null(v);
        assert_non_null(want);
        for (size_t i = 0; i < n; i++) {
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            v[i] = i % 7 == 0 ? UINT64_MAX : i % 11 == 0 ? 0 : i % 5 == 0 ? state % 100 : state;
        }
        memcpy(want, v, n * sizeof *v);
        qsort(want, n, sizeof *want, cmp_u64);
        assert_int_equal(px_sort_u64(v, n), PX_OK);
        if (n)
            assert_memory_equal(v, want, n * sizeof *v);
        free(v);
        free(want);
    }
}

static void test_word_index_is_the_first_entry_ignoring_case(void **s)
{
    (void)s;
    static const char *const months[] = {"Jan.", "January", "OCTOBER", "Oct.", "october", NULL};
    assert_int_equal(px_word_index(months, "october", 7), 2);
    assert_int_equal(px_word_index(months, "OCT.", 4), 3);
    assert_int_equal(px_word_index(months, "jan", 3), -1);
    assert_int_equal(px_word_index(months, "januaryx", 8), -1);
    assert_int_equal(px_word_index(months, "", 0), -1);
    /* one list at one address, then other entries at that address */
    assert_int_equal(index_in_fresh_list("said", "said"), 0);
    assert_int_equal(index_in_fresh_list("told", "said"), -1);
    assert_int_equal(index_in_fresh_list("told", "TOLD"), 0);
    assert_int_equal(index_in_fresh_list("said", "october"), 2);
}

static void test_word_set_keys_whole_entries_or_first_fields(void **s)
{
    (void)s;
    static const char *const lines[] = {"# a comment", "dr title", "bzw never", "Dr general", NULL};
    const px_word_set *whole = px_word_set_of(lines, 0), *first = px_word_set_of(lines, 1);
    assert_non_null(whole);
    assert_non_null(first);
    assert_ptr_not_equal(whole, first);
    /* a kept set is the one a later call finds */
    assert_ptr_equal(px_word_set_of(lines, 1), first);
    assert_int_equal(px_word_set_index(first, "dr", 2), 1); /* the first of "dr" and "Dr" */
    assert_int_equal(px_word_set_index(first, "BZW", 3), 2);
    assert_int_equal(px_word_set_index(first, "#", 1), 0);
    assert_int_equal(px_word_set_index(first, "title", 5), -1);
    assert_int_equal(px_word_set_index(whole, "dr", 2), -1);
    assert_int_equal(px_word_set_index(whole, "dr title", 8), 1);
    /* the set and px_word_index agree */
    assert_int_equal(px_word_index(lines, "BZW NEVER", 9), px_word_set_index(whole, "bzw never", 9));
}

/* The term of a word as a document token would get it. */
static const char *term_of(px_lexicon *lx, const char *w, int number)
{
    uint32_t t = px_lexicon_term_of(lx, w, strlen(w), number);
    return t == PX_NO_TERM ? NULL : px_lexicon_term(lx, t);
}

static void test_lexicon_decides_what_a_term_is(void **s)
{
    (void)s;
    px_lexicon *lx = px_lexicon_new("en");
    assert_non_null(lx);
    assert_string_equal(term_of(lx, "Biden's", 0), "biden");
    assert_string_equal(term_of(lx, "BIDEN", 0), "biden");
    assert_string_equal(term_of(lx, "Biden\xE2\x80\x99s", 0), "biden");
    assert_string_equal(term_of(lx, "running", 0), "run");
    assert_string_equal(term_of(lx, "runs", 0), "run");
    assert_null(term_of(lx, "The", 0));
    assert_null(term_of(lx, "x", 0));
    assert_string_equal(term_of(lx, "18,000", 1), "18,000");
    uint32_t t = px_lexicon_term_of(lx, "18,000", 6, 1);
    assert_true(px_lexicon_term_is_number(lx, t));
    assert_false(px_lexicon_term_is_number(lx, px_lexicon_term_of(lx, "runs", 4, 0)));
    /* one form for every way of writing it, classified once */
    uint32_t f1 = px_lexicon_form_id(lx, "The", 3, 0), f2 = px_lexicon_form_id(lx, "THE", 3, 0);
    assert_int_equal(f1, f2);
    assert_true(px_lexicon_form_class(lx, f1) & PX_WC_STOPWORD);
    assert_false(px_lexicon_form_class(lx, f1) & PX_WC_TERM);
    size_t forms = px_lexicon_forms(lx);
    px_lexicon_form_id(lx, "the", 3, 0);
    assert_int_equal(px_lexicon_forms(lx), forms);
    px_lexicon_free(lx);
}

static void test_doc_places_every_token_in_its_sentence(void **s)
{
    (void)s;
    const char text[] = "Vice President Kamala Harris urged restraint. The U.S. sent 1,200 troops.\n\n"
                        "\"We will not stop,\" Mr. Austin said on Oct. 7.";
    px_lexicon *lx = px_lexicon_new("en");
    px_doc d;
    assert_int_equal(px_doc_build(&d, text, strlen(text), lx), PX_OK);
    assert_int_equal(d.sentences.n, 3);
    assert_int_equal(d.first_token[0], 0);
    assert_int_equal(d.first_token[d.sentences.n], d.tokens.n);
    for (size_t i = 0; i < d.tokens.n; i++) {
        const px_span *sp = &d.sentences.v[d.tok[i].sentence];
        assert_true(d.tokens.v[i].start >= sp->start && d.tokens.v[i].end <= sp->end);
        assert_true(i >= d.first_token[d.tok[i].sentence] && i < d.first_token[d.tok[i].sentence + 1]);
    }
    /* "troops" is a term, "The" a stopword, "1,200" a number written as is */
    size_t found = 0;
    for (size_t i = 0; i < d.tokens.n; i++) {
        size_t n;
        const char *form = px_doc_form(&d, i, &n);
        if (form && strcmp(form, "troops") == 0) {
            assert_string_equal(px_lexicon_term(lx, d.tok[i].term), "troop");
            found++;
        } else if (form && strcmp(form, "the") == 0) {
            assert_int_equal(d.tok[i].term, PX_NO_TERM);
            assert_true(d.tok[i].wclass & PX_WC_STOPWORD);
            found++;
        } else if (form && strcmp(form, "1,200") == 0) {
            assert_true(d.tok[i].wclass & PX_WC_NUMBER);
            found++;
        } else if (!form) {
            assert_int_equal(d.tok[i].term, PX_NO_TERM);
            assert_true(d.tokens.v[i].kind != PX_TOK_WORD && d.tokens.v[i].kind != PX_TOK_NUMBER);
        }
    }
    assert_int_equal(found, 3);
    px_doc_free(&d);
    px_lexicon_free(lx);
}

static void test_doc_of_empty_text(void **s)
{
    (void)s;
    px_lexicon *lx = px_lexicon_new(NULL);
    px_doc d;
    assert_int_equal(px_doc_build(&d, "", 0, lx), PX_OK);
    assert_int_equal(d.tokens.n, 0);
    assert_int_equal(d.sentences.n, 0);
    assert_int_equal(d.first_token[0], 0);
    px_doc_free(&d);
    px_lexicon_free(lx);
}

/* Unpacking gives back the document that was packed, field by field, with
 * no tokeniser or splitter pass; the tokens alone come back the same; and
 * the packed form is a small part of the document's memory. */
static void expect_same_doc(const px_doc *a, const px_doc *b)
{
    assert_ptr_equal(a->text, b->text);
    assert_int_equal(a->len, b->len);
    assert_ptr_equal(a->lexicon, b->lexicon);
    assert_int_equal(a->tokens.n, b->tokens.n);
    assert_int_equal(a->sentences.n, b->sentences.n);
    for (size_t i = 0; i < a->tokens.n; i++) {
        assert_int_equal(a->tokens.v[i].start, b->tokens.v[i].start);
        assert_int_equal(a->tokens.v[i].end, b->tokens.v[i].end);
        assert_int_equal(a->tokens.v[i].kind, b->tokens.v[i].kind);
        assert_int_equal(a->tokens.v[i].flags, b->tokens.v[i].flags);
        assert_memory_equal(&a->tok[i], &b->tok[i], sizeof a->tok[i]);
    }
    for (size_t i = 0; i < a->sentences.n; i++) {
        assert_int_equal(a->sentences.v[i].start, b->sentences.v[i].start);
        assert_int_equal(a->sentences.v[i].end, b->sentences.v[i].end);
    }
    for (size_t i = 0; i <= a->sentences.n; i++)
        assert_int_equal(a->first_token[i], b->first_token[i]);
    for (size_t off = 0; off <= a->len; off += 7)
        assert_int_equal(px_doc_cp_offset(a, off), px_doc_cp_offset(b, off));
}

static size_t pack_round_trip(const char *text, px_lexicon *lx)
{
    px_doc d, back;
    px_doc_packed p;
    px_tokens only = {0};
    assert_int_equal(px_doc_build(&d, text, strlen(text), lx), PX_OK);
    assert_int_equal(px_doc_pack(&d, &p), PX_OK);
    assert_int_equal(p.n_tokens, d.tokens.n);
    unsigned long long tok0 = px_text_bytes_tokenized(), split0 = px_text_bytes_split();
    assert_int_equal(px_doc_unpack(&p, &back), PX_OK);
    assert_int_equal(px_doc_unpack_tokens(&p, &only), PX_OK);
    assert_int_equal(px_text_bytes_tokenized(), tok0);
    assert_int_equal(px_text_bytes_split(), split0);
    expect_same_doc(&d, &back);
    assert_int_equal(only.n, d.tokens.n);
    for (size_t i = 0; i < only.n; i++)
        assert_memory_equal(&only.v[i], &d.tokens.v[i], sizeof only.v[i]);
    size_t bytes = p.n_bytes;
    px_tokens_free(&only);
    px_doc_free(&back);
    px_doc_free(&d);
    px_doc_packed_free(&p);
    return bytes;
}

static void test_packed_doc_unpacks_to_the_same_doc(void **s)
{
    (void)s;
    tu_result r;
    tu_read_one(&r, tu_shared("seeds"), NULL);
    assert_int_equal(r.n, 5);
    px_lexicon *en = px_lexicon_new("en"), *ja = px_lexicon_new("ja");
    size_t bytes = 0, tokens = 0;
    for (size_t i = 0; i < r.n; i++) {
        bytes += pack_round_trip(r.articles[i]->body, en);
        px_tokens t = {0};
        assert_int_equal(px_tokenize(r.articles[i]->body, strlen(r.articles[i]->body), &t), PX_OK);
        tokens += t.n;
        px_tokens_free(&t);
    }
    /* a px_doc holds 40 bytes a token (px_token and px_doc_token) */
    assert_true(tokens > 1000);
    assert_true(bytes < tokens * 6);
    assert_int_equal(pack_round_trip("", en), 0);
    pack_round_trip("Caf\xc3\xa9 \xe2\x82\xac" "5 \xf0\x9f\x98\x80. The U.S. sent 1,200 troops.", en);
    /* cut into words by ICU: tokens of other lengths and flags */
    pack_round_trip("\xe6\x9d\xb1\xe4\xba\xac\xe9\x83\xbd\xe3\x81\xaf\xe6\x9c\x88\xe6\x9b\x9c\xe6\x97\xa5\xe3\x80\x82"
                    "\xe4\xba\xba\xe5\x8f\xa3\xe3\x81\xaf 1,400\xe4\xb8\x87\xe4\xba\xba\xe3\x80\x82", ja);
    px_lexicon_free(en);
    px_lexicon_free(ja);
    tu_result_free(&r);
}

/* A story reads each article once: building it runs the tokeniser and the
 * splitter over each body exactly once, and its docs are kept for every
 * comparison. */
/* Code point offsets from the document's table agree with counting from
 * the start, at every byte of a text of one, two, three and four byte
 * characters longer than several checkpoints. */
static void test_doc_code_point_offsets(void **s)
{
    (void)s;
    px_lexicon *lx = px_lexicon_new("en");
    px_buf b = {0};
    for (int i = 0; i < 40; i++)
        px_buf_puts(&b, "Caf\xc3\xa9 \xe2\x82\xac" "5 \xf0\x9f\x98\x80 na\xc3\xaf" "ve. ");
    px_doc d;
    assert_int_equal(px_doc_build(&d, b.data, b.len, lx), PX_OK);
    for (size_t off = 0; off <= b.len; off++)
        assert_int_equal(px_doc_cp_offset(&d, off), px_utf8_offset_to_cp(b.data, off));
    assert_int_equal(px_doc_cp_offset(&d, b.len + 10), px_utf8_offset_to_cp(b.data, b.len));
    px_doc_free(&d);
    px_buf_free(&b);
    px_lexicon_free(lx);
}

static void test_story_tokenises_each_body_once(void **s)
{
    (void)s;
    tu_result r;
    tu_read_one(&r, tu_shared("seeds"), NULL);
    assert_int_equal(r.n, 5);
    unsigned long long bytes = 0;
    for (size_t i = 0; i < r.n; i++)
        bytes += strlen(r.articles[i]->body);
    unsigned long long tok0 = px_text_bytes_tokenized(), split0 = px_text_bytes_split();
    px_story_text *st;
    assert_int_equal(px_story_text_new(&st, r.articles, r.n, NULL), PX_OK);
    assert_int_equal(px_text_bytes_tokenized() - tok0, bytes);
    assert_int_equal(px_text_bytes_split() - split0, bytes);
    size_t sentences = 0;
    for (size_t i = 0; i < r.n; i++) {
        assert_ptr_equal(st->docs[i].text, r.articles[i]->body);
        sentences += st->docs[i].sentences.n;
    }
    assert_int_equal(sentences, st->n_sentences);
    px_story_text_free(st);
    tu_result_free(&r);
}

/* Comparing a story reads each body through its document model: every
 * comparison (entities, numbers, quotes, the timeline, framing, consensus,
 * actors, the summary) together runs the tokeniser and the splitter over
 * each body once (and the tokeniser over each title once: the headline is
 * chosen among them). */
static void test_compare_tokenises_each_body_once(void **s)
{
    (void)s;
    tu_result r;
    tu_read_one(&r, tu_shared("seeds"), NULL);
    unsigned long long bytes = 0, titles = 0;
    for (size_t i = 0; i < r.n; i++) {
        bytes += strlen(r.articles[i]->body);
        titles += r.articles[i]->title ? strlen(r.articles[i]->title) : 0;
    }
    unsigned long long tok0 = px_text_bytes_tokenized(), split0 = px_text_bytes_split();
    px_story_report *rep = NULL;
    assert_int_equal(px_compare_story(r.articles, r.n, NULL, &rep, NULL), PX_OK);
    assert_int_equal(px_text_bytes_tokenized() - tok0, bytes + titles);
    assert_int_equal(px_text_bytes_split() - split0, bytes);
    px_story_report_free(rep);
    tu_result_free(&r);
}


/* One lexicon per language, whatever the tag's case or region. */
static void test_lexicons_one_per_language(void **s)
{
    (void)s;
    px_lexicons *set = px_lexicons_new();
    assert_non_null(set);
    px_lexicon *en = px_lexicons_get(set, NULL);
    assert_non_null(en);
    assert_ptr_equal(px_lexicons_get(set, "EN-GB"), en);
    assert_ptr_equal(px_lexicons_get(set, "e"), en);
    px_lexicon *de = px_lexicons_get(set, "de-AT");
    assert_non_null(de);
    assert_ptr_not_equal(de, en);
    assert_ptr_equal(px_lexicons_get(set, "de"), de);
    px_lexicons_free(set);
}

/* The story's report, rendered as JSON. */
static char *report_json(px_article *const *v, size_t n)
{
    px_story_report *rep = NULL;
    assert_int_equal(px_compare_story(v, n, NULL, &rep, NULL), PX_OK);
    px_buf b = {0};
    assert_int_equal(px_report_json(&rep, 1, &b), PX_OK);
    px_story_report_free(rep);
    char *json = px_strndup(b.data, b.len);
    px_buf_free(&b);
    return json;
}

/* The clean stage builds each article's document once; comparing then
 * reads it: no body is tokenised or split again (only the titles are
 * tokenised), and the report is the one made without it (grouping:
 * tests/test_cluster.c). A body cleaned again drops its document. */
static void test_attached_documents_serve_every_later_stage(void **s)
{
    (void)s;
    tu_result r, plain;
    tu_read_one(&r, tu_shared("seeds"), NULL);
    tu_read_one(&plain, tu_shared("seeds"), NULL);
    assert_int_equal(r.n, 5);
    char *without = report_json(plain.articles, plain.n);
    tu_result_free(&plain);
    unsigned long long bytes = 0, titles = 0;
    for (size_t i = 0; i < r.n; i++) {
        bytes += strlen(r.articles[i]->body);
        titles += r.articles[i]->title ? strlen(r.articles[i]->title) : 0;
    }
    px_lexicons *set = px_lexicons_new();
    unsigned long long tok0 = px_text_bytes_tokenized(), split0 = px_text_bytes_split();
    assert_int_equal(px_clean_attach_docs(r.articles, r.n, set), PX_OK);
    assert_int_equal(px_text_bytes_tokenized() - tok0, bytes);
    assert_int_equal(px_text_bytes_split() - split0, bytes);
    for (size_t i = 0; i < r.n; i++) {
        assert_non_null(r.articles[i]->doc);
        assert_ptr_equal(r.articles[i]->doc->text, r.articles[i]->body);
    }
    px_story_groups g;
    assert_int_equal(px_group_stories(r.articles, r.n, &g, NULL), PX_OK);
    assert_int_equal(g.n, 1);
    px_story_groups_free(&g);
    tok0 = px_text_bytes_tokenized();
    split0 = px_text_bytes_split();
    char *with = report_json(r.articles, r.n);
    assert_int_equal(px_text_bytes_tokenized() - tok0, titles); /* the headline's choice */
    assert_int_equal(px_text_bytes_split() - split0, 0);
    assert_string_equal(with, without);
    px_cleaner *c = NULL;
    assert_int_equal(px_cleaner_new(&c, "en", NULL), PX_OK);
    assert_int_equal(px_clean_article(c, r.articles[0]), PX_OK);
    assert_null(r.articles[0]->doc);
    px_cleaner_free(c);
    free(with);
    free(without);
    tu_result_free(&r);
    px_lexicons_free(set);
}

/* The passes analyze makes (bench/passes.sh counts them on whole
 * corpora): the clean stage splits each byte of the bodies it keeps once
 * and tokenises it once (and again only a sentence whose folded text
 * would split otherwise: capitals against a period, curly quotes), then
 * hands on the document of the cleaned body; learning the template text,
 * attaching the documents and comparing the story run the splitter over
 * no body and the tokeniser over the titles alone (the template learner's
 * story sketch, the headline's choice). */
static void test_analyze_reads_each_body_once(void **s)
{
    (void)s;
    tu_result raw, r = {0};
    tu_read_raw_one(&raw, tu_shared("seeds"), NULL);
    unsigned long long raw_bytes = 0;
    for (size_t i = 0; i < raw.n; i++)
        raw_bytes += strlen(raw.articles[i]->body);
    tu_result_free(&raw);
    px_lexicons *set = px_lexicons_new();
    px_clean_opts co = {.lexicons = set};
    const char *path = tu_shared("seeds");
    unsigned long long tok0 = px_text_bytes_tokenized(), split0 = px_text_bytes_split();
    assert_int_equal(px_read_clean_paths(&path, 1, NULL, &co, tu_collect_article, &r), 0);
    unsigned long long tok = px_text_bytes_tokenized() - tok0, split = px_text_bytes_split() - split0;
    assert_int_equal(r.n, 5);
    unsigned long long bytes = 0, titles = 0;
    for (size_t i = 0; i < r.n; i++) {
        assert_non_null(r.articles[i]->doc);
        bytes += strlen(r.articles[i]->body);
        titles += r.articles[i]->title ? strlen(r.articles[i]->title) : 0;
    }
    assert_true(split <= raw_bytes);
    assert_true(tok <= raw_bytes + raw_bytes / 2);
    tok0 = px_text_bytes_tokenized();
    split0 = px_text_bytes_split();
    assert_int_equal(px_templates_clean_all(r.articles, r.n, 0), PX_OK);
    assert_int_equal(px_clean_attach_docs(r.articles, r.n, set), PX_OK);
    char *json = report_json(r.articles, r.n);
    assert_int_equal(px_text_bytes_tokenized() - tok0, 2 * titles); /* the sketch, the headline */
    assert_int_equal(px_text_bytes_split() - split0, 0);
    printf("seeds: %llu raw, %llu cleaned body bytes; clean stage tokenised %llu, split %llu\n", raw_bytes,
           bytes, tok, split);
    free(json);
    tu_result_free(&r);
    px_lexicons_free(set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_map_ids_are_dense_and_stable),
        cmocka_unit_test(test_map_keys_are_bytes),
        cmocka_unit_test(test_map_keeps_long_keys_in_place),
        cmocka_unit_test(test_sort_orders_like_qsort),
        cmocka_unit_test(test_word_index_is_the_first_entry_ignoring_case),
        cmocka_unit_test(test_word_set_keys_whole_entries_or_first_fields),
        cmocka_unit_test(test_doc_code_point_offsets),
        cmocka_unit_test(test_packed_doc_unpacks_to_the_same_doc),
        cmocka_unit_test(test_lexicon_decides_what_a_term_is),
        cmocka_unit_test(test_doc_places_every_token_in_its_sentence),
        cmocka_unit_test(test_doc_of_empty_text),
        cmocka_unit_test(test_story_tokenises_each_body_once),
        cmocka_unit_test(test_compare_tokenises_each_body_once),
        cmocka_unit_test(test_lexicons_one_per_language),
        cmocka_unit_test(test_attached_documents_serve_every_later_stage),
        cmocka_unit_test(test_analyze_reads_each_body_once),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
