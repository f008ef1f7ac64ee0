/* i18n.c - binding the gettext domain "huozi" to the catalogues where.c finds, once. */
#include "i18n.h"
#include "where.h"

static gpointer
bind_once(gpointer unused)
{
	bindtextdomain(GETTEXT_PACKAGE, where_locale_dir());
	bind_textdomain_codeset(GETTEXT_PACKAGE, "UTF-8");
	return NULL;
}

const char *
i18n_name(const char *name)
{
	return name && *name ? _(name) : name;
}

void
i18n_bind(void)
{
	static GOnce once = G_ONCE_INIT;
	g_once(&once, bind_once, NULL);
}
