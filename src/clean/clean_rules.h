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

#endif
