#!/bin/sh
# golden-xslt.sh check|update BINDIR — the stylesheets on hand-written
# council XML (tests/golden-xslt/NAME.xml, covering every element).
#
# Each sample must be valid against xslt/council.rng; councildoc-render and
# stock xsltproc must give the same bytes for md, txt and DocBook, equal to
# the expected NAME.md NAME.txt NAME.dbk beside the sample; the DocBook must
# be valid DocBook 5.0 when the schema is installed. unhandled.xml holds an
# element no stylesheet knows: every stylesheet must stop with
# "councildoc: unhandled element blink", in councildoc-render and xsltproc.
# `update` shows the diff, then rewrites the expected files.
set -u
mode=$1 bindir=$2
G=tests/golden-xslt
W=build/golden-xslt
DBRNG=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng
rm -rf "$W"; mkdir -p "$W"
fail=0 n=0

for src in "$G"/*.xml; do
	name=$(basename "$src" .xml)
	n=$((n + 1))
	if [ "$name" = unhandled ]; then
		for pair in md:council2md.xsl txt:council2txt.xsl docbook:council2docbook.xsl; do
			fmt=${pair%%:*} xsl=${pair#*:}
			if "$bindir/councildoc-render" -t "$fmt" "$src" > /dev/null 2> "$W/err" ||
			   ! grep -q "councildoc: unhandled element blink" "$W/err"; then
				echo "golden-xslt: unhandled.xml: councildoc-render -t $fmt did not stop"; fail=1
			fi
			if xsltproc --nonet "xslt/$xsl" "$src" > /dev/null 2> "$W/err" ||
			   ! grep -q "councildoc: unhandled element blink" "$W/err"; then
				echo "golden-xslt: unhandled.xml: xsltproc $xsl did not stop"; fail=1
			fi
		done
		continue
	fi
	if ! xmllint --noout --relaxng xslt/council.rng "$src" 2> "$W/err"; then
		echo "golden-xslt: $name.xml: not valid council XML:"; head -3 "$W/err"; fail=1
	fi
	for pair in md:md:council2md.xsl txt:txt:council2txt.xsl dbk:docbook:council2docbook.xsl; do
		ext=${pair%%:*} rest=${pair#*:}; fmt=${rest%%:*} xsl=${rest#*:}
		out=$W/$name.$ext
		if ! "$bindir/councildoc-render" -t "$fmt" "$src" > "$out" 2> "$W/err"; then
			echo "golden-xslt: $name: councildoc-render -t $fmt failed:"; head -3 "$W/err"; fail=1
			continue
		fi
		if ! xsltproc --nonet "xslt/$xsl" "$src" > "$W/$name.xsltproc.$ext" 2> "$W/err" ||
		   ! cmp -s "$W/$name.xsltproc.$ext" "$out"; then
			echo "golden-xslt: $name.$ext: xsltproc output differs from councildoc-render's"; fail=1
		fi
		if [ "$ext" = dbk ] && [ -f "$DBRNG" ] &&
		   ! xmllint --noout --relaxng "$DBRNG" "$out" 2> "$W/err"; then
			echo "golden-xslt: $name.dbk: not valid DocBook 5.0:"; head -3 "$W/err"; fail=1
		fi
		exp=$G/$name.$ext
		if [ "$mode" = update ]; then
			[ -f "$exp" ] && diff -u "$exp" "$out"
			cp "$out" "$exp"
		elif [ ! -f "$exp" ]; then
			echo "golden-xslt: $exp missing (make golden to create it)"; fail=1
		elif ! diff -u "$exp" "$out"; then
			echo "golden-xslt: $name.$ext differs (make golden to accept)"; fail=1
		fi
	done
done
if [ "$mode" = update ]; then
	echo "golden-xslt: updated $n samples"
	exit 0
fi
[ $fail = 0 ] && echo "golden-xslt: $n samples, all outputs as expected" || echo "golden-xslt: FAILED"
exit $fail
