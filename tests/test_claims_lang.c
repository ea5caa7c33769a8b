/* test_claims_lang.c - claims in German, French and Spanish: the
 * language's quotation marks and verbs of saying, numbers with its
 * separators and words, dates with its month, weekday and relative day
 * words (data/claims/LANG.txt). The texts are written for these tests. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "text/claims_lang.h"
#include "text/word_lists.h"

static px_article *article(const char *lang, const char *date, const char *body)
{
    px_article *a = px_article_new();
    assert_non_null(a);
    assert_int_equal(px_set_str(&a->language, lang), PX_OK);
    assert_int_equal(px_set_str(&a->date, date), PX_OK);
    assert_int_equal(px_set_str(&a->body, body), PX_OK);
    return a;
}

static const px_quote *quote_with(const px_quote_list *l, const char *text)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].text, text) == 0)
            return &l->v[i];
    fail_msg("no quote \"%s\" among %zu", text, l->n);
    return NULL;
}

static void expect_quote(const px_quote_list *l, const char *text, const char *speaker, const char *cue)
{
    const px_quote *q = quote_with(l, text);
    if (!speaker)
        assert_null(q->speaker);
    else if (!q->speaker || strcmp(q->speaker, speaker) != 0)
        fail_msg("\"%s\": speaker %s, not %s", text, q->speaker ? q->speaker : "none", speaker);
    if (cue && (!q->cue || strcmp(q->cue, cue) != 0))
        fail_msg("\"%s\": cue %s, not %s", text, q->cue ? q->cue : "none", cue);
}

static void expect_quotes(const char *lang, const char *body, size_t n, const char *const (*want)[3])
{
    px_article *a = article(lang, "2023-06-14", body);
    px_quote_list l;
    px_quote_list_init(&l);
    assert_int_equal(px_quotes_extract(a, NULL, &l), PX_OK);
    assert_int_equal(l.n, n);
    for (size_t i = 0; i < n; i++)
        expect_quote(&l, want[i][0], want[i][1], want[i][2]);
    px_quote_list_clear(&l);
    px_article_free(a);
}

static void test_quotes_per_language(void **s)
{
    (void)s;
    expect_quotes("de",
                  "„Wir haben so etwas noch nie erlebt“, sagte Bürgermeisterin Anna Keller am Dienstag.\n"
                  "„Die Lage bleibt angespannt“, erklärte sie. Keller nannte den Damm ‚marode‘.",
                  3,
                  (const char *const[][3]){{"Wir haben so etwas noch nie erlebt", "Bürgermeisterin Anna Keller", "sagte"},
                                           {"Die Lage bleibt angespannt", "Bürgermeisterin Anna Keller", "erklärte"},
                                           {"marode", NULL, NULL}});
    expect_quotes("fr",
                  "« Nous ne lâcherons rien », a déclaré Marie Dubois, secrétaire du syndicat.\n"
                  "Selon Paul Martin, « la réforme est nécessaire et juste ».",
                  2,
                  (const char *const[][3]){{"Nous ne lâcherons rien", "Marie Dubois", "a déclaré"},
                                           {"la réforme est nécessaire et juste", "Paul Martin", "Selon"}});
    expect_quotes("es",
                  "«Ha sido una noche muy difícil», dijo el alcalde Juan Pérez.\n"
                  "Laura Gómez aseguró: «Estamos trabajando sin descanso».",
                  2,
                  (const char *const[][3]){{"Ha sido una noche muy difícil", "Juan Pérez", "dijo"},
                                           {"Estamos trabajando sin descanso", "Laura Gómez", "aseguró"}});
    expect_quotes("it",
                  "«È stata una notte difficile», ha detto il sindaco Marco Rossi.\n"
                  "Secondo Giulia Bianchi, «la diga non ha retto».",
                  2,
                  (const char *const[][3]){{"È stata una notte difficile", "Marco Rossi", "ha detto"},
                                           {"la diga non ha retto", "Giulia Bianchi", "Secondo"}});
    expect_quotes("pt",
                  "“Foi uma noite muito difícil”, disse o prefeito João Silva.\n"
                  "Ana Costa afirmou: “Estamos a trabalhar sem parar”.",
                  2,
                  (const char *const[][3]){{"Foi uma noite muito difícil", "João Silva", "disse"},
                                           {"Estamos a trabalhar sem parar", "Ana Costa", "afirmou"}});
}

/* A role then its holder's name after a comma names the holder; a verb
 * of saying with no subject (Italian, Spanish and Portuguese drop the
 * pronoun) keeps the speaker of the quote before; Italian "il" is an
 * article, not the French pronoun. */
static void test_role_names_and_dropped_subjects(void **s)
{
    (void)s;
    expect_quotes("pt",
                  "“Nunca vimos nada assim”, disse a presidente da câmara, Rita Sousa.\n"
                  "“A situação continua difícil”, acrescentou.",
                  2,
                  (const char *const[][3]){{"Nunca vimos nada assim", "Rita Sousa", "disse"},
                                           {"A situação continua difícil", "Rita Sousa", "acrescentou"}});
    expect_quotes("it",
                  "«Abbiamo fatto il possibile», ha detto il prefetto Luca Conti.\n"
                  "«Domani si riapre», ha aggiunto.",
                  2,
                  (const char *const[][3]){{"Abbiamo fatto il possibile", "Luca Conti", "ha detto"},
                                           {"Domani si riapre", "Luca Conti", "ha aggiunto"}});
    expect_quotes("fr", "« La route est coupée », a déclaré le préfet, Jean Roux.", 1,
                  (const char *const[][3]){{"La route est coupée", "Jean Roux", "a déclaré"}});
}

/* German „…“ closes with the mark English opens with: an English reading
 * pairs the wrong marks. */
static void test_german_marks_pair_their_own_way(void **s)
{
    (void)s;
    expect_quotes("de", "„Erstens“ und „zweitens“ sind Wörter. „Das ist ein ganzer Satz mit Sinn“, sagte Max Weber.", 3,
                  (const char *const[][3]){{"Erstens", NULL, NULL},
                                           {"zweitens", NULL, NULL},
                                           {"Das ist ein ganzer Satz mit Sinn", "Max Weber", "sagte"}});
}

typedef struct want_number {
    const char *text;
    double value;
    const char *unit;    /* NULL: none */
    const char *counted; /* NULL: not checked */
} want_number;

static void expect_numbers(const char *lang, const char *body, size_t n, const want_number *want)
{
    px_article *a = article(lang, "2023-06-14", body);
    px_number_list l;
    px_number_list_init(&l);
    assert_int_equal(px_numbers_extract(a, &l), PX_OK);
    for (size_t i = 0; i < l.n && i < n; i++) {
        if (strcmp(l.v[i].text, want[i].text) != 0)
            fail_msg("%s number %zu: \"%s\", not \"%s\"", lang, i, l.v[i].text, want[i].text);
        assert_float_equal(l.v[i].value, want[i].value, 1e-6);
        if (want[i].unit)
            assert_string_equal(l.v[i].unit ? l.v[i].unit : "(none)", want[i].unit);
        else
            assert_null(l.v[i].unit);
        if (want[i].counted)
            assert_string_equal(l.v[i].counted ? l.v[i].counted : "(none)", want[i].counted);
    }
    if (l.n != n)
        fail_msg("%s: %zu numbers, not %zu", lang, l.n, n);
    px_number_list_clear(&l);
    px_article_free(a);
}

static void test_numbers_per_language(void **s)
{
    (void)s;
    expect_numbers("de",
                   "Am 12. Juni 2023 mussten rund 1.200 Menschen ihre Häuser verlassen. Die Schäden liegen "
                   "bei 2,5 Millionen Euro, die Arbeitslosigkeit bei 6,3 Prozent. Zwei Hubschrauber flogen, "
                   "der 3. Abschnitt hielt. Der Pegel lag bei 1.000,5 Zentimetern.",
                   5,
                   (const want_number[]){{"rund 1.200", 1200, NULL, "menschen"},
                                         {"2,5 Millionen Euro", 2.5e6, "EUR", NULL},
                                         {"6,3 Prozent", 6.3, "%", NULL},
                                         {"Zwei", 2, NULL, "hubschrauber flogen"},
                                         {"1.000,5", 1000.5, NULL, "zentimetern"}});
    expect_numbers("fr",
                   "Le 3 mars, plus de 12 000 personnes ont manifesté. Environ 3,5 % des écoles étaient "
                   "fermées et le coût atteint 1,2 milliard d'euros. Deux lycées restent occupés depuis 2019.",
                   4,
                   (const want_number[]){{"plus de 12 000", 12000, NULL, "personnes"},
                                         {"Environ 3,5 %", 3.5, "%", NULL},
                                         {"1,2 milliard d'euros", 1.2e9, "EUR", NULL},
                                         {"Deux", 2, NULL, "lycées restent"}});
    expect_numbers("es",
                   "El 3 de marzo de 2023 ardieron más de 1.500 hectáreas. Unos 300 vecinos fueron evacuados "
                   "y las pérdidas superan los 4,5 millones de euros. El paro subió al 12,4 por ciento.",
                   4,
                   (const want_number[]){{"más de 1.500", 1500, NULL, "hectáreas"},
                                         {"Unos 300", 300, NULL, "vecinos"},
                                         {"4,5 millones de euros", 4.5e6, "EUR", NULL},
                                         {"12,4 por ciento", 12.4, "%", NULL}});
    expect_numbers("it",
                   "Il 3 marzo 2023 oltre 1.500 ettari sono bruciati. Più di 300 abitanti sono stati evacuati "
                   "e i danni superano i 4,5 milioni di euro. La disoccupazione è salita al 12,4 per cento.",
                   4,
                   (const want_number[]){{"oltre 1.500", 1500, NULL, "ettari"},
                                         {"Più di 300", 300, NULL, "abitanti"},
                                         {"4,5 milioni di euro", 4.5e6, "EUR", NULL},
                                         {"12,4 per cento", 12.4, "%", NULL}});
    expect_numbers("pt",
                   "Em 3 de março de 2023 arderam mais de 1.500 hectares. Cerca de 300 moradores foram retirados "
                   "e as perdas chegam a 4,5 milhões de reais. O desemprego subiu para 12,4 por cento.",
                   4,
                   (const want_number[]){{"mais de 1.500", 1500, NULL, "hectares"},
                                         {"Cerca de 300", 300, NULL, "moradores"},
                                         {"4,5 milhões de reais", 4.5e6, "BRL", NULL},
                                         {"12,4 por cento", 12.4, "%", NULL}});
}

typedef struct want_date {
    const char *text, *value;
} want_date;

static void expect_dates(const char *lang, const char *ref, const char *body, size_t n, const want_date *want)
{
    px_timexes tx = {0};
    assert_int_equal(px_timex_find_lang(body, strlen(body), ref, lang, &tx), PX_OK);
    for (size_t i = 0; i < tx.n && i < n; i++) {
        size_t len = tx.v[i].end - tx.v[i].start;
        if (len != strlen(want[i].text) || memcmp(body + tx.v[i].start, want[i].text, len) != 0 ||
            strcmp(tx.v[i].value, want[i].value) != 0)
            fail_msg("%s date %zu: \"%.*s\" %s, not \"%s\" %s", lang, i, (int)len, body + tx.v[i].start,
                     tx.v[i].value, want[i].text, want[i].value);
    }
    if (tx.n != n)
        fail_msg("%s: %zu dates, not %zu", lang, tx.n, n);
    px_timexes_free(&tx);
}

static void test_dates_per_language(void **s)
{
    (void)s;
    /* 2023-06-14 was a Wednesday */
    expect_dates("de", "2023-06-14",
                 "Am 12. Juni 2023 stieg der Pegel. Gestern sank er, am Montag war es ruhig. "
                 "Der Damm wurde am 10.06.2023 geprüft, seit März regnet es. Morgen soll es aufhören, "
                 "am Morgen war es kalt.",
                 6,
                 (const want_date[]){{"12. Juni 2023", "2023-06-12"},
                                     {"Gestern", "2023-06-13"},
                                     {"Montag", "2023-06-12"},
                                     {"10.06.2023", "2023-06-10"},
                                     {"März", "2023-03"},
                                     {"Morgen", "2023-06-15"}});
    expect_dates("fr", "2023-06-14",
                 "Le 3 mars, la grève a commencé. Hier, le trafic était perturbé ; une journée est prévue "
                 "le 1er juillet 2023 et une autre en septembre. Lundi 12 juin, rien.",
                 5,
                 (const want_date[]){{"3 mars", "2023-03-03"},
                                     {"Hier", "2023-06-13"},
                                     {"1er juillet 2023", "2023-07-01"},
                                     {"septembre", "2023-09"},
                                     {"Lundi 12 juin", "2023-06-12"}});
    expect_dates("es", "2023-06-14",
                 "El 3 de marzo de 2023 empezó el incendio. Ayer llegó la lluvia; esta mañana seguía "
                 "activo y mañana llegarán refuerzos. El paro subió en febrero de 2023 y el miércoles.",
                 5,
                 (const want_date[]){{"3 de marzo de 2023", "2023-03-03"},
                                     {"Ayer", "2023-06-13"},
                                     {"mañana", "2023-06-15"},
                                     {"febrero de 2023", "2023-02"},
                                     {"miércoles", "2023-06-14"}});
    expect_dates("it", "2023-06-14",
                 "Il 3 marzo 2023 è iniziato l'incendio. Ieri è arrivata la pioggia e domani arriveranno "
                 "rinforzi. La disoccupazione è salita nel febbraio 2023 e lunedì.",
                 5,
                 (const want_date[]){{"3 marzo 2023", "2023-03-03"},
                                     {"Ieri", "2023-06-13"},
                                     {"domani", "2023-06-15"},
                                     {"febbraio 2023", "2023-02"},
                                     {"lunedì", "2023-06-12"}});
    expect_dates("pt", "2023-06-14",
                 "Em 3 de março de 2023 começou o incêndio. Ontem chegou a chuva e amanhã chegam reforços. "
                 "O desemprego subiu em fevereiro de 2023 e na segunda-feira.",
                 5,
                 (const want_date[]){{"3 de março de 2023", "2023-03-03"},
                                     {"Ontem", "2023-06-13"},
                                     {"amanhã", "2023-06-15"},
                                     {"fevereiro de 2023", "2023-02"},
                                     {"segunda-feira", "2023-06-12"}});
}

/* The names of an article: "name:kind" joined by "; ", in the list's
 * order. */
static void names_of(const char *lang, const char *body, char *out, size_t cap)
{
    px_article *a = article(lang, "2023-06-14", body);
    px_entity_list l;
    px_entity_list_init(&l);
    assert_int_equal(px_entities_extract(a, &l), PX_OK);
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < l.n && n < cap; i++)
        n += (size_t)snprintf(out + n, cap - n, "%s%s:%s", i ? "; " : "", l.v[i].name,
                              px_entity_kind_name(l.v[i].kind));
    px_entity_list_clear(&l);
    px_article_free(a);
}

static void expect_name(const char *all, const char *want)
{
    if (!strstr(all, want))
        fail_msg("%s not among: %s", want, all);
}

static void expect_no_name(const char *all, const char *word)
{
    if (strstr(all, word))
        fail_msg("%s among: %s", word, all);
}

/* Names in languages the English tagger does not read: German nouns are
 * no names (a title before a name is no part of it), words that only
 * open a sentence are none, articles and verbs of saying are trimmed, a
 * name after a verb of saying is a person and one after "en" a place. */
static void test_names_in_other_languages(void **s)
{
    (void)s;
    char all[1024];
    names_of("de",
             "Die Lage bleibt angespannt, sagte Bundeskanzler Helmut Kohl am Montag. Die Feuerwehr setzte zwei "
             "Hubschrauber ein. Der Pegel der Elbe stieg, die SPD schwieg.",
             all, sizeof all);
    expect_name(all, "Helmut Kohl:person");
    expect_name(all, "SPD:org");
    expect_no_name(all, "Lage");
    expect_no_name(all, "Feuerwehr");
    expect_no_name(all, "Pegel");
    expect_no_name(all, "Bundeskanzler");
    /* a text identified as German but written in English is read as English */
    names_of("de", "The club said on Saturday that coach Otto Rehhagel would stay in Munich for the season.", all,
             sizeof all);
    expect_name(all, "Otto Rehhagel");
    expect_name(all, "Munich");
    names_of("fr", "Selon Paul Martin, la réforme est juste. Aujourd'hui, Marie Dubois a déclaré la grève.", all,
             sizeof all);
    expect_name(all, "Paul Martin:person");
    expect_name(all, "Marie Dubois:person");
    expect_no_name(all, "Selon");
    expect_no_name(all, "Aujourd");
    names_of("es",
             "Estamos muy preocupados. Unos 300 vecinos viven en Tarvela, dijo el alcalde Juan Pérez.",
             all, sizeof all);
    expect_name(all, "Juan Pérez:person");
    expect_name(all, "Tarvela:place");
    expect_no_name(all, "Estamos");
    expect_no_name(all, "Unos");
}

/* English stays as it was: no table, the English words still work. */
static void test_english_and_unknown_languages(void **s)
{
    (void)s;
    assert_null(cl_lang_get("en"));
    assert_null(cl_lang_get(NULL));
    assert_null(cl_lang_get("xx"));
    expect_dates("en", "2023-06-14", "On June 12, 2023 it rained. Yesterday it stopped.", 2,
                 (const want_date[]){{"June 12, 2023", "2023-06-12"}, {"Yesterday", "2023-06-13"}});
}

/* Every data/claims file loads, every line understood, with its number
 * separators and at least one pair of quotation marks. */
static void test_every_table_loads(void **s)
{
    (void)s;
    size_t n = 0;
    for (const px_rule_source *src = px_claims_sources; src->lang; src++, n++) {
        const cl_lang *L = cl_lang_get(src->lang);
        if (!L)
            fail_msg("%s does not load", src->name);
        assert_true(L->decimal && L->group && L->decimal != L->group);
        assert_true(L->n_quotes > 0);
        assert_true(L->n_w > 40);
        assert_ptr_equal(cl_lang_get(src->lang), L);
    }
    assert_true(n >= 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quotes_per_language),
        cmocka_unit_test(test_german_marks_pair_their_own_way),
        cmocka_unit_test(test_role_names_and_dropped_subjects),
        cmocka_unit_test(test_names_in_other_languages),
        cmocka_unit_test(test_numbers_per_language),
        cmocka_unit_test(test_dates_per_language),
        cmocka_unit_test(test_english_and_unknown_languages),
        cmocka_unit_test(test_every_table_loads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
