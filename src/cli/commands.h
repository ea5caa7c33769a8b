/* commands.h - the subcommands, in the order `parallax --help` lists them.
 * Each PX_COMMAND(name, summary) has an int cmd_NAME(int argc, char **argv)
 * in src/cli/cmd_NAME.c. */
PX_COMMAND(read, "read articles (txt, JSON Lines, HTML, WARC; folders, stdin, .gz/.zst) and print them as JSON Lines")
PX_COMMAND(extract, "extract the article of every web page (HTML, WARC, JSON Lines with html) as JSON Lines")
PX_COMMAND(sentences, "split article bodies (or plain text with --text) into sentences")
PX_COMMAND(quotes, "direct quotes with their speakers, one JSON object per quote")
PX_COMMAND(numbers, "numeric claims with qualifier, counted noun and attribution, one JSON object per claim")
PX_COMMAND(entities, "people, organisations and places named in the articles, merged across them (JSON Lines)")
PX_COMMAND(dedup, "find exact copies, near-duplicates and embedded copies; print groups as JSON Lines")
PX_COMMAND(cluster, "group articles into stories (online, with a batch merge pass); print stories as JSON Lines")
PX_COMMAND(analyze, "compare each story across outlets: numbers, quotes, framing, omissions, timeline, summary")
PX_COMMAND(vocab, "count word stems in the articles (a background table for framing)")
