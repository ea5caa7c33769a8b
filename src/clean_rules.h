/* clean_rules.h - the rule files of data/clean/, embedded at build time by
 * scripts/embed-rules (build/gen/clean_rules.c). Not installed. */
#ifndef PARALLAX_CLEAN_RULES_H
#define PARALLAX_CLEAN_RULES_H

typedef struct px_rule_source {
    const char *lang; /* "en" */
    const char *name; /* "data/clean/en.rules", for error messages */
    const char *const *lines; /* the file's lines, NULL-terminated */
} px_rule_source;

/* Terminated by an entry whose lang is NULL. */
extern const px_rule_source px_rule_sources[];
/* data/stopwords/LANG.txt: one word a line, sorted (C order). */
extern const px_rule_source px_stopword_sources[];
/* data/framing/LANG.txt: words framing never shows, and spelling folds. */
extern const px_rule_source px_framing_sources[];

/* The list of lang ("de-AT" finds "de") among lists, or NULL. */
const char *const *px_word_list(const px_rule_source *lists, const char *lang);
/* Is w[0..len) in the sorted NULL-terminated list? */
int px_word_list_has(const char *const *list, const char *w, size_t len);

#endif
