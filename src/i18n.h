/* i18n.h - the library's messages in the user's language: _() and N_() over the gettext domain
 * "huozi" (po/), whose catalogues i18n_bind finds. */
#pragma once

#include "config.h"
#include <glib/gi18n-lib.h>

/* Bind the domain to the catalogues of this build tree or installation (where.c), once; the
 * language is the host's (LC_MESSAGES, which only the program sets: the library never calls
 * setlocale). Every entry point that can produce a message calls it. */
void i18n_bind(void);
