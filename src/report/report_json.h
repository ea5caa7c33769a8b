/* report_json.h - the JSON writer's tree of one story, for the store, which
 * adds its own fields before printing it once. Not installed. */
#ifndef PARALLAX_REPORT_JSON_H
#define PARALLAX_REPORT_JSON_H

#include <cjson/cJSON.h>

#include "parallax/report.h"

/* The STORY object of docs/report-schema.md for r, numbered index + 1;
 * NULL when out of memory. */
cJSON *px_report_story_object(const px_story_report *r, size_t index);

#endif
