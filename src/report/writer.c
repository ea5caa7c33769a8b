/* writer.c - a report written one story at a time (parallax/report.h). */
#include "parallax/report.h"
#include "report/writers.h"

int px_report_begin(px_report_format f, size_t n_stories, size_t n_articles, px_buf *out)
{
    switch (f) {
    case PX_REPORT_JSON: return px_report_json_begin(out);
    case PX_REPORT_HTML: return px_report_html_begin(n_stories, n_articles, out);
    case PX_REPORT_TEXT: return n_stories ? PX_OK : px_report_text_story(NULL, 0, 0, NULL, out);
    }
    return PX_EUSAGE;
}

int px_report_story(px_report_format f, const px_story_report *r, size_t index, size_t n_stories,
                    const px_report_opts *o, px_buf *out)
{
    switch (f) {
    case PX_REPORT_JSON: return px_report_json_story(r, index, out);
    case PX_REPORT_HTML: return px_report_html_story(r, index, n_stories, out);
    case PX_REPORT_TEXT: return px_report_text_story(r, index, n_stories, o, out);
    }
    return PX_EUSAGE;
}

int px_report_end(px_report_format f, px_buf *out)
{
    switch (f) {
    case PX_REPORT_JSON: return px_report_json_end(out);
    case PX_REPORT_HTML: return px_report_html_end(out);
    case PX_REPORT_TEXT: return PX_OK;
    }
    return PX_EUSAGE;
}
