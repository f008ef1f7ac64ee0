#!/usr/bin/env bash
# tests/fuzz/run-fuzz.sh TARGET SECONDS - build the libFuzzer targets (clang, ASan + UBSan) in
# build-fuzz/ and fuzz one of them for a bounded time.
#
#   TARGET   desc | story | layout | pipeline | pdfad   (tests/fuzz/fuzz_TARGET.c)
#   SECONDS  how long to fuzz (libFuzzer's -max_total_time)
#
# Seeds: tests/fuzz/corpus/TARGET/ (read only: new entries go to a scratch folder, never to the
# repository) and the dictionary tests/fuzz/huozi.dict. Crash, leak, timeout and OOM inputs are
# written to build-fuzz/crashes/TARGET-*; the exit status is non-zero when there is one.
#
# Environment:
#   FUZZ_SCRATCH=DIR        keep the new corpus entries in DIR (default: a temporary folder,
#                           removed at the end); `fuzz_TARGET -merge=1 tests/fuzz/corpus/TARGET
#                           DIR` folds the ones that add coverage into the seeds
#   FUZZ_BUILD=DIR          build folder (default build-fuzz)
#   FUZZ_MESON_ARGS="..."   extra `meson setup` arguments when the build folder is made
#   FUZZ_ARGS="..."         extra libFuzzer arguments (e.g. -jobs=2, -seed=1)
set -euo pipefail
cd "$(dirname "$0")/../.."

usage() {
	echo "usage: tests/fuzz/run-fuzz.sh desc|story|layout|pipeline|pdfad SECONDS" >&2
	exit 2
}
[ $# -eq 2 ] || usage
target=$1 seconds=$2
case "$target" in
desc | story | layout) max_len=8192 ;;
pdfad) max_len=16384 ;; # a PDF ad: probed and preflighted in memory
pipeline) max_len=4096 ;; # a page description; each run lays out whole pages
*) usage ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] && [ "$seconds" -gt 0 ] || usage

build=${FUZZ_BUILD:-build-fuzz}
if [ ! -f "$build/build.ninja" ]; then
	# shellcheck disable=SC2086
	CC=clang meson setup "$build" -Dfuzz=true -Db_lundef=false ${FUZZ_MESON_ARGS:-} >&2
fi
ninja -C "$build" "tests/fuzz/fuzz_$target" >&2

crashes="$build/crashes"
mkdir -p "$crashes"
if [ -n "${FUZZ_SCRATCH:-}" ]; then
	scratch=$FUZZ_SCRATCH
	mkdir -p "$scratch"
else
	scratch=$(mktemp -d "${TMPDIR:-/tmp}/huozi-fuzz-$target.XXXXXX")
	trap 'rm -rf "$scratch"' EXIT
fi

export HUOZI_FONTS_CONF=${HUOZI_FONTS_CONF:-$PWD/fonts/fonts.conf}
# pipeline goes through fontconfig, built without frame pointers: only the slow unwinder gives
# the whole allocation stacks that tests/lsan.supp matches
unwind=1
[ "$target" = pipeline ] && unwind=0
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:print_stacktrace=1:fast_unwind_on_malloc=$unwind}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# pipeline: tests/lsan.supp plus tests/fuzz/lsan-pipeline.supp (pango's fontconfig thread, see
# there); the test suite under ASan keeps the strict list alone
supp=$PWD/tests/lsan.supp
if [ "$target" = pipeline ]; then
	supp=$PWD/$build/lsan-pipeline.supp
	cat tests/lsan.supp tests/fuzz/lsan-pipeline.supp >"$supp"
fi
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$supp:print_suppressions=0}
# every slice allocation a malloc of its own, so that LeakSanitizer sees each one
export G_SLICE=${G_SLICE:-always-malloc}

before=$(find "$crashes" -name "$target-*" 2>/dev/null | wc -l)
status=0
# the scratch folder comes first: libFuzzer writes new entries into the first corpus folder
# shellcheck disable=SC2086
"$build/tests/fuzz/fuzz_$target" "$scratch" "tests/fuzz/corpus/$target" \
	-dict=tests/fuzz/huozi.dict -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
	-max_total_time="$seconds" -artifact_prefix="$crashes/$target-" -print_final_stats=1 \
	${FUZZ_ARGS:-} || status=$?
after=$(find "$crashes" -name "$target-*" 2>/dev/null | wc -l)
if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ]; then
	echo "run-fuzz.sh: $target FAILED (exit $status); inputs in $crashes/:" >&2
	ls -1 "$crashes" | grep "^$target-" >&2 || true
	exit $((status ? status : 1))
fi
echo "run-fuzz.sh: $target ok for ${seconds}s, $(find "$scratch" -type f | wc -l) new corpus entries" >&2
