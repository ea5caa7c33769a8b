/* undated.h - dates for the undated articles of a story, estimated from
 * the story and from the article's own text. */
#ifndef PX_COMPARE_UNDATED_H
#define PX_COMPARE_UNDATED_H

#include "parallax/story.h"

/* Gives every undated article of s an estimated date (date_estimated set):
 * an elapsed time its text counts from an event of the story ("five weeks
 * into the war", "three days after the attack") added to the day the story
 * dates that event; else the median date of the story's dated articles; in
 * both cases no earlier than the latest day its own text names with a year.
 * With nothing to go by it stays undated: never today's date. PX_OK or
 * PX_ENOMEM. */
int px_estimate_undated(const px_story_text *s);

#endif
