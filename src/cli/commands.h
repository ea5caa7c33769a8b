/* commands.h - the subcommands, in the order `parallax --help` lists them.
 * Each PX_COMMAND(name, summary) has an int cmd_NAME(int argc, char **argv)
 * in src/cli/cmd_NAME.c. */
PX_COMMAND(read, "read articles (txt, JSON Lines; folders, stdin, .gz/.zst) and print them as JSON Lines")
PX_COMMAND(sentences, "split article bodies (or plain text with --text) into sentences")
PX_COMMAND(dedup, "find exact copies, near-duplicates and embedded copies; print groups as JSON Lines")
PX_COMMAND(cluster, "group articles into stories (online, with a batch merge pass); print stories as JSON Lines")
PX_COMMAND(ingest, "add articles to the store (--db), grouping them into stories")
PX_COMMAND(search, "full-text search of the stored articles")
PX_COMMAND(stories, "list the stored stories")
PX_COMMAND(show, "print one stored story as a report on the terminal")
PX_COMMAND(report, "write stored stories as standalone HTML pages")
PX_COMMAND(export, "print every stored article as JSON Lines")
PX_COMMAND(serve, "serve the JSON API and the web UI over HTTP")
