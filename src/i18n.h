/* i18n.h - the library's messages in the user's language: _() and N_() over the gettext domain
 * "huozi" (po/), whose catalogues i18n_bind finds. */
#pragma once

#include "config.h"
#include <glib/gi18n-lib.h>

/* Bind the domain to the catalogues of this build tree or installation (where.c), once; the
 * language is the host's (LC_MESSAGES, which only the program sets: the library never calls
 * setlocale). Every entry point that can produce a message calls it. */
void i18n_bind(void);
/* The name of a part of the page in messages (ItemsWhere.what), in the user's language: the
 * parts are named by N_() English keys, which the code may still compare, and translated only
 * here, where a message shows them; a name made already translated, NULL and "" pass as they
 * are. */
const char *i18n_name(const char *name);
