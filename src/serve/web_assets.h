/* web_assets.h - the web UI's files (web/), embedded into the library at
 * build time by scripts/embed-assets into build/gen/web_assets.c. */
#ifndef PARALLAX_WEB_ASSETS_H
#define PARALLAX_WEB_ASSETS_H

#include <stddef.h>

typedef struct px_web_asset {
    const char *path;          /* URL path, e.g. "/app.js" */
    const char *type;          /* Content-Type */
    const unsigned char *data; /* NUL-terminated for convenience */
    size_t len;
} px_web_asset;

extern const px_web_asset px_web_assets[];
extern const size_t px_web_n_assets;

/* The asset at URL path, or NULL. */
const px_web_asset *px_web_asset_find(const char *path);

#endif
