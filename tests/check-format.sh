#!/usr/bin/env bash
# tests/check-format.sh - every C file of the project is as clang-format (.clang-format) writes
# it: the style check of the test suite. Fix with: clang-format -i FILE...
set -euo pipefail
cd "${SOURCE_ROOT:?run through meson test}"
files=$(git ls-files '*.c' '*.h' 2>/dev/null || find src tests bench -name '*.[ch]')
# shellcheck disable=SC2086
clang-format --dry-run -Werror $files
echo "clang-format: $(echo "$files" | wc -w) files as formatted"
