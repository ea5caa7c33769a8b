/* server_internal.h - what parallax/server.h declares for the library's own
 * modules only; not installed. */
#ifndef PARALLAX_SERVE_SERVER_INTERNAL_H
#define PARALLAX_SERVE_SERVER_INTERNAL_H

#include "parallax/server.h"

size_t px_api_max_body(const px_api *api);

/* Fills resp with the JSON error answer {"error":{"code","message"}}. */
void px_api_error(px_api_response *resp, int status, const char *code, const char *message);

#endif
