#!/bin/sh
# deps.sh [build|test] — make sure the build (and test) dependencies exist.
# As root, missing Debian packages are installed with apt-get; otherwise the
# one apt-get line to run is printed and the script fails.
set -u
want=${1:-build}
pkgs=""
need() { pkgs="$pkgs $1"; }
pc() { pkg-config --exists "$1" 2>/dev/null; }

command -v pkg-config >/dev/null 2>&1 || need pkg-config
pc libxml-2.0 || need libxml2-dev
pc libxslt || need libxslt1-dev
pc libzip || need libzip-dev
pc jansson || need libjansson-dev                       # the CLI reads its manifest
pc libgcrypt || need libgcrypt20-dev                    # SHA-256 of manifests
pc libwmf || need libwmf-dev                              # WMF pictures to SVG
[ -f /usr/include/emf2svg.h ] || need libemf2svg-dev     # EMF pictures to SVG
if [ "$want" = bench ]; then
	command -v unzip >/dev/null 2>&1 || need unzip
	command -v xmllint >/dev/null 2>&1 || need libxml2-utils
fi
if [ "$want" = test ]; then
	pc cmocka || need libcmocka-dev
	command -v xsltproc >/dev/null 2>&1 || need xsltproc
	command -v xmllint >/dev/null 2>&1 || need libxml2-utils
	[ -f /usr/share/xml/docbook/schema/rng/5.0/docbook.rng ] || need docbook5-xml
	[ -d /usr/share/xml/docbook/stylesheet/docbook-xsl-ns ] || need docbook-xsl-ns
	command -v rsvg-convert >/dev/null 2>&1 || need librsvg2-bin
fi
[ -z "$pkgs" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing$pkgs" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null 2>&1 || apt-get update
	apt-get install -y -qq --no-install-recommends $pkgs >/dev/null || exit 1
	exit 0
fi
echo "deps: missing packages; run:  sudo apt-get install$pkgs" >&2
exit 1
