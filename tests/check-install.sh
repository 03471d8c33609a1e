#!/bin/sh
# check-install.sh — make install PREFIX=build/inst, then a program of
# another project (tests/install/convert.c) compiles and links with nothing
# but pkg-config's flags for councildoc, converts the example report like
# councildoc does, and make uninstall removes every installed file.
set -eu
P=$(pwd)/build/inst
rm -rf "$P" build/inst-work; mkdir -p build/inst-work
make -s install PREFIX="$P" > /dev/null
export PKG_CONFIG_PATH="$P/lib/pkgconfig"
cc -std=c11 -Wall -Wextra -Werror -o build/inst-work/convert tests/install/convert.c \
	$(pkg-config --cflags --libs councildoc)
build/rel/bin/mkdocx examples/council-report.xml build/inst-work/report.docx
LD_LIBRARY_PATH="$P/lib" build/inst-work/convert build/inst-work/report.docx > build/inst-work/lib.md
"$P/bin/councildoc" -t md build/inst-work/report.docx > build/inst-work/cli.md
cmp build/inst-work/lib.md build/inst-work/cli.md
[ -s build/inst-work/lib.md ]
# the shared library finds the data directory of its prefix at run time
(cd build/inst-work && LD_LIBRARY_PATH="$P/lib" ./convert report.docx > /dev/null)
! command -v man > /dev/null || man --warnings -l "$P/share/man/man3/councildoc.3" > /dev/null
make -s uninstall PREFIX="$P" > /dev/null
left=$(find "$P" -type f | wc -l)
[ "$left" = 0 ] || { echo "check-install: $left files left after uninstall"; find "$P" -type f; exit 1; }
echo "check-install: pkg-config flags link a program that converts like councildoc; uninstall removes every file"
