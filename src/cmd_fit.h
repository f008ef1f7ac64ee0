/* cmd_fit.h - `huozi fit STORY.txt --layout FILE`: the copyfit table of one story. */
#pragma once

#include "cli.h"

int cmd_fit(const char *story, const CliOpts *o);
