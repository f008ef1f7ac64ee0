#!/usr/bin/env bash
# build.sh - the one entry point for newcomers and CI: install what is missing, build,
# then render the sample edition (`./build.sh sample`) or run the whole test suite
# (`./build.sh test`). Idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")"

# Debian 12 packages: compiler and build system, the libraries huozi links, the fonts its
# layouts name, gettext (msgfmt, xgettext: the message catalogues), locales (the zh_CN.UTF-8
# locale the Chinese messages are tested in), and the tools its tests read PDFs with.
PACKAGES=(
	build-essential meson ninja-build pkg-config gettext locales
	libglib2.0-dev libpango1.0-dev libcairo2-dev libharfbuzz-dev libfontconfig-dev libfreetype-dev
	libjpeg62-turbo-dev libqpdf-dev libpoppler-glib-dev zlib1g-dev libicu-dev check
	fonts-noto-cjk fonts-lxgw-wenkai
	poppler-utils python3 libxml2-utils
	liblcms2-dev libgs-common ghostscript qpdf
	clang libclang-rt-14-dev clang-format valgrind
)

install_missing() {
	local missing=() p sudo=""
	for p in "${PACKAGES[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	[ "$(id -u)" -ne 0 ] && sudo=sudo
	echo "build.sh: installing ${missing[*]}" >&2
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# the zh_CN.UTF-8 locale, which the i18n tests run huozi in: generated from the locales
# package's sources when the machine lacks it (once; locale -a lists it afterwards)
make_locale() {
	local sudo=""
	locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\?8' && return 0
	[ "$(id -u)" -ne 0 ] && sudo=sudo
	echo "build.sh: generating the zh_CN.UTF-8 locale" >&2
	$sudo localedef -i zh_CN -f UTF-8 zh_CN.UTF-8
}

# configure build/ once, then build the given targets (all of them when none is given)
build() {
	if [ ! -f build/build.ninja ]; then
		meson setup build --werror >&2
	fi
	ninja -C build "$@" >&2
}

# The CJK faces huozi uses, converted once from CFF to TrueType outlines by huozi-cff2ttf
# (fonts/cff2ttf/, built by `build`; a few seconds a face): the same glyphs and metrics, but
# cairo writes the PDF several times faster. Two at a time (two cores).
convert_fonts() {
	local noto=/usr/share/fonts/opentype/noto pids=() spec src family out
	mkdir -p fonts/ttf
	for spec in "NotoSerifCJK-Regular.ttc|Noto Serif CJK SC|NotoSerifCJKsc-Regular.ttf" \
		"NotoSansCJK-Bold.ttc|Noto Sans CJK SC|NotoSansCJKsc-Bold.ttf" \
		"NotoSansCJK-Regular.ttc|Noto Sans CJK SC|NotoSansCJKsc-Regular.ttf" \
		"NotoSerifCJK-Bold.ttc|Noto Serif CJK SC|NotoSerifCJKsc-Bold.ttf"; do
		IFS='|' read -r src family out <<<"$spec"
		[ -f "fonts/ttf/$out" ] && continue
		echo "build.sh: converting $family ($src) to TrueType outlines, once" >&2
		./build/fonts/cff2ttf/huozi-cff2ttf "$noto/$src" "$family" "fonts/ttf/$out" &
		pids+=($!)
		if [ ${#pids[@]} -ge 2 ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
	done
	for p in "${pids[@]}"; do wait "$p"; done
}

# meson prints its own summary; CI also wants one plain closing line
test_summary() {
	python3 - build/meson-logs/testlog.json <<'PY'
import json, sys
ok = fail = skip = 0
for line in open(sys.argv[1]):
    r = json.loads(line)["result"]
    if r in ("OK", "EXPECTEDFAIL"): ok += 1
    elif r == "SKIP": skip += 1
    else: fail += 1
print(f"tests: {ok} passed, {fail} failed, {skip} skipped")
sys.exit(1 if fail or ok == 0 else 0)
PY
}

case "${1:-}" in
sample)
	install_missing
	# the program, the font converter and the message catalogues: not the tests, which take
	# as long again to compile (`test` builds them)
	build src/huozi fonts/cff2ttf/huozi-cff2ttf huozi-gmo
	convert_fonts
	./build/src/huozi render samples/edition/edition.xml -o build/sample-edition.pdf \
		--png build/sample-png --dpi 60 --report build/sample-report.json >/dev/null
	echo "$(pwd)/build/sample-edition.pdf"
	;;
test)
	install_missing
	make_locale
	build
	status=0
	meson test -C build --print-errorlogs --num-processes 2 || status=$?
	test_summary || status=1
	exit $status
	;;
asan)
	# the whole test suite again, built with AddressSanitizer, LeakSanitizer and UBSan; leaks
	# in the font libraries' global caches are suppressed by tests/lsan.supp
	install_missing
	make_locale
	if [ ! -f build-asan/build.ninja ]; then
		meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false >&2
	fi
	ninja -C build-asan >&2
	# fontconfig has no frame pointers: the slow unwinder records the whole allocation stacks
	# that the suppressions match
	export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:print_stacktrace=1:fast_unwind_on_malloc=0
	export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
	export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
	# every GLib slice allocation a malloc of its own, so that LeakSanitizer sees each one
	export G_SLICE=always-malloc
	status=0
	meson test -C build-asan --print-errorlogs --num-processes 2 --timeout-multiplier 3 || status=$?
	python3 - build-asan/meson-logs/testlog.json <<'PY' || status=1
import json, sys
ok = fail = skip = 0
for line in open(sys.argv[1]):
    r = json.loads(line)["result"]
    if r in ("OK", "EXPECTEDFAIL"): ok += 1
    elif r == "SKIP": skip += 1
    else: fail += 1
print(f"asan: {ok} passed, {fail} failed, {skip} skipped")
sys.exit(1 if fail or ok == 0 else 0)
PY
	exit $status
	;;
valgrind)
	# the sample edition rendered under valgrind: no invalid read or write, no use of
	# uninitialized memory (leaks are LeakSanitizer's job, in `asan`)
	install_missing
	build
	out=$(mktemp -d)
	status=0
	valgrind -q --error-exitcode=9 --leak-check=no ./build/src/huozi render \
		samples/edition/edition.xml -o "$out/sample.pdf" --png "$out/png" --dpi 30 \
		>/dev/null || status=$?
	rm -rf "$out"
	if [ $status -eq 0 ]; then echo "valgrind: 1 passed, 0 failed"; else echo "valgrind: 0 passed, 1 failed"; fi
	exit $status
	;;
fuzz-smoke)
	# each libFuzzer target for 30 s (clang, ASan + UBSan, in build-fuzz/); see tests/fuzz/.
	# A fixed seed, so that what a CI run finds can be found again with the same command;
	# open-ended fuzzing (tests/fuzz/README.md) uses random seeds.
	install_missing
	ok=0 failed=0
	for t in desc story layout pipeline pdfad; do
		if FUZZ_ARGS="-seed=1 ${FUZZ_ARGS:-}" tests/fuzz/run-fuzz.sh "$t" 30; then ok=$((ok + 1)); else failed=$((failed + 1)); fi
	done
	echo "fuzz-smoke: $ok passed, $failed failed"
	[ "$failed" -eq 0 ]
	;;
*)
	echo "usage: ./build.sh sample   install what is missing, build, render the sample edition" >&2
	echo "       ./build.sh test     install what is missing, build, run the whole test suite" >&2
	echo "       ./build.sh asan     the whole test suite built with ASan + LSan + UBSan (build-asan/)" >&2
	echo "       ./build.sh fuzz-smoke   each fuzz target for 30 s (clang, build-fuzz/)" >&2
	echo "       ./build.sh valgrind the sample edition rendered under valgrind" >&2
	exit 2
	;;
esac
