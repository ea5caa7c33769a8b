/*
 * parallax.h - the parallax library: read news articles, clean them, find
 * copies, group them into stories and compare each story across sources.
 *
 * Data flows one way through the stages, each with its own header:
 *   read (parallax/read.h) -> clean -> dedup -> cluster -> compare -> render/store
 * See docs/ for the formats every stage reads and writes.
 */
#ifndef PARALLAX_H
#define PARALLAX_H

#include "parallax/common.h"
#include "parallax/article.h"
#include "parallax/read.h"
#include "parallax/clean.h"
#include "parallax/text.h"
#include "parallax/doc.h"
#include "parallax/entities.h"
#include "parallax/numbers.h"
#include "parallax/quotes.h"
#include "parallax/html.h"
#include "parallax/http.h"
#include "parallax/dedup.h"
#include "parallax/cluster.h"
#include "parallax/story.h"
#include "parallax/framing.h"
#include "parallax/actors.h"
#include "parallax/consensus.h"
#include "parallax/timex.h"
#include "parallax/timeline.h"
#include "parallax/summary.h"
#include "parallax/links.h"
#include "parallax/compare.h"
#include "parallax/report.h"
#include "parallax/store.h"
#include "parallax/ingest.h"
#include "parallax/server.h"
#include "parallax/analysis.h"

#endif
