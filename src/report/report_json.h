/* report_json.h - the JSON writer's tree of one story, for the store, which
 * adds its own fields before printing it once; and the builders of the
 * items of a report (entities, numbers, quotes), which the claim commands
 * (`parallax entities`, `numbers`, `quotes`) print with the same fields.
 * Not installed. */
#ifndef PARALLAX_REPORT_JSON_H
#define PARALLAX_REPORT_JSON_H

#include <cjson/cJSON.h>

#include "parallax/report.h"

/* The STORY object of docs/report-schema.md for r, numbered index + 1;
 * NULL when out of memory. */
cJSON *px_report_story_object(const px_story_report *r, size_t index);

/* Adds v as a string, or null when v is NULL. */
void px_json_str(cJSON *o, const char *key, const char *v);
/* Adds v rounded to three decimals (0 when not finite). */
void px_json_num(cJSON *o, const char *key, double v);

/* The ENTITY object: name, kind, role, gender, mentions, variants,
 * sources. */
cJSON *px_json_entity(const px_entity *e);

/* A NUMBER's figure: value, high (a range only), vague. */
void px_json_number_figure(cJSON *o, const px_number *n);
/* A NUMBER's reading: unit, qualifier, bound, counted, attribution, owner,
 * scope, update. */
void px_json_number_reading(cJSON *o, const px_number *n);

/* A QUOTE's speaker and speaker_kind. */
void px_json_quote_speaker(cJSON *o, const px_quote *q);
/* A QUOTE's cue and relay. */
void px_json_quote_cue(cJSON *o, const px_quote *q);

#endif
