/* clean_rules.h - the rule files of data/clean/, embedded at build time by
 * scripts/embed-rules (build/gen/clean_rules.c). Not installed. */
#ifndef PARALLAX_CLEAN_RULES_H
#define PARALLAX_CLEAN_RULES_H

#include "text/word_lists.h"

/* Terminated by an entry whose lang is NULL. */
extern const px_rule_source px_rule_sources[];

#endif
