#!/bin/sh
# check-corpus.sh BIN — convert every readable file of ../shared/corpus/third-party
# (manifest.tsv pandoc_ok=y, the Strict files, ns0-reference.docx) into all four
# formats: exit 0 each, no sanitizer report, no Word machinery in text or
# Markdown. Bad inputs (the rest) must fail with exactly one clean line.
# Skipped (exit 0) when ../shared is absent.
set -u
bin=$1
C=${CORPUS:-../shared/corpus/third-party}
[ -f "$C/manifest.tsv" ] || { echo "check-corpus: $C not present, skipped"; exit 0; }
W=build/corpus; rm -rf "$W"; mkdir -p "$W"
ok=0 bad=0 fail=0 rejected=0
tab=$(printf '\t')
while IFS="$tab" read -r path bytes zip_ok pandoc_ok rest; do
	[ "$path" = path ] && continue
	variant=$(printf '%s\n' "$rest" | cut -f18)
	f=$C/$path
	out=$W/$(printf '%s' "$path" | tr '/ ' '__')
	mkdir -p "$out"
	if [ "$pandoc_ok" = y ] || [ "$variant" = strict ] || [ "${path##*/}" = ns0-reference.docx ]; then
		timeout 60 "$bin" -t all -o "$out" "$f" 2> "$out/err"; rc=$?
		if [ $rc -ne 0 ]; then
			echo "check-corpus: FAIL (exit $rc) $path: $(head -1 "$out/err")"; fail=$((fail + 1)); continue
		fi
		if cat "$out"/*.md "$out"/*.txt 2>/dev/null |
		   grep -q '\[bookmark\|footnoteRef\|MERGEFORMAT\|HYPERLINK "\|<w:'; then
			echo "check-corpus: ARTEFACT $path"; fail=$((fail + 1)); continue
		fi
		ok=$((ok + 1))
	else
		timeout 60 "$bin" -t all -o "$out" "$f" 2> "$out/err"; rc=$?
		lines=$(wc -l < "$out/err")
		if [ $rc -eq 0 ]; then
			rejected=$((rejected + 1))   # an odd but readable file converted cleanly
		elif [ $rc -ne 1 ] || [ "$lines" -ne 1 ] || grep -q Sanitizer "$out/err" || [ -n "$(ls "$out" | grep -v '^err$')" ]; then
			echo "check-corpus: BAD INPUT MISHANDLED (exit $rc, $lines lines) $path"; fail=$((fail + 1))
		else
			bad=$((bad + 1))
		fi
	fi
done < "$C/manifest.tsv"
echo "check-corpus: $ok readable converted, $bad bad inputs refused cleanly, $rejected unreadable-by-pandoc converted, $fail failures"
[ $fail = 0 ]
