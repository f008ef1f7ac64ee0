/* where.h - where the running huozi is: its build tree or an installation, and so where its
 * layouts library, font configuration and message catalogues are. */
#pragma once

#include <stdbool.h>

/* true when the code running is the one built in the build tree (then the source tree's
 * layouts/ and fonts/ are used), decided by the path of the program or library itself, not by
 * whether a source tree exists */
bool where_in_build_tree(void);
/* the layouts library: the source tree's, or the installation's (relative to where the program
 * or library is installed, so a moved prefix still finds it) */
const char *where_layouts_dir(void);
/* the folder of the font configuration, as where_layouts_dir */
const char *where_fonts_dir(void);
/* the folder of the message catalogues (LANG/LC_MESSAGES/huozi.mo): the build tree's po/ (the
 * catalogues compiled there), or the installation's share/locale, as where_layouts_dir */
const char *where_locale_dir(void);
