/* cmd_dump.h - `huozi dump STAGE`: the stable text dump of one pipeline stage. */
#pragma once

#include "cli.h"

int cmd_dump(const char *stage, const char *edition, const CliOpts *o);
