/* abbrev.c - the English abbreviations the tokenizer keeps whole and the
 * sentence splitter does not end a sentence at, by how they behave. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "parallax/text.h"
#include "text/text_internal.h"
#include "text/textchar.h"

typedef struct abbrev {
    const char *word; /* lower case, without the final period */
    int cls;
} abbrev;

/* Sorted (strcmp order) for the reader; lookups use the hash below. */
static const abbrev abbrevs[] = {
    {"adm", PX_ABBR_TITLE}, {"al", PX_ABBR_GENERAL}, {"ala", PX_ABBR_GENERAL},
    {"amb", PX_ABBR_TITLE}, {"approx", PX_ABBR_NUMBER}, {"apr", PX_ABBR_MONTH},
    {"ariz", PX_ABBR_GENERAL}, {"ark", PX_ABBR_GENERAL}, {"art", PX_ABBR_NUMBER},
    {"assn", PX_ABBR_GENERAL}, {"asst", PX_ABBR_TITLE}, {"atty", PX_ABBR_TITLE},
    {"aug", PX_ABBR_MONTH}, {"ave", PX_ABBR_GENERAL}, {"blvd", PX_ABBR_GENERAL},
    {"brig", PX_ABBR_TITLE}, {"bros", PX_ABBR_GENERAL}, {"calif", PX_ABBR_GENERAL},
    {"capt", PX_ABBR_TITLE}, {"cf", PX_ABBR_NEVER}, {"ch", PX_ABBR_NUMBER},
    {"cmdr", PX_ABBR_TITLE}, {"co", PX_ABBR_GENERAL}, {"col", PX_ABBR_TITLE},
    {"colo", PX_ABBR_GENERAL}, {"conn", PX_ABBR_GENERAL}, {"corp", PX_ABBR_GENERAL},
    {"cpl", PX_ABBR_TITLE}, {"dec", PX_ABBR_MONTH}, {"del", PX_ABBR_GENERAL},
    {"dept", PX_ABBR_GENERAL}, {"det", PX_ABBR_TITLE}, {"dr", PX_ABBR_TITLE},
    {"e.g", PX_ABBR_NEVER}, {"esq", PX_ABBR_GENERAL}, {"est", PX_ABBR_GENERAL},
    {"etc", PX_ABBR_GENERAL}, {"ext", PX_ABBR_NUMBER}, {"feb", PX_ABBR_MONTH},
    {"fig", PX_ABBR_NUMBER}, {"figs", PX_ABBR_NUMBER}, {"fla", PX_ABBR_GENERAL},
    {"fr", PX_ABBR_TITLE}, {"fri", PX_ABBR_GENERAL}, {"ft", PX_ABBR_TITLE},
    {"ga", PX_ABBR_GENERAL}, {"gen", PX_ABBR_TITLE}, {"gov", PX_ABBR_TITLE},
    {"govt", PX_ABBR_GENERAL}, {"hon", PX_ABBR_TITLE}, {"hwy", PX_ABBR_NUMBER},
    {"i.e", PX_ABBR_NEVER}, {"ill", PX_ABBR_GENERAL}, {"inc", PX_ABBR_GENERAL},
    {"ind", PX_ABBR_GENERAL}, {"insp", PX_ABBR_TITLE}, {"intl", PX_ABBR_GENERAL},
    {"jan", PX_ABBR_MONTH}, {"jr", PX_ABBR_GENERAL}, {"jul", PX_ABBR_MONTH},
    {"jun", PX_ABBR_MONTH}, {"kan", PX_ABBR_GENERAL}, {"kans", PX_ABBR_GENERAL},
    {"ky", PX_ABBR_GENERAL}, {"la", PX_ABBR_GENERAL}, {"llc", PX_ABBR_GENERAL},
    {"lt", PX_ABBR_TITLE}, {"ltd", PX_ABBR_GENERAL}, {"maj", PX_ABBR_TITLE},
    {"mar", PX_ABBR_MONTH}, {"mass", PX_ABBR_GENERAL}, {"md", PX_ABBR_GENERAL},
    {"messrs", PX_ABBR_TITLE}, {"mich", PX_ABBR_GENERAL}, {"minn", PX_ABBR_GENERAL},
    {"miss", PX_ABBR_GENERAL}, {"mo", PX_ABBR_GENERAL}, {"mont", PX_ABBR_GENERAL},
    {"mr", PX_ABBR_TITLE}, {"mrs", PX_ABBR_TITLE}, {"ms", PX_ABBR_TITLE},
    {"msgr", PX_ABBR_TITLE}, {"mt", PX_ABBR_TITLE}, {"natl", PX_ABBR_GENERAL},
    {"neb", PX_ABBR_GENERAL}, {"nev", PX_ABBR_GENERAL}, {"no", PX_ABBR_NUMBER},
    {"nos", PX_ABBR_NUMBER}, {"nov", PX_ABBR_MONTH}, {"n\xC2\xB0", PX_ABBR_NUMBER},
    {"n\xC2\xBA", PX_ABBR_NUMBER}, {"oct", PX_ABBR_MONTH}, {"okla", PX_ABBR_GENERAL},
    {"op", PX_ABBR_NUMBER}, {"ore", PX_ABBR_GENERAL}, {"p", PX_ABBR_NUMBER},
    {"pa", PX_ABBR_GENERAL}, {"para", PX_ABBR_NUMBER}, {"penn", PX_ABBR_GENERAL},
    {"pg", PX_ABBR_NUMBER}, {"plc", PX_ABBR_GENERAL}, {"pp", PX_ABBR_NUMBER},
    {"pres", PX_ABBR_TITLE}, {"prof", PX_ABBR_TITLE}, {"pvt", PX_ABBR_TITLE},
    {"rd", PX_ABBR_GENERAL}, {"rep", PX_ABBR_TITLE}, {"reps", PX_ABBR_TITLE},
    {"rev", PX_ABBR_TITLE}, {"sat", PX_ABBR_GENERAL}, {"sen", PX_ABBR_TITLE},
    {"sens", PX_ABBR_TITLE}, {"sep", PX_ABBR_MONTH}, {"sept", PX_ABBR_MONTH},
    {"sgt", PX_ABBR_TITLE}, {"sr", PX_ABBR_GENERAL}, {"st", PX_ABBR_TITLE},
    {"supt", PX_ABBR_TITLE}, {"tel", PX_ABBR_NUMBER}, {"tenn", PX_ABBR_GENERAL},
    {"tex", PX_ABBR_GENERAL}, {"thu", PX_ABBR_GENERAL}, {"thur", PX_ABBR_GENERAL},
    {"thurs", PX_ABBR_GENERAL}, {"tue", PX_ABBR_GENERAL}, {"tues", PX_ABBR_GENERAL},
    {"univ", PX_ABBR_GENERAL}, {"va", PX_ABBR_GENERAL}, {"viz", PX_ABBR_NEVER},
    {"vol", PX_ABBR_NUMBER}, {"vols", PX_ABBR_NUMBER}, {"vs", PX_ABBR_NEVER},
    {"vt", PX_ABBR_GENERAL}, {"wash", PX_ABBR_GENERAL}, {"wed", PX_ABBR_GENERAL},
    {"wis", PX_ABBR_GENERAL}, {"wyo", PX_ABBR_GENERAL},
};

/* Lookups go through an open-addressing hash of the lower-cased word packed
 * into 64 bits (up to 6 bytes and the length): the splitter asks once per
 * sentence end, and a binary search of strcmp calls was a tenth of its
 * time. Built once from the sorted table above. */
#define SLOTS 512 /* a power of two, over three times the entries */

typedef struct slot {
    uint64_t key; /* 0: empty */
    int cls;
} slot;

static slot table[SLOTS];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;
static atomic_int table_ready; /* spares the pthread_once call once built */

/* The key of w lower-cased (ASCII letters only), or 0 when it cannot be an
 * entry. */
static inline uint64_t pack_lower(const char *w, size_t len)
{
    if (len == 0 || len > 6)
        return 0;
    return tc_lower_ascii8(tc_load_bytes(w, len)) | (uint64_t)len << 56;
}

static size_t slot_of(uint64_t key)
{
    return (size_t)((key * 0x9E3779B97F4A7C15u) >> 55) & (SLOTS - 1);
}

static void build_table(void)
{
    for (size_t i = 0; i < sizeof abbrevs / sizeof abbrevs[0]; i++) {
        uint64_t key = pack_lower(abbrevs[i].word, strlen(abbrevs[i].word));
        size_t h = slot_of(key);
        while (table[h].key)
            h = (h + 1) & (SLOTS - 1);
        table[h] = (slot){key, abbrevs[i].cls};
    }
    atomic_store_explicit(&table_ready, 1, memory_order_release);
}

int px_abbrev_class(const char *w, size_t len)
{
    /* Every entry is 1-6 bytes and starts with a letter. */
    if (len == 0 || len > 6 || !(((unsigned char)w[0] | 0x20) >= 'a' && ((unsigned char)w[0] | 0x20) <= 'z'))
        return PX_ABBR_NONE;
    if (!atomic_load_explicit(&table_ready, memory_order_acquire))
        pthread_once(&table_once, build_table);
    uint64_t key = pack_lower(w, len);
    for (size_t h = slot_of(key); table[h].key; h = (h + 1) & (SLOTS - 1)) {
        if (table[h].key != key)
            continue;
        int cls = table[h].cls;
        /* Titles are written capitalised ("St. Louis"); in lower case the
         * same letters are ordinary abbreviations ("5th st."). */
        if (cls == PX_ABBR_TITLE && !(w[0] >= 'A' && w[0] <= 'Z'))
            return PX_ABBR_GENERAL;
        /* "no." in lower case is the word no at the end of a sentence. */
        if (len == 2 && w[0] == 'n' && (w[1] | 0x20) == 'o')
            return PX_ABBR_NONE;
        return cls;
    }
    return PX_ABBR_NONE;
}
