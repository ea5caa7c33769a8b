/* json_items.c - the JSON of a report's items (entities, numbers, quotes),
 * one rendering for the report writer and the claim commands. */
#include <math.h>
#include <cjson/cJSON.h>

#include "report/report_json.h"
#include "compare/numbers_internal.h"
#include "compare/quotes_internal.h"

void px_json_str(cJSON *o, const char *key, const char *v)
{
    if (v)
        cJSON_AddStringToObject(o, key, v);
    else
        cJSON_AddNullToObject(o, key);
}

void px_json_num(cJSON *o, const char *key, double v)
{
    cJSON_AddNumberToObject(o, key, isfinite(v) ? round(v * 1000) / 1000 : 0);
}

static const char *gender_name(px_gender g)
{
    return g == PX_GENDER_FEMALE ? "female" : g == PX_GENDER_MALE ? "male" : NULL;
}

cJSON *px_json_entity(const px_entity *e)
{
    cJSON *o = cJSON_CreateObject();
    px_json_str(o, "name", e->name);
    px_json_str(o, "kind", px_entity_kind_name(e->kind));
    px_json_str(o, "role", e->role);
    px_json_str(o, "gender", gender_name(e->gender));
    px_json_num(o, "mentions", (double)e->mentions);
    cJSON *variants = cJSON_AddArrayToObject(o, "variants");
    for (size_t k = 0; k < e->variants.n; k++)
        cJSON_AddItemToArray(variants, cJSON_CreateString(e->variants.items[k]));
    cJSON *sources = cJSON_AddArrayToObject(o, "sources");
    for (size_t k = 0; k < e->n_sources; k++) {
        cJSON *so = cJSON_CreateObject();
        px_json_str(so, "source", e->sources[k].source);
        px_json_num(so, "articles", (double)e->sources[k].articles);
        px_json_num(so, "mentions", (double)e->sources[k].mentions);
        cJSON_AddItemToArray(sources, so);
    }
    return o;
}

void px_json_number_figure(cJSON *o, const px_number *n)
{
    px_json_num(o, "value", n->value);
    if (n->bound == PX_BOUND_RANGE)
        px_json_num(o, "high", n->high);
    cJSON_AddBoolToObject(o, "vague", n->vague);
}

void px_json_number_reading(cJSON *o, const px_number *n)
{
    px_json_str(o, "unit", n->unit);
    px_json_str(o, "qualifier", n->qualifier);
    px_json_str(o, "bound", px_bound_name(n->bound));
    px_json_str(o, "counted", n->counted);
    px_json_str(o, "attribution", n->attribution);
    px_json_str(o, "owner", n->owner);
    px_json_str(o, "scope", px_scope_name(n->scope));
    cJSON_AddBoolToObject(o, "update", n->update);
}

void px_json_quote_speaker(cJSON *o, const px_quote *q)
{
    px_json_str(o, "speaker", q->speaker);
    px_json_str(o, "speaker_kind", px_speaker_kind_name(q->speaker_kind));
}

void px_json_quote_cue(cJSON *o, const px_quote *q)
{
    px_json_str(o, "cue", q->cue);
    px_json_str(o, "relay", q->relay);
}
