#!/bin/sh
# check-corpus.sh BIN — convert the third-party corpus (../shared/corpus/third-party):
#  * readable files (manifest.tsv pandoc_ok=y, variant strict or flatopc,
#    ns0-reference.docx) must convert to all four formats: exit 0, no
#    sanitizer report, no Word machinery in the text or Markdown output;
#  * bad inputs (SOURCES.md "## Bad inputs" up to "### Valid but unusual",
#    i.e. encrypted, corrupt, legacy binary, no main part, XXE, Word 2003 XML)
#    must be REFUSED: exit 1, exactly one line on stderr, no output file;
#  * TOLERATED bad inputs may be converted or refused (see below);
#  * anything else is reported and must at least not crash (exit 0 or 1).
# Skipped (exit 0) when the corpus is absent.
set -u
bin=$1
C=${CORPUS:-../shared/corpus/third-party}
[ -f "$C/manifest.tsv" ] || { echo "check-corpus: $C not present, skipped"; exit 0; }
W=build/corpus; rm -rf "$W"; mkdir -p "$W"

# Bad-input list: first `path` of each bullet in SOURCES.md's bad-input sections,
# minus Flat OPC (we read it) and the tolerated files.
# Tolerated: 6733884933668864 has a bad CRC in the theme part only; the
# document part is intact, so a lenient reader may convert it (SOURCES.md).
# unicode-path.docx has an extra overlapping zip entry; pandoc reads it and so
# do we (manifest pandoc_ok=y), so it is a readable file, not a bad input.
ACCEPTED='poi/document/unicode-path.docx'
TOLERATED='poi/document/clusterfuzz-testcase-minimized-POIXWPFFuzzer-6733884933668864.docx'
awk '/^## Bad inputs/ {on = 1} /^### Valid but unusual/ {on = 0}
     on && /^\* / { n = split($0, a, "`"); for (i = 2; i <= n; i += 2) print a[i] }' \
	"$C/SOURCES.md" | sort -u > "$W/refuse.all"
awk -F'\t' 'NR > 1 {print $1}' "$C/manifest.tsv" > "$W/paths"
awk -F'\t' 'NR > 1 && $22 == "flatopc" {print $1}' "$C/manifest.tsv" > "$W/flatopc"
grep -xF -f "$W/paths" "$W/refuse.all" | grep -vxF -f "$W/flatopc" |
	grep -vxF -e "$TOLERATED" -e "$ACCEPTED" > "$W/refuse"

# artefacts FILE OUTDIR: print the Word machinery found in the text or Markdown
# output and succeed, unless the document itself types that string as visible
# text (w:t), as the docx4j manuals about WordprocessingML do.
artefacts() {
	found=
	cat "$2"/*.md "$2"/*.txt 2>/dev/null > "$W/text"
	unzip -p "$1" 'word/*.xml' 2>/dev/null | grep -o '<w:t[ >][^<]*' |
		sed 's/&lt;/</g; s/&quot;/"/g; s/&amp;/\&/g' > "$W/typed"
	for pat in '[bookmark' footnoteRef MERGEFORMAT 'HYPERLINK "' '<w:'; do
		if grep -qF "$pat" "$W/text" && ! grep -qF "$pat" "$W/typed"; then
			found="$found $pat"
		fi
	done
	[ -n "$found" ] && printf '%s\n' "$found"
}

# path, pandoc_ok, variant: awk, because `IFS=tab read` merges empty fields
awk -F'\t' 'NR > 1 {print $1 "\t" $4 "\t" $22}' "$C/manifest.tsv" > "$W/rows"
ok=0 refused=0 tolerated=0 other=0 fail=0 pics=0 warns=0 notes=0
san='Sanitizer\|runtime error:\|LeakSanitizer'
while IFS= read -r row; do
	path=$(printf '%s\n' "$row" | cut -f1)
	pandoc_ok=$(printf '%s\n' "$row" | cut -f2)
	variant=$(printf '%s\n' "$row" | cut -f3)
	f=$C/$path
	out=$W/out/$(printf '%s' "$path" | tr '/ ' '__')
	mkdir -p "$out"
	rm -f "$W/m.jsonl"
	timeout 120 "$bin" -t all -o "$out" --manifest "$W/m.jsonl" "$f" 2> "$W/err"; rc=$?
	lines=$(wc -l < "$W/err")
	nout=$(ls "$out" | wc -l)
	nfmt=$(ls "$out" | grep -vc '\.media$')   # the four formats (pictures apart)
	pics=$((pics + $(find "$out" -path '*.media/*' -type f | wc -l)))
	w=$(grep -o '"warnings":[0-9]*' "$W/m.jsonl" 2>/dev/null | cut -d: -f2)
	nt=$(grep -o '"notes":[0-9]*' "$W/m.jsonl" 2>/dev/null | cut -d: -f2)
	warns=$((warns + ${w:-0})) notes=$((notes + ${nt:-0}))
	if grep -q "$san" "$W/err"; then
		echo "check-corpus: SANITIZER $path"; fail=$((fail + 1)); continue
	fi
	if grep -qxF "$path" "$W/refuse"; then
		if [ $rc -eq 1 ] && [ "$lines" -eq 1 ] && [ "$nout" -eq 0 ]; then
			refused=$((refused + 1))
		else
			echo "check-corpus: NOT REFUSED (exit $rc, $lines lines, $nout outputs) $path"
			fail=$((fail + 1))
		fi
	elif [ "$pandoc_ok" = y ] || [ "$variant" = strict ] || [ "$variant" = flatopc ] ||
	     [ "${path##*/}" = ns0-reference.docx ]; then
		if [ $rc -ne 0 ] || [ "$nfmt" -ne 4 ]; then
			echo "check-corpus: FAIL (exit $rc, $nfmt outputs) $path: $(grep -v ': warning: ' "$W/err" | head -1)"
			fail=$((fail + 1)); continue
		fi
		if art=$(artefacts "$f" "$out"); then
			echo "check-corpus: ARTEFACT $path: $art"; fail=$((fail + 1)); continue
		fi
		ok=$((ok + 1))
	elif [ "$path" = "$TOLERATED" ]; then
		if [ $rc -gt 1 ]; then
			echo "check-corpus: CRASH (exit $rc) $path"; fail=$((fail + 1))
		else
			tolerated=$((tolerated + 1))
		fi
	else
		echo "check-corpus: note: unlisted unreadable file $path gave exit $rc"
		if [ $rc -gt 1 ]; then fail=$((fail + 1)); else other=$((other + 1)); fi
	fi
done < "$W/rows"
nref=$(wc -l < "$W/refuse")
echo "check-corpus: $ok readable converted, $refused of $nref bad inputs refused," \
     "$tolerated tolerated, $other other, $fail failures;" \
     "$pics picture files written; messages: $warns warnings, $notes notes"
[ $fail = 0 ] && [ "$refused" -eq "$nref" ]
