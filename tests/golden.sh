#!/bin/sh
# golden.sh check|update BINDIR MKDOCX — golden tests.
#
# Inputs in tests/golden/:  NAME.in.xml (readable package source, built into a
# .docx with mkdocx), NAME.docx, NAME.dump (a text dump of a report) or
# NAME.raw (any bytes, converted as NAME.docx: hostile or wrong inputs);
# NAME.args, when present, holds extra councildoc options for that input,
# and NAME.xslparams the xsltproc parameters they stand for (--stringparam).
# Expected outputs beside it: NAME.xml NAME.dbk NAME.md NAME.txt NAME.err,
# NAME.files (the names of the pictures written into NAME.media/); NAME.err
# is what councildoc -vv printed (errors, warnings and notes) and its exit status;
# only present files are compared, but every format is always run (so a crash
# in any of them fails). Every council XML is validated against
# xslt/council.rng by councildoc itself (libxml2 RELAX NG); every DocBook file
# against the DocBook 5.0 schema when docbook5-xml is installed (and rendered
# to HTML with docbook-xsl-ns without a message when that is installed); and the
# stylesheets under stock xsltproc must give byte-identical md/txt/dbk.
# `update` shows the diff, then rewrites the expected files.
set -u
mode=$1 bindir=$2 mkdocx=$3
G=tests/golden
W=build/golden
rm -rf "$W"; mkdir -p "$W/in" "$W/out"
DBRNG=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng
DBXSL=/usr/share/xml/docbook/stylesheet/docbook-xsl-ns/html/docbook.xsl
fail=0 n=0

for src in "$G"/*.in.xml "$G"/*.docx "$G"/*.dump "$G"/*.raw; do
	[ -e "$src" ] || continue
	base=$(basename "$src")
	case $base in
	*.in.xml) name=${base%.in.xml}; input=$W/in/$name.docx
		"$mkdocx" "$src" "$input" || { echo "golden: $name: mkdocx failed"; fail=1; continue; } ;;
	*.docx) name=${base%.docx}; input=$W/in/$name.docx; cp "$src" "$input" ;;
	*.dump) name=${base%.dump}; input=$W/in/$name.txt; cp "$src" "$input" ;;
	*.raw) name=${base%.raw}; input=$W/in/$name.docx; cp "$src" "$input" ;;
	esac
	n=$((n + 1))
	out=$W/out/$name
	mkdir -p "$out"
	args=$(cat "$G/$name.args" 2>/dev/null)
	# shellcheck disable=SC2086 # the options are words
	(cd "$W/in" && "$OLDPWD/$bindir/councildoc" -vv $args -t all -o "$OLDPWD/$out" "$(basename "$input")") \
		2>"$out/$name.err.raw"
	rc=$?
	if [ $rc -gt 1 ] || grep -q "Sanitizer\|runtime error" "$out/$name.err.raw"; then
		echo "golden: $name: councildoc crashed or misbehaved (exit $rc)"; cat "$out/$name.err.raw"; fail=1
	fi
	# stderr without sanitizer noise is the golden .err (exit status appended)
	{ cat "$out/$name.err.raw"; echo "exit $rc"; } > "$out/$name.err"
	rm -f "$out/$name.err.raw"
	if [ -f "$out/$name.xml" ]; then
		for pair in md:council2md.xsl txt:council2txt.xsl dbk:council2docbook.xsl; do
			ext=${pair%%:*} xsl=${pair#*:}
			xp=$(cat "$G/$name.xslparams" 2>/dev/null)
			# shellcheck disable=SC2086 # the parameters are words
			if ! xsltproc --nonet $xp "xslt/$xsl" "$out/$name.xml" > "$out/$name.xsltproc.$ext" 2>/dev/null ||
			   ! cmp -s "$out/$name.xsltproc.$ext" "$out/$name.$ext"; then
				echo "golden: $name.$ext: xsltproc output differs from councildoc's"; fail=1
			fi
			rm -f "$out/$name.xsltproc.$ext"
		done
		if [ -f "$DBRNG" ] && ! xmllint --noout --relaxng "$DBRNG" "$out/$name.dbk" 2>"$out/dbk.log"; then
			echo "golden: $name.dbk: not valid DocBook 5.0:"; head -5 "$out/dbk.log"; fail=1
		fi
		rm -f "$out/dbk.log"
		if [ -f "$DBXSL" ]; then
			xsltproc --nonet "$DBXSL" "$out/$name.dbk" > "$out/$name.html" 2> "$out/render.log"
			if [ $? -ne 0 ] || [ -s "$out/render.log" ]; then
				echo "golden: $name.dbk: docbook-xsl-ns HTML rendering reported:"; head -5 "$out/render.log"; fail=1
			fi
			rm -f "$out/render.log" "$out/$name.html"
		fi
	fi
	# the pictures written: their names (NAME.files), and every SVG renders
	if [ -d "$out/$name.media" ]; then
		ls "$out/$name.media" > "$out/$name.files"
		if command -v rsvg-convert >/dev/null 2>&1; then
			for svg in "$out/$name.media"/*.svg; do
				[ -e "$svg" ] || continue
				rsvg-convert "$svg" -o "$out/render.png" 2>/dev/null ||
					{ echo "golden: $svg: rsvg-convert cannot render it"; fail=1; }
			done
			rm -f "$out/render.png"
		fi
	fi
	for ext in xml dbk md txt err files; do
		exp=$G/$name.$ext
		if [ "$mode" = update ]; then
			if [ -f "$out/$name.$ext" ]; then
				[ -f "$exp" ] && diff -u "$exp" "$out/$name.$ext"
				cp "$out/$name.$ext" "$exp"
			fi
		elif [ -f "$exp" ]; then
			if [ ! -f "$out/$name.$ext" ]; then
				echo "golden: $name.$ext: expected, not produced"; fail=1
			elif ! diff -u "$exp" "$out/$name.$ext"; then
				echo "golden: $name.$ext differs (make golden to accept)"; fail=1
			fi
		fi
	done
done
if [ "$mode" = update ]; then
	echo "golden: updated $n inputs"
	exit 0
fi
[ $fail = 0 ] && echo "golden: $n inputs, all outputs as expected" || echo "golden: FAILED"
exit $fail
