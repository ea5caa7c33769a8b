/*
 * parallax/quotes.h - direct quotations and who said them.
 *
 * Straight (") and curly (“ ”) double quotes are paired left to right
 * within a paragraph; an opening mark left open at the end of a paragraph
 * continues into the next paragraph when that one opens with a quotation
 * mark (the newspaper convention for multi-paragraph quotes); any other
 * unbalanced mark is dropped at the paragraph end, so it cannot derail the
 * rest of the article. Pieces of one utterance split around a cue
 * ("...," she said, "...") are joined into one quote.
 *
 * Speakers are resolved from the cue next to the quote: `said Lloyd
 * Austin`, `Austin said`, `she told Politico` (the nearest earlier person of
 * a compatible gender), `the press secretary said` (a role noun, resolved
 * to the person holding that role when the article names one), `the memo
 * said` (a non-person speaker kept as such), `according to the White House
 * statement`. A quote with no cue of its own inherits the speaker of the
 * quote just before it in the same or the previous paragraph.
 *
 * Offsets are byte offsets into a->body; every piece excludes its quotation
 * marks.
 */
#ifndef PARALLAX_QUOTES_H
#define PARALLAX_QUOTES_H

#include "entities.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum px_quote_kind {
    PX_QUOTE_SPEECH = 0,  /* a full quoted statement */
    PX_QUOTE_PARTIAL = 1, /* a quoted fragment inside reported speech
                             ("rejected as “ludicrous” a response") of
                             three or more words */
    PX_QUOTE_TERM = 2     /* a scare quote or one-/two-word quoted term
                             ("indiscriminate", "genocide"), a title */
} px_quote_kind;

/* "speech", "partial", "term". */
const char *px_quote_kind_name(px_quote_kind k);

typedef enum px_speaker_kind {
    PX_SPEAKER_NONE = 0,     /* no speaker found */
    PX_SPEAKER_PERSON = 1,   /* a named person (or a role noun for one) */
    PX_SPEAKER_ORG = 2,      /* an organisation, outlet or government body */
    PX_SPEAKER_DOCUMENT = 3, /* the memo, the report, the letter, a statement */
    PX_SPEAKER_GROUP = 4     /* unnamed people: officials, sources, aides */
} px_speaker_kind;

typedef struct px_quote {
    px_quote_kind kind;
    size_t start, end;       /* first piece start .. last piece end */
    size_t *piece_start;     /* the n_pieces contiguous quoted pieces */
    size_t *piece_end;
    size_t n_pieces;
    char *text;              /* the pieces joined by one space; for a single
                                piece exactly body[start:end] */
    char *speaker;           /* resolved name ("Lloyd Austin"), or the
                                non-person speaker as written ("the memo"),
                                or NULL */
    px_speaker_kind speaker_kind;
    long speaker_entity;     /* index in the entity list used, or -1 */
    size_t mention_start;    /* the words that name the speaker in the
                                text ("she", "Austin"); for a quote that
                                continues an earlier one, that quote's */
    size_t mention_end;      /* mention; equal when none */
    char *cue;               /* the verb or phrase: "said", "told",
                                "according to"; NULL when inherited/none */
    char *relay;             /* the source that relayed the quote, as
                                written: "CNN" in `X said, according to
                                CNN`; NULL when none */
    size_t sentence_start;   /* the sentence holding the first piece */
    size_t sentence_end;
} px_quote;

/* The quote as a reader should see it: its pieces (from body, the text it
 * was found in) joined by " … ", each without the comma that handed over
 * to a reporting clause ("murdered,” she said. “Frankly" becomes
 * "murdered … Frankly"). Appends to out. */
int px_quote_display(const px_quote *q, const char *body, px_buf *out);

typedef struct px_quote_list {
    px_quote *v;
    size_t n, cap;
} px_quote_list;

void px_quote_list_init(px_quote_list *l);
void px_quote_list_clear(px_quote_list *l);

/* Appends the quotes of a->body to out, in text order. people is the
 * article's entity list from px_entities_extract() and may be NULL (it is
 * then computed internally). Returns PX_OK or PX_ENOMEM. */
int px_quotes_extract(const px_article *a, const px_entity_list *people, px_quote_list *out);

/* A quote carried by several articles. */
typedef struct px_quote_link {
    px_ref *members;         /* article index, quote index; text order of
                                articles given */
    size_t n_members;
    char *text;              /* the longest member's text */
    char *speaker;           /* the most frequent resolved speaker, or NULL */
} px_quote_link;

typedef struct px_quote_links {
    px_quote_link *v;
    size_t n, cap;
} px_quote_links;

void px_quote_links_clear(px_quote_links *l);

/* Links the speech/partial quotes of different articles that carry the
 * same words: folded texts equal, one containing the other (at least
 * six words), or word-trigram overlap >= 0.5 of the shorter. Only
 * groups with members from two or more articles are returned. */
int px_quotes_link(const px_quote_list *const *lists, size_t n, px_quote_links *out,
                   px_error *err);

#ifdef __cplusplus
}
#endif
#endif
