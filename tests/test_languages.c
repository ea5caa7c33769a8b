/* test_languages.c - languages other than English: identification, the
 * sentence rules of each language (hand-written sentences), ICU as the
 * other method, words of scripts without spaces, and the reader's
 * cross-check of a declared language. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "text/word_lists.h"

/* Splits text in lang by how and compares with the NULL-terminated want. */
static void expect_split(const char *lang, px_split_method how, const char *text,
                         const char *const *want)
{
    px_spans sp = {0};
    assert_int_equal(px_split_sentences_with(text, strlen(text), lang, how, &sp), PX_OK);
    tu_expect_spans(lang, text, &sp, want);
    px_spans_free(&sp);
}

#define SPLIT(lang, text, ...) \
    expect_split(lang, PX_SPLIT_BEST, text, (const char *const[]){__VA_ARGS__, NULL})

static void test_detects_languages(void **s)
{
    (void)s;
    static const char *const cases[][2] = {
        {"de", "Der Stadtrat hat am Dienstagabend beschlossen, die alte Brücke über den Fluss "
               "abzureißen und bis zum Herbst durch einen Neubau zu ersetzen."},
        {"fr", "Le conseil municipal a décidé mardi soir de démolir le vieux pont sur la rivière "
               "et de le remplacer par un nouvel ouvrage avant l'automne."},
        {"es", "El ayuntamiento decidió el martes por la noche derribar el viejo puente sobre el "
               "río y sustituirlo por una nueva obra antes del otoño."},
        {"nl", "De gemeenteraad heeft dinsdagavond besloten de oude brug over de rivier te slopen "
               "en die voor de herfst door een nieuwe te vervangen."},
        {"ru", "Городской совет во вторник вечером решил снести старый мост через реку и до осени "
               "заменить его новым."},
        {"en", "The city council decided on Tuesday evening to tear down the old bridge over the "
               "river and replace it with a new one before the autumn."},
        {"ja", "市議会は火曜日の夜、川に架かる古い橋を取り壊し、秋までに新しい橋に架け替えることを決めた。"},
        {"zh", "市议会周二晚上决定拆除河上的旧桥，并在秋天之前建成一座新桥。"},
        {"hi", "नगर परिषद ने मंगलवार शाम को नदी पर बने पुराने पुल को गिराने और शरद ऋतु से पहले नया पुल "
               "बनाने का फैसला किया।"},
        {"ar", "قرر مجلس المدينة مساء الثلاثاء هدم الجسر القديم فوق النهر واستبداله بجسر جديد قبل "
               "الخريف."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = px_detect_language(cases[i][1], strlen(cases[i][1]));
        if (!got || strcmp(got, cases[i][0]) != 0)
            fail_msg("detected %s for the %s text", got ? got : "nothing", cases[i][0]);
    }
    /* Too little text to tell, and no text at all. */
    assert_null(px_detect_language("Ja.", 3));
    assert_null(px_detect_language("", 0));
    assert_null(px_detect_language("12 345 678 -- 9!", 16));
    /* a buffer without a NUL after it, ending in spaces and digits, and
     * bytes that lead no UTF-8 character: read within its length only */
    static const char words[] = "Le conseil municipal a decide mardi soir de demolir le vieux pont sur la "
                                "riviere et de le remplacer par un nouveau pont avant l'automne 2025 ";
    size_t n = sizeof words - 1;
    char *exact = malloc(n);
    assert_non_null(exact);
    memcpy(exact, words, n);
    assert_string_equal(px_detect_language(exact, n), "fr");
    memset(exact, 0xff, n);
    px_detect_language(exact, n);
    free(exact);
}

/* Short English texts with English function words are English without
 * the fingerprints, which took these capitalised headlines for German;
 * a short German text with two words that are also English stays German. */
static void test_short_english_by_function_words(void **s)
{
    (void)s;
    static const char *const english[] = {
        "CITY COUNCIL SAYS IT WILL VOTE ON THE NEW BRIDGE PLAN FOR THE RIVER AND THE PORT",
        "HARBOUR BOARD HAS PLAN TO BUILD 200 MLN DLR TERMINAL FOR THE CITY OF HAMBURG",
    };
    for (size_t i = 0; i < sizeof english / sizeof english[0]; i++) {
        const char *got = px_detect_language(english[i], strlen(english[i]));
        if (!got || strcmp(got, "en") != 0)
            fail_msg("detected %s for \"%s\"", got ? got : "nothing", english[i]);
    }
    const char *german = "Was hat der Rat am Dienstag beschlossen, und wer kommt her zu der Sitzung im Rathaus?";
    const char *got = px_detect_language(german, strlen(german));
    assert_non_null(got);
    assert_string_equal(got, "de");
}

/* Texts the function words do not settle go to the fingerprints, where
 * English is compared first and the others only while they stay below it
 * and the runner-up: a language closer than English still wins, and a
 * short text whose two closest languages nearly tie still cannot be told. */
static void test_fingerprint_ranking(void **s)
{
    (void)s;
    static const char *const finnish = "Hallituksen esitys hyväksyttiin eduskunnassa tiistaina.";
    const char *got = px_detect_language(finnish, strlen(finnish));
    assert_non_null(got);
    assert_string_equal(got, "fi");
    static const char *const czech = "Vláda schválila nový zákon o dani z příjmu.";
    got = px_detect_language(czech, strlen(czech));
    assert_non_null(got);
    assert_string_equal(got, "cs");
    static const char *const near_tie = "Vlada je odobrila novi zakon o porezu na dohodak.";
    assert_null(px_detect_language(near_tie, strlen(near_tie)));
}

static void test_known_languages(void **s)
{
    (void)s;
    assert_true(px_language_known("de"));
    assert_true(px_language_known("pt-BR"));
    assert_true(px_language_known("ZH"));
    assert_true(px_language_known("ja"));
    assert_false(px_language_known("xx"));
    assert_false(px_language_known("english"));
    assert_false(px_language_known(""));
    assert_false(px_language_known(NULL));
}

static void test_german_ordinals_quotes_abbreviations(void **s)
{
    (void)s;
    SPLIT("de", "Die Messe beginnt am 12. Juni in Leipzig. Der Eintritt ist frei.",
          "Die Messe beginnt am 12. Juni in Leipzig.", "Der Eintritt ist frei.");
    SPLIT("de", "Das Haus stammt aus dem 18. Jahrhundert und wurde 1990 renoviert.",
          "Das Haus stammt aus dem 18. Jahrhundert und wurde 1990 renoviert.");
    SPLIT("de", "Es kamen 40. Die Polizei sperrte die Straße.", "Es kamen 40.",
          "Die Polizei sperrte die Straße.");
    SPLIT("de", "Sie fahren z.B. nach Bonn bzw. Köln. Dr. Weber kommt mit.",
          "Sie fahren z.B. nach Bonn bzw. Köln.", "Dr. Weber kommt mit.");
    SPLIT("de", "„Wir sind zufrieden.“ Das sagte der Trainer nach dem Spiel.",
          "„Wir sind zufrieden.“", "Das sagte der Trainer nach dem Spiel.");
}

static void test_romance_languages(void **s)
{
    (void)s;
    SPLIT("fr", "M. Dupont a parlé à Mme Martin. Elle a refusé l'offre.",
          "M. Dupont a parlé à Mme Martin.", "Elle a refusé l'offre.");
    SPLIT("fr", "« C'est fini. » Le ministre est parti.", "« C'est fini. »", "Le ministre est parti.");
    SPLIT("es", "¿Quién ganó? El Sr. García lo sabe. ¡Qué partido!", "¿Quién ganó?",
          "El Sr. García lo sabe.", "¡Qué partido!");
    SPLIT("pt", "O Dr. Silva chegou ontem. A reunião foi adiada.", "O Dr. Silva chegou ontem.",
          "A reunião foi adiada.");
    SPLIT("it", "Il prof. Rossi ha parlato. La sala era piena.", "Il prof. Rossi ha parlato.",
          "La sala era piena.");
}

static void test_dutch_and_slavic(void **s)
{
    (void)s;
    SPLIT("nl", "Hij zei: ,,Het was een mooie dag. '' Daarna ging hij naar huis.",
          "Hij zei: ,,Het was een mooie dag. ''", "Daarna ging hij naar huis.");
    SPLIT("nl", "Dhr. Jansen en mr. De Vries waren er ook. Niemand wist waarom.",
          "Dhr. Jansen en mr. De Vries waren er ook.", "Niemand wist waarom.");
    SPLIT("ru", "Завод построен в 1956 г. Сейчас там музей.", "Завод построен в 1956 г.",
          "Сейчас там музей.");
    SPLIT("ru", "Об этом сообщил А. С. Петров. Он не назвал сроков.", "Об этом сообщил А. С. Петров.",
          "Он не назвал сроков.");
    SPLIT("cs", "Zákon platí od 1. ledna. Vláda ho schválila včera.", "Zákon platí od 1. ledna.",
          "Vláda ho schválila včera.");
    SPLIT("pl", "Spotkanie odbędzie się 3. Maja? Nie, w czerwcu.", "Spotkanie odbędzie się 3. Maja?",
          "Nie, w czerwcu.");
}

/* The rules of the last language split are kept for the next text: a
 * change of language, back and forth, takes the new language's lists. */
static void test_languages_in_turn_use_their_own_lists(void **s)
{
    (void)s;
    const char *t = "Er kam bzw. Sie ging.";
    for (int round = 0; round < 2; round++) {
        SPLIT("de", t, t); /* "bzw." is German: never a sentence end */
        SPLIT("fr", t, "Er kam bzw.", "Sie ging.");
        SPLIT("DE-at", t, t);
        SPLIT("en", t, "Er kam bzw.", "Sie ging.");
        SPLIT("nl", "Dhr. Jansen kwam. Hij bleef.", "Dhr. Jansen kwam.", "Hij bleef.");
    }
}

static void test_scripts_with_their_own_marks(void **s)
{
    (void)s;
    SPLIT("zh", "今天下雨了。我们没有出门！你呢？", "今天下雨了。", "我们没有出门！", "你呢？");
    SPLIT("zh", "他问：“你去吗？”。我说不去。", "他问：“你去吗？”。", "我说不去。");
    SPLIT("ja", "会議は明日です。「本当に？」と彼は聞いた。", "会議は明日です。",
          "「本当に？」と彼は聞いた。");
    SPLIT("hi", "बैठक कल होगी। सभी सदस्य आएंगे।", "बैठक कल होगी।", "सभी सदस्य आएंगे।");
    SPLIT("hi", "बी.सी. में बारिश हुई। सड़कें बंद रहीं।", "बी.सी. में बारिश हुई।", "सड़कें बंद रहीं।");
    SPLIT("ar", "هل سيحضر الوزير؟ نعم، سيحضر غدا.", "هل سيحضر الوزير؟", "نعم، سيحضر غدا.");
}

/* Each script's scan looks for the bytes that are rare in its own text,
 * yet finds the marks of every script, in a long text and in its last
 * bytes. */
static void test_every_scan_finds_every_mark(void **s)
{
    (void)s;
    const char *t = "Erster Satz ohne Ende。 Zweiter Satz hier؟ Dritter Satz dort। "
                    "Vierter Satz „zitiert“ — da！ Fünfter Satz？ Sechster۔ Letzter．";
    for (const char *const *lang = (const char *const[]){"ar", "fa", "hi", "zh", "ja", "ko", NULL}; *lang; lang++)
        expect_split(*lang, PX_SPLIT_RULES, t,
                     (const char *const[]){"Erster Satz ohne Ende。", "Zweiter Satz hier؟", "Dritter Satz dort।",
                                           "Vierter Satz „zitiert“ — da！", "Fünfter Satz？", "Sechster۔",
                                           "Letzter．", NULL});
    SPLIT("ar", "قال。 نعم؟ لا", "قال。", "نعم؟", "لا");
    SPLIT("zh", "好。 是؟ 不। 对", "好。", "是؟", "不।", "对");
}

static void test_icu_method_and_english_unchanged(void **s)
{
    (void)s;
    expect_split("de", PX_SPLIT_ICU, "Es regnet. Wir bleiben zu Hause.",
                 (const char *const[]){"Es regnet.", "Wir bleiben zu Hause.", NULL});
    expect_split("ja", PX_SPLIT_ICU, "雨です。家にいます。",
                 (const char *const[]){"雨です。", "家にいます。", NULL});
    /* Paragraphs end sentences with ICU too. */
    expect_split("fr", PX_SPLIT_ICU, "Titre sans point\n\nLe texte suit.",
                 (const char *const[]){"Titre sans point", "Le texte suit.", NULL});
    /* English by language code is the English splitter. */
    const char *t = "Mr. Smith arrived at 6 p.m. Tuesday. He left.";
    px_spans a = {0}, b = {0};
    assert_int_equal(px_split_sentences(t, strlen(t), &a), PX_OK);
    assert_int_equal(px_split_sentences_lang(t, strlen(t), "en-GB", &b), PX_OK);
    assert_int_equal(a.n, b.n);
    assert_memory_equal(a.v, b.v, a.n * sizeof *a.v);
    px_spans_free(&a);
    px_spans_free(&b);
    assert_int_equal(px_split_method_for("de"), PX_SPLIT_RULES);
}

/* The words of text in lang, joined by "|". */
static char *words_of(const char *lang, const char *text)
{
    px_tokens t = {0};
    assert_int_equal(px_tokenize_lang(text, strlen(text), lang, &t), PX_OK);
    px_buf b = {0};
    for (size_t i = 0; i < t.n; i++)
        if (t.v[i].kind == PX_TOK_WORD)
            px_buf_printf(&b, "%s%.*s", b.len ? "|" : "", (int)(t.v[i].end - t.v[i].start),
                          text + t.v[i].start);
    px_tokens_free(&t);
    return b.data;
}

static void test_words_without_spaces(void **s)
{
    (void)s;
    char *w = words_of("zh", "我们喜欢北京。");
    /* ICU's dictionary cuts the run of Han characters into several words. */
    assert_non_null(strchr(w, '|'));
    assert_non_null(strstr(w, "北京"));
    free(w);
    w = words_of("ja", "東京は大きい都市です。Tokyo is big.");
    assert_non_null(strstr(w, "東京"));
    assert_non_null(strstr(w, "|Tokyo|is|big"));
    free(w);
    /* Other languages keep the tokenizer's words. */
    w = words_of("de", "Die Straßenbahn fährt.");
    assert_string_equal(w, "Die|Straßenbahn|fährt");
    free(w);
    /* A document built with a Chinese lexicon has these words and sentences. */
    px_lexicon *lx = px_lexicon_new("zh");
    px_doc d;
    const char *text = "我们喜欢北京。北京很大。";
    assert_int_equal(px_doc_build(&d, text, strlen(text), lx), PX_OK);
    assert_int_equal(d.sentences.n, 2);
    assert_true(d.tokens.n > 4);
    px_doc_free(&d);
    px_lexicon_free(lx);
}

/* Each language's rules remove its notices and keep news sentences that
 * use the same words. */
static void test_cleaning_rules_per_language(void **s)
{
    (void)s;
    static const char *const cases[][4] = {
        {"de", "Anzeige", "advertisement", "Die Polizei erstattete Anzeige gegen den Fahrer des Wagens."},
        {"de", "Lesen Sie auch: Neue Brücke für Leipzig", "related-links",
         "Sie teilen die Sorge der Anwohner über den Verkehr in der Stadt."},
        {"fr", "Publicité", "advertisement", "La publicité pour le tabac est interdite depuis 1991 en France."},
        {"fr", "Lire aussi : Le pont de Lyon rouvre", "related-links",
         "Il faut lire aussi les conclusions du rapport, a dit le ministre."},
        {"es", "Publicidad", "advertisement", "La publicidad institucional creció un 12 % el año pasado."},
        {"it", "Leggi anche: Il ponte di Genova", "related-links",
         "Il sindaco ha chiesto ai cittadini di leggere anche il piano."},
        {"pt", "Leia também: A nova ponte do Porto", "related-links",
         "O relatório também pede uma nova ponte sobre o rio."},
        {"nl", "Advertentie", "advertisement", "De krant plaatste een advertentie voor de nieuwe brug."},
        {"ru", "Реклама", "advertisement", "Реклама на мосту будет запрещена с первого января."},
        {"ar", "اقرأ أيضا: افتتاح الجسر الجديد", "related-links",
         "قال الوزير إن الجسر الجديد سيفتح في الربيع المقبل."},
        {"zh", "相关阅读：新大桥通车", "related-links", "市政府表示新大桥将于明年春天通车。"},
        {"ja", "関連記事：新しい橋が開通", "related-links", "市は新しい橋が来年の春に開通すると発表した。"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        px_cleaner *c = NULL;
        px_error err;
        px_error_clear(&err);
        assert_int_equal(px_cleaner_new(&c, cases[i][0], &err), PX_OK);
        px_article *a = px_article_new();
        px_buf body = {0};
        px_buf_printf(&body, "%s\n\n%s", cases[i][3], cases[i][1]);
        assert_int_equal(px_set_str(&a->body, body.data), PX_OK);
        assert_int_equal(px_set_str(&a->language, cases[i][0]), PX_OK);
        assert_int_equal(px_clean_article(c, a), PX_OK);
        if (strcmp(a->body, cases[i][3]) != 0)
            fail_msg("%s: the news sentence was removed", cases[i][0]);
        int found = 0;
        for (size_t k = 0; k < a->n_removed; k++)
            found |= strcmp(a->removed[k].text, cases[i][1]) == 0 &&
                     strcmp(a->removed[k].reason, cases[i][2]) == 0;
        if (!found)
            fail_msg("%s: '%s' not removed as %s", cases[i][0], cases[i][1], cases[i][2]);
        px_buf_free(&body);
        px_article_free(a);
        px_cleaner_free(c);
    }
}

static void test_stemmers_of_every_snowball_language(void **s)
{
    (void)s;
    static const char *const codes[] = {"ar", "ca", "da", "de", "el", "en", "es", "eu", "fi", "fr",
                                        "ga", "hi", "hu", "hy", "id", "it", "lt", "ne", "nl", "no",
                                        "nb", "pt", "ro", "ru", "sr", "sv", "ta", "tr", "yi"};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        px_stemmer *st = px_stemmer_new(codes[i]);
        if (!st)
            fail_msg("no stemmer for %s", codes[i]);
        px_stemmer_free(st);
    }
    assert_null(px_stemmer_new("ja"));
    /* Without a stemmer the lexicon's term is the lower-case word. */
    px_lexicon *lx = px_lexicon_new("pl");
    uint32_t t = px_lexicon_term_of(lx, "Warszawa", 8, 0);
    assert_int_not_equal(t, PX_NO_TERM);
    assert_string_equal(px_lexicon_term(lx, t), "warszawa");
    px_lexicon_free(lx);
}

/* A table of figures has letter n-grams nearest French or German and no
 * word of either: undecided, so the declared language or English holds.
 * Text of those languages, however short, is still told. */
static void test_figure_tables_are_no_language(void **s)
{
    (void)s;
    static const char *const tables[] = {
        "Shr 41 cts vs 38 cts\n    Net 2,110,000 vs 1,904,000\n    Sales 31.6 mln vs 29.2 mln\n"
        "    Nine mths\n    Shr 1.12 dlrs vs 97 cts\n    Net 5,730,000 vs 4,990,000\n"
        "    Sales 88.9 mln vs 80.4 mln",
        "Shr 12 cts vs 9 cts\n    Net 310,000 vs 240,000\n    Revs 4,120,000 vs 3,870,000\n"
        "    Avg shrs 2,600,000 vs 2,580,000"};
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
        assert_null(px_detect_language(tables[i], strlen(tables[i])));
    static const char de[] = "Der Stadtrat hat am Dienstag beschlossen, die alte Br\u00fccke \u00fcber den "
                             "Fluss im Fr\u00fchjahr abzurei\u00dfen und eine neue zu bauen.";
    static const char fr[] = "Le conseil municipal a d\u00e9cid\u00e9 mardi de d\u00e9molir le vieux pont "
                             "sur la rivi\u00e8re au printemps et d'en construire un nouveau.";
    assert_string_equal(px_detect_language(de, strlen(de)), "de");
    assert_string_equal(px_detect_language(fr, strlen(fr)), "fr");
}

typedef struct got {
    char *lang[4];
    size_t n;
    int warnings;
} got;

static int keep_language(px_article *a, void *ud)
{
    got *g = ud;
    if (g->n < 4)
        g->lang[g->n++] = strdup(a->language);
    px_article_free(a);
    return 0;
}

static void count_warning(const px_diag *d, void *ud)
{
    if (d->severity == PX_WARNING && strstr(d->msg, "reads as"))
        ((got *)ud)->warnings++;
}

static void test_reader_settles_language(void **s)
{
    (void)s;
    char path[] = "/tmp/px_lang_XXXXXX.jsonl";
    int fd = mkstemps(path, 6);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    /* No language given; a wrong one on enough text; a wrong one on too
     * little text to overrule it. */
    fprintf(f, "{\"text\": \"Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für "
               "Elektroautos bis zum Ende des Jahres zu verlängern.\"}\n");
    fprintf(f, "{\"language\": \"en\", \"text\": \"Le gouvernement a annoncé mercredi qu'il "
               "prolongerait l'aide aux voitures électriques jusqu'à la fin de l'année, a déclaré "
               "le porte-parole du ministère de l'Économie lors d'une conférence de presse.\"}\n");
    fprintf(f, "{\"language\": \"it\", \"text\": \"Hola a todos.\"}\n");
    fclose(f);
    got g = {0};
    px_read_opts o = {0};
    o.diag = count_warning;
    o.diag_ud = &g;
    const char *paths[] = {path};
    assert_int_equal(px_read_paths(paths, 1, &o, keep_language, &g), PX_OK);
    unlink(path);
    assert_int_equal(g.n, 3);
    assert_string_equal(g.lang[0], "de");
    assert_string_equal(g.lang[1], "fr");
    assert_string_equal(g.lang[2], "it");
    assert_int_equal(g.warnings, 1);
    for (size_t i = 0; i < g.n; i++)
        free(g.lang[i]);
}

/* Polish has no Snowball stemmer: three Polish articles are read, and it
 * is said once; languages with a stemmer are not mentioned. */
static void count_no_stemmer(const px_diag *d, void *ud)
{
    if (d->severity == PX_WARNING && strstr(d->msg, "no stemmer for language 'pl'"))
        ((got *)ud)->warnings++;
}

static void test_no_stemmer_said_once(void **s)
{
    (void)s;
    char path[] = "/tmp/px_lang_XXXXXX.jsonl";
    int fd = mkstemps(path, 6);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    for (int i = 0; i < 3; i++)
        fprintf(f, "{\"language\": \"pl\", \"text\": \"Rada miasta zdecydowa\u0142a we wtorek "
                   "o rozbi\u00f3rce starego mostu na rzece.\"}\n");
    fprintf(f, "{\"language\": \"de\", \"text\": \"Der Rat hat am Dienstag beschlossen, die alte "
               "Br\u00fccke abzurei\u00dfen.\"}\n");
    fclose(f);
    got g = {0};
    px_read_opts o = {0};
    o.diag = count_no_stemmer;
    o.diag_ud = &g;
    const char *paths[] = {path};
    assert_int_equal(px_read_paths(paths, 1, &o, keep_language, &g), PX_OK);
    unlink(path);
    assert_int_equal(g.n, 4);
    assert_string_equal(g.lang[0], "pl");
    assert_int_equal(g.warnings, 1);
    for (size_t i = 0; i < g.n; i++)
        free(g.lang[i]);
}

/* The same from one input in memory (what `serve` reads from a POST):
 * said once, and the reader frees what it noted (AddressSanitizer's leak
 * check fails this test otherwise). */
static void test_no_stemmer_from_one_input(void **s)
{
    (void)s;
    static const char text[] = "{\"language\": \"pl\", \"text\": \"Rada miasta zdecydowa\u0142a we "
                               "wtorek o rozbi\u00f3rce starego mostu.\"}\n";
    px_input *in = NULL;
    px_error err;
    assert_int_equal(px_input_open_memory(&in, text, strlen(text), "post.jsonl", &err), PX_OK);
    got g = {0};
    px_read_opts o = {0};
    o.diag = count_no_stemmer;
    o.diag_ud = &g;
    assert_int_equal(px_read_input(in, &o, keep_language, &g), PX_OK);
    px_input_close(in);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.lang[0], "pl");
    assert_int_equal(g.warnings, 1);
    free(g.lang[0]);
}

/* The Snowball stopword lists of data/stopwords (README.md there): a
 * function word is one, a content word is not. */
static void test_stopwords_of_more_languages(void **s)
{
    (void)s;
    static const char *const cases[][3] = {
        {"ru", "\xd0\xb8", "\xd0\xbc\xd0\xbe\xd1\x81\xd1\x82"}, /* и / мост */
        {"sv", "och", "bron"},   {"da", "og", "broen"},     {"no", "og", "brua"},
        {"fi", "ja", "silta"},   {"hu", "az", "híd"},       {"tr", "ve", "köprü"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (!px_is_stopword(cases[i][0], cases[i][1], strlen(cases[i][1])))
            fail_msg("%s: '%s' is not a stopword", cases[i][0], cases[i][1]);
        if (px_is_stopword(cases[i][0], cases[i][2], strlen(cases[i][2])))
            fail_msg("%s: '%s' is a stopword", cases[i][0], cases[i][2]);
    }
}

/* The languages whose lists hold a word, found in one lookup, are those
 * whose lists px_word_list_has finds it in: every word of every list, its
 * prefixes and a word of none. */
static void test_stopword_lists_of_a_word(void **s)
{
    (void)s;
    size_t n_lists = 0;
    while (px_stopword_sources[n_lists].lang)
        n_lists++;
    assert_true(n_lists > 10 && n_lists <= 32);
    for (size_t r = 0; r < n_lists; r++)
        for (const char *const *w = px_stopword_sources[r].lines; *w; w++)
            for (size_t len = strlen(*w); len > 0; len--) {
                uint32_t want = 0;
                for (size_t q = 0; q < n_lists; q++)
                    if (px_word_list_has(px_stopword_sources[q].lines, *w, len))
                        want |= 1u << q;
                assert_int_equal(px_stopword_lists_of(*w, len), want);
                if (len == strlen(*w))
                    assert_true(want & (1u << r));
            }
    assert_int_equal(px_stopword_lists_of("bridge", 6), 0);
    assert_int_equal(px_stopword_lists_of("", 0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_detects_languages),
        cmocka_unit_test(test_short_english_by_function_words),
        cmocka_unit_test(test_fingerprint_ranking),
        cmocka_unit_test(test_known_languages),
        cmocka_unit_test(test_german_ordinals_quotes_abbreviations),
        cmocka_unit_test(test_romance_languages),
        cmocka_unit_test(test_dutch_and_slavic),
        cmocka_unit_test(test_languages_in_turn_use_their_own_lists),
        cmocka_unit_test(test_scripts_with_their_own_marks),
        cmocka_unit_test(test_every_scan_finds_every_mark),
        cmocka_unit_test(test_icu_method_and_english_unchanged),
        cmocka_unit_test(test_words_without_spaces),
        cmocka_unit_test(test_cleaning_rules_per_language),
        cmocka_unit_test(test_stemmers_of_every_snowball_language),
        cmocka_unit_test(test_reader_settles_language),
        cmocka_unit_test(test_stopwords_of_more_languages),
        cmocka_unit_test(test_stopword_lists_of_a_word),
        cmocka_unit_test(test_figure_tables_are_no_language),
        cmocka_unit_test(test_no_stemmer_said_once),
        cmocka_unit_test(test_no_stemmer_from_one_input),
    };
    return cmocka_run_group_tests_name("languages", tests, NULL, NULL);
}
