/* descriptors.c - the descriptor nouns of descriptors.h. */
#include "compare/descriptors.h"
#include "text/claims_common.h"

const char *const px_actor_descriptors[] = {
    "terrorist", "terrorists", "militant", "militants", "fighters", "group", "movement",
    "organization", "organisation", "regime", "government", "administration", "forces",
    "army", "military", "occupation", "authorities", "leadership", "faction", "rebels",
    "insurgents", "extremists", "jihadists", "troops", "junta", "dictatorship",
    "dictator", "coalition", "allies", "ally", "resistance", "aggressor", "aggression",
    "officials", "leaders", "radicals", "separatists", "state", "leader", "official", "groups",
    "governments", "regimes", "extremist", "jihadist", "insurgent", "rebel", "radical", "separatist",
    "fighter", "factions", NULL};

int px_is_actor_descriptor(const char *text, const px_token *t)
{
    return cl_tok_in(text, t, px_actor_descriptors);
}
