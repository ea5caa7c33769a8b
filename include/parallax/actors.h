/*
 * parallax/actors.h - how each outlet names the actors of a story: for the
 * people, organisations and places most outlets name, the words each
 * outlet attaches to them.
 *
 * Attached words are read around every mention of the actor (entities.h),
 * never across punctuation: the lower-case word or two of the name's own
 * noun phrase right before it ("the occupied West Bank", "terrorist group
 * Hamas"; not a verb, "Biden warned Netanyahu"), and after it a descriptor
 * noun ("Hamas terrorists") or, for people, what is done to them
 * ("Palestinians have been murdered"); docs/compare.md, "Actors", has the
 * rules. Per outlet the words are counted; a word is the outlet's own
 * when no other outlet attaches it to that actor.
 */
#ifndef PARALLAX_ACTORS_H
#define PARALLAX_ACTORS_H

#include "entities.h"
#include "story.h"

#ifdef __cplusplus
extern "C" {
#endif

#define PX_MAX_ACTORS 8        /* actors in the table */
#define PX_MAX_ACTOR_WORDS 4   /* words per actor and outlet */

typedef struct px_actor_word {
    char *word;            /* lower case, as written */
    size_t count;          /* times this outlet attaches it to the actor */
    int only_here;         /* no other outlet attaches it to the actor */
    size_t sentence;       /* story sentence of its first use */
} px_actor_word;

typedef struct px_actor_cell {
    size_t source;         /* story source index */
    px_actor_word *words;  /* its own words first, then by count */
    size_t n_words;
} px_actor_cell;

typedef struct px_actor_row {
    size_t entity;         /* index into the story's merged entities */
    px_actor_cell *cells;  /* outlets that attach words to it, story order */
    size_t n_cells;
} px_actor_row;

typedef struct px_actor_table {
    px_actor_row *rows;    /* the most mentioned actors first */
    size_t n;
} px_actor_table;

#ifdef __cplusplus
}
#endif
#endif
