/* cmd_render.h - `huozi render` and `huozi check`: lay out, write the outputs, summarize. */
#pragma once

#include "cli.h"

int cmd_render(const char *edition, const CliOpts *o, bool write);
