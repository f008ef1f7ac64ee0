#!/usr/bin/env bash
# build.sh - the one entry point for newcomers and CI: install what is missing, build,
# then render the sample edition (`./build.sh sample`) or run the whole test suite
# (`./build.sh test`). Idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")"

# Debian 12 packages: compiler and build system, the libraries huozi links, the fonts its
# layouts name, and the tools its tests read PDFs with.
PACKAGES=(
	build-essential meson ninja-build pkg-config
	libglib2.0-dev libpango1.0-dev libcairo2-dev libharfbuzz-dev libfontconfig-dev
	libjpeg62-turbo-dev libqpdf-dev check
	fonts-noto-cjk fonts-lxgw-wenkai
	poppler-utils python3 libxml2-utils
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

build() {
	if [ ! -f build/build.ninja ]; then
		meson setup build --werror >&2
	fi
	ninja -C build >&2
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
	build
	./build/src/huozi render samples/edition/edition.xml -o build/sample-edition.pdf \
		--png build/sample-png --dpi 60 --report build/sample-report.json >/dev/null
	echo "$(pwd)/build/sample-edition.pdf"
	;;
test)
	install_missing
	build
	status=0
	meson test -C build --print-errorlogs --num-processes 2 || status=$?
	test_summary || status=1
	exit $status
	;;
*)
	echo "usage: ./build.sh sample   install what is missing, build, render the sample edition" >&2
	echo "       ./build.sh test     install what is missing, build, run the whole test suite" >&2
	exit 2
	;;
esac
