#!/bin/sh
# cli-options.sh BINDIR MKDOCX — each option of councildoc(1) that changes
# an output, tried on the bundled example report, and the filters' common
# options (--help, --version, usage errors).
set -u
B=$1 mk=$2 bin=$1/councildoc
T=build/cli-options
rm -rf "$T"; mkdir -p "$T"
fail=0 n=0
ok()   { n=$((n + 1)); }
bad()  { n=$((n + 1)); echo "cli-options: FAIL: $*"; fail=1; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }

"$mk" examples/council-report.xml "$T/report.docx" || exit 1
r=$T/report.docx
"$bin" -t txt "$r" > "$T/plain.txt" || exit 1

# --wrap=N: no line longer than N columns, the same words
"$bin" -t txt --wrap=40 "$r" > "$T/wrap.txt"
rc=$? long=0
while IFS= read -r l; do
	# a line longer than 40 characters must be one word (a URL is not cut)
	case $l in *" "*) [ "$(printf '%s' "$l" | LC_ALL=C.UTF-8 wc -m)" -gt 40 ] && long=$((long + 1)) ;; esac
done < "$T/wrap.txt"
check "--wrap=40 keeps lines within 40 columns" '[ $rc = 0 ] && [ $long = 0 ] && ! cmp -s "$T/wrap.txt" "$T/plain.txt"'
check "--wrap=40 keeps the words" '[ "$(tr -s " \n" "\n\n" < "$T/wrap.txt" | grep -c .)" = "$(tr -s " \n" "\n\n" < "$T/plain.txt" | grep -c .)" ]'
"$bin" -t txt --wrap=x "$r" > /dev/null 2>&1; check "--wrap=x exits 2" '[ $? = 2 ]'
# --notes=end (default) and --notes=section
"$bin" -t txt --notes=end "$r" > "$T/end.txt"
check "--notes=end is the default" 'cmp -s "$T/end.txt" "$T/plain.txt" && [ "$(grep -c "^Notes$" "$T/end.txt")" = 1 ]'
"$bin" -t txt --notes=section "$r" > "$T/section.txt"
check "--notes=section puts the note after its section" '[ $? = 0 ] && ! cmp -s "$T/section.txt" "$T/end.txt" && [ "$(grep -n "^\[1\] These are" "$T/section.txt" | cut -d: -f1)" -lt "$(grep -n "^\[1\] These are" "$T/end.txt" | cut -d: -f1)" ]'
"$bin" -t txt --notes=middle "$r" > /dev/null 2>&1; check "--notes=middle exits 2" '[ $? = 2 ]'
# --table-headers=repeat: data rows read "Header: value; ..."
"$bin" -t txt --table-headers=repeat "$r" > "$T/repeat.txt"
check "--table-headers=repeat" '[ $? = 0 ] && grep -q "^[^;]*: [^;]*; [^;]*: " "$T/repeat.txt" && ! grep -q "^[^;]*: [^;]*; [^;]*: " "$T/plain.txt"'
# --front-matter: Markdown begins with YAML holding the metadata
"$bin" -t md --front-matter "$r" > "$T/fm.md"
check "--front-matter" '[ $? = 0 ] && [ "$(head -1 "$T/fm.md")" = "---" ] && grep -q "^document: \"C23/99-E\"" "$T/fm.md"'
"$bin" -t md "$r" > "$T/nofm.md"; check "no front matter by default" '[ "$(head -1 "$T/nofm.md")" != "---" ]'
# --datadir: the stylesheets and schema are read from there
mkdir -p "$T/data"; cp xslt/*.xsl xslt/council.rng "$T/data/"
sed 's|<xsl:text># </xsl:text>|<xsl:text># DATADIR </xsl:text>|' xslt/council2md.xsl > "$T/data/council2md.xsl"
"$bin" -t md --datadir "$T/data" "$r" > "$T/dd.md"
check "--datadir DIR is used" '[ $? = 0 ] && grep -q "^# DATADIR " "$T/dd.md"'
"$bin" -t md --datadir "$T/nowhere" "$r" > /dev/null 2> "$T/dd.err"
check "--datadir without the stylesheets fails with one line" '[ $? != 0 ] && [ "$(wc -l < "$T/dd.err")" -ge 1 ]'
# --no-validate: a schema that accepts nothing fails the conversion, unless skipped
mkdir -p "$T/strict"; cp xslt/*.xsl "$T/strict/"
printf '%s\n' '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="nothing"><empty/></element></start></grammar>' > "$T/strict/council.rng"
"$bin" --datadir "$T/strict" "$r" > /dev/null 2> "$T/val.err"
check "the council XML is validated by default" '[ $? = 1 ] && grep -q "validate" "$T/val.err"'
"$bin" --no-validate --datadir "$T/strict" "$r" > "$T/noval.xml"
check "--no-validate skips it" '[ $? = 0 ] && grep -q "urn:councildoc:1" "$T/noval.xml"'
# --changes: a tracked deletion is dropped (accept, the default), kept
# (reject) or kept marked (all); a bad value is a usage error
"$mk" tests/golden/revisions.in.xml "$T/rev.docx" || exit 1
"$bin" -t txt "$T/rev.docx" > "$T/acc.txt"
"$bin" -t txt --changes=accept "$T/rev.docx" > "$T/acc2.txt"
check "--changes=accept is the default and drops deletions" 'cmp -s "$T/acc.txt" "$T/acc2.txt" && grep -q "rate is 100 Mbit" "$T/acc.txt" && ! grep -q "old term" "$T/acc.txt"'
"$bin" -t txt --changes=reject "$T/rev.docx" > "$T/rej.txt"
check "--changes=reject shows the text before the changes" '[ $? = 0 ] && grep -q "rate is 10 Mbit" "$T/rej.txt" && grep -q "old term" "$T/rej.txt"'
"$bin" -t txt --changes=all "$T/rev.docx" > "$T/all.txt"
check "--changes=all keeps deletions marked" '[ $? = 0 ] && grep -q "\[deleted, J. Editor, 2018-10-12: 10\]" "$T/all.txt"'
"$bin" -t txt --changes=some "$T/rev.docx" > /dev/null 2>&1; check "--changes=some exits 2" '[ $? = 2 ]'
# --toc: Markdown and DocBook get a table of contents linking to the sections
"$bin" -t md --toc "$r" > "$T/toc.md"
check "--toc: md contents list links to section ids" '[ $? = 0 ] && grep -q "^## Contents$" "$T/toc.md" && grep -q "^- \[1 .*\](#sec-1)$" "$T/toc.md" && grep -q "^## <a id=\"sec-1\"></a>1 " "$T/toc.md" && ! grep -q "^## Contents$" "$T/nofm.md"'
"$bin" -t docbook --toc "$r" > "$T/toc.dbk"
check "--toc: DocBook toc" '[ $? = 0 ] && grep -q "<tocentry linkend=\"sec-1\">\|<tocdiv linkend=\"sec-1\">" "$T/toc.dbk"'
# -q: no message, the exit status only
printf 'PK\003\004 truncated' > "$T/bad.docx"
"$bin" -q "$T/bad.docx" > /dev/null 2> "$T/q.err"
check "-q: exit 1, nothing on stderr" '[ $? = 1 ] && [ ! -s "$T/q.err" ]'
"$bin" "$T/bad.docx" > /dev/null 2> "$T/noq.err"
check "without -q: one line" '[ $? = 1 ] && [ "$(wc -l < "$T/noq.err")" = 1 ]'

# a directory argument without any Word package: one line, exit 1
mkdir -p "$T/empty"; : > "$T/empty/notes.txt"
"$bin" -t md -o "$T/eout" "$T/empty" 2> "$T/empty.err"
check "an empty input directory exits 1 with one line" '[ $? = 1 ] && [ "$(wc -l < "$T/empty.err")" = 1 ] && grep -q "^councildoc: $T/empty: no .docx" "$T/empty.err"'

# the manifest: valid JSON lines (read back with jansson) with any -j, whatever
# the names: an 800-character output folder, a name that is not UTF-8
long=$T/$(printf '%0200d' 0)/$(printf '%0200d' 1)/$(printf '%0200d' 2)/$(printf '%0190d' 3)
mkdir -p "$T/names" "$(dirname "$long")"; cp "$r" "$T/names/$(printf 'r\351port')-latin1.docx"; cp "$r" "$T/names/plain.docx"
for j in 1 2; do
	"$bin" -j $j -t all -o "$long" --manifest "$T/m$j.jsonl" "$T/names" 2> /dev/null; rc=$?
	check "manifest -j $j: every line valid JSON" '[ $rc = 0 ] && $B/jsonlines "$T/m$j.jsonl" input > "$T/in$j" && [ "$(wc -l < "$T/in$j")" = 2 ]'
	check "manifest -j $j: outputs listed in full" '$B/jsonlines "$T/m$j.jsonl" status | grep -c "^ok$" | grep -q "^2$" && grep -q "$long/plain.txt" "$T/m$j.jsonl"'
done
check "manifest: the same records with -j 1 and -j 2" 'sed "s/\"ms\":[0-9]*//" "$T/m1.jsonl" > "$T/m1.n" && sed "s/\"ms\":[0-9]*//" "$T/m2.jsonl" > "$T/m2.n" && cmp -s "$T/m1.n" "$T/m2.n"'
touch -d 2001-01-01 "$long/plain.md"
"$bin" -j 2 -t all -o "$long" --manifest "$T/m2.jsonl" --update "$T/names" 2> /dev/null; rc=$?
check "manifest: --update reads it back and converts nothing" '[ $rc = 0 ] && [ "$(wc -l < "$T/m2.jsonl")" = 2 ] && [ "$(stat -c %Y "$long/plain.md")" = "$(date -d 2001-01-01 +%s)" ]'

# messages: tolerated quirks are counted in the manifest, printed with -v
# (warnings) or -vv (notes too); -W LEVEL makes them exit 3
"$mk" tests/golden/figures-hostile.in.xml "$T/h.docx" || exit 1
"$mk" tests/golden/symbols.in.xml "$T/s.docx" || exit 1
"$bin" -t md -o "$T/msg" --manifest "$T/msg.jsonl" "$T/h.docx" "$T/s.docx" 2> "$T/msg0.err"; rc=$?
check "messages: not printed without -v, exit 0" '[ $rc = 0 ] && [ ! -s "$T/msg0.err" ]'
check "messages: counted and listed in the manifest" '[ "$($B/jsonlines "$T/msg.jsonl" warnings | tr "\n" " ")" = "6 8 " ] && $B/jsonlines "$T/msg.jsonl" messages.code | head -1 | grep -q "^picture-unresolved media-missing media-format media-bomb media-missing media-convert$"'
"$bin" -v -t md -o "$T/msg" "$T/h.docx" 2> "$T/msg1.err"; rc=$?
check "-v prints each warning with its part and line" '[ $rc = 0 ] && [ "$(grep -c ": warning: " "$T/msg1.err")" = 6 ] && grep -q "^councildoc: $T/h.docx: word/document.xml:[0-9]*: warning: picture reference names no picture part" "$T/msg1.err"'
printf '<pkg:package xmlns:pkg="urn:councildoc:pkg"><pkg:part name="word/document.xml"><w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r><w:t>Strict</w:t></w:r></w:p></w:body></w:document></pkg:part></pkg:package>' > "$T/strict.xml"
"$mk" "$T/strict.xml" "$T/strict.docx" || exit 1
"$bin" -v -t md "$T/strict.docx" > /dev/null 2> "$T/msg2.err"; rc1=$?
"$bin" -vv -t md "$T/strict.docx" > /dev/null 2> "$T/msg3.err"; rc2=$?
check "-vv prints notes too" '[ $rc1 = 0 ] && [ $rc2 = 0 ] && [ ! -s "$T/msg2.err" ] && grep -q "note: Strict OOXML namespaces read as Transitional" "$T/msg3.err"'
"$bin" -W warning -t md "$T/strict.docx" > /dev/null 2>&1; rc1=$?
"$bin" -W note -t md "$T/strict.docx" > /dev/null 2>&1; rc2=$?
"$bin" -W warning -t md -o "$T/msg" "$T/h.docx" 2> /dev/null; rc3=$?
"$bin" -W bogus -t md "$T/strict.docx" > /dev/null 2>&1; rc4=$?
check "-W LEVEL: exit 3 when a message reached it" '[ $rc1 = 0 ] && [ $rc2 = 3 ] && [ $rc3 = 3 ] && [ $rc4 = 2 ]'
"$B/councildoc-extract" "$T/h.docx" > "$T/h.pkg" 2> "$T/x0.err"; rc1=$?
"$B/councildoc-extract" -v "$T/h.docx" > /dev/null 2> "$T/x1.err"; rc2=$?
"$B/councildoc-flatten" -v "$T/h.pkg" > /dev/null 2> "$T/x2.err"; rc3=$?
check "filters: -v prints their stage's messages" '[ $rc1 = 0 ] && [ $rc2 = 0 ] && [ $rc3 = 0 ] && [ ! -s "$T/x0.err" ] && grep -q "^councildoc-extract: $T/h.docx: word/document.xml:[0-9]*: warning: picture reference" "$T/x1.err" && [ ! -s "$T/x2.err" ]'

# the filters: --help and --version exit 0, a usage error exits 2
for f in extract flatten clean notes structure render; do
	"$B/councildoc-$f" --help > "$T/h" 2>&1; check "councildoc-$f --help" '[ $? = 0 ] && grep -q "^usage: councildoc-$f" "$T/h"'
	"$B/councildoc-$f" --version > "$T/v" 2>&1; check "councildoc-$f --version" '[ $? = 0 ] && grep -q "^councildoc-$f [0-9]" "$T/v"'
	"$B/councildoc-$f" --bogus > /dev/null 2>&1; check "councildoc-$f --bogus exits 2" '[ $? = 2 ]'
done
"$B/councildoc-render" "$T/noval.xml" > /dev/null 2>&1; check "councildoc-render without -t exits 2" '[ $? = 2 ]'
"$B/councildoc-render" --to md "$T/noval.xml" > "$T/render.md"; check "councildoc-render --to md" '[ $? = 0 ] && cmp -s "$T/render.md" "$T/nofm.md"'

echo "cli-options: $n checks, $([ $fail = 0 ] && echo all passed || echo FAILURES)"
exit $fail
