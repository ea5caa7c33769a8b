/* descriptors.c - the descriptor nouns of descriptors.h. */
#include "compare/descriptors.h"
#include "text/claims_common.h"

/* static: the word-set registry keys a list by its address */
static const char *const px_actor_descriptors[] = {
    "terrorist", "terrorists", "militant", "militants", "fighters", "group", "movement",
    "organization", "organisation", "regime", "government", "administration", "forces",
    "army", "military", "occupation", "authorities", "leadership", "faction", "rebels",
    "insurgents", "extremists", "jihadists", "troops", "junta", "dictatorship",
    "dictator", "coalition", "allies", "ally", "resistance", "aggressor", "aggression",
    "officials", "leaders", "radicals", "separatists", "state", "leader", "official", "groups",
    "governments", "regimes", "extremist", "jihadist", "insurgent", "rebel", "radical", "separatist",
    "fighter", "factions", NULL};

int px_is_descriptor_word(const char *w, size_t n)
{
    return cl_in(w, n, px_actor_descriptors);
}

int px_is_actor_descriptor(const char *text, const px_token *t)
{
    return px_is_descriptor_word(text + t->start, t->end - t->start);
}
