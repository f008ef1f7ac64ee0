/* cmd_watch.h - `huozi render --watch`: render again whenever an input changes. */
#pragma once

#include "cli.h"

int cmd_watch(const char *edition, const CliOpts *o);
