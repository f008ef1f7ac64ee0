/* cmd_fonts.h - `huozi fonts`: each font role, the face it resolves to, uncovered characters. */
#pragma once

#include "cli.h"

int cmd_fonts(const char *edition, const CliOpts *o);
