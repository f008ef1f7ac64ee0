/* fontreport.h - the font report: each font role, its face, the characters no font covers. */
#pragma once

#include "font.h"
#include "report.h"

/* Append to out the fontconfig file, each role's regular and bold face and file, and every
 * uncovered-character diagnostic of r. */
void fontreport_text(const Fonts *f, const Report *r, GString *out);
