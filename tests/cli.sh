#!/bin/sh
# cli.sh BINDIR MKDOCX — the command-line contract of DESIGN.md / councildoc(1),
# each point tried on the bundled example report.
set -u
bin=$1/councildoc mk=$2
T=build/cli
rm -rf "$T"; mkdir -p "$T/in/sub" "$T/bad"
fail=0 n=0
ok()   { n=$((n + 1)); }
bad()  { n=$((n + 1)); echo "cli: FAIL: $*"; fail=1; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }

"$mk" examples/council-report.xml "$T/in/report.docx" || exit 1
cp "$T/in/report.docx" "$T/in/sub/second.docx"
printf '<html><body>not a package</body></html>\n' > "$T/bad/broken.docx"
printf 'PK\003\004 truncated' > "$T/bad/truncated.docx"

# --help, --version, usage errors (exit 2)
"$bin" --help > "$T/help" 2>&1; check "--help exits 0" '[ $? = 0 ] && grep -q "^usage: councildoc" "$T/help"'
"$bin" --version > "$T/ver" 2>&1; check "--version" '[ $? = 0 ] && grep -q "^councildoc [0-9]" "$T/ver"'
"$bin" --bogus "$T/in/report.docx" > /dev/null 2>&1; check "unknown option exits 2" '[ $? = 2 ]'
"$bin" -t pdf "$T/in/report.docx" > /dev/null 2>&1; check "unknown format exits 2" '[ $? = 2 ]'
"$bin" > /dev/null 2>&1; check "no input exits 2" '[ $? = 2 ]'
"$bin" -t md,txt "$T/in/report.docx" > /dev/null 2>&1; check "two formats without -o exit 2" '[ $? = 2 ]'
"$bin" "$T/in/report.docx" "$T/in/report.docx" > /dev/null 2>&1; check "two inputs without -o exit 2" '[ $? = 2 ]'

# one input, one format, no -o: stdout; xml is the default format
"$bin" "$T/in/report.docx" > "$T/stdout.xml"; check "default xml to stdout" '[ $? = 0 ] && grep -q "urn:councildoc:1" "$T/stdout.xml"'
"$bin" -t md "$T/in/report.docx" > "$T/stdout.md"; check "md to stdout" '[ $? = 0 ] && grep -q "^#" "$T/stdout.md"'
# - reads stdin, same result as the file
"$bin" -t md - < "$T/in/report.docx" > "$T/stdin.md"; check "stdin (-) equals file" 'cmp -s "$T/stdin.md" "$T/stdout.md"'
# -o DIR, all formats
"$bin" -t all -o "$T/out" "$T/in/report.docx"; rc=$?
check "-t all -o DIR writes four files" '[ $rc = 0 ] && [ -s "$T/out/report.xml" ] && [ -s "$T/out/report.dbk" ] && [ -s "$T/out/report.md" ] && [ -s "$T/out/report.txt" ]'
check "stdout equals the -o file" 'cmp -s "$T/stdout.md" "$T/out/report.md"'
# a directory as input (not recursive unless -r)
"$bin" -t txt -o "$T/dir" "$T/in"; check "directory input" '[ $? = 0 ] && [ -s "$T/dir/report.txt" ] && [ ! -e "$T/dir/second.txt" ]'
"$bin" -r -t txt -o "$T/dirr" "$T/in"; check "directory input with -r mirrors its folders" '[ $? = 0 ] && [ -s "$T/dirr/sub/second.txt" ] && [ -s "$T/dirr/report.txt" ]'
# two inputs with the same output name: the later one is refused, not overwritten
cp "$T/in/report.docx" "$T/bad/report.docx"
"$bin" -t txt -o "$T/clash" "$T/in/report.docx" "$T/bad/report.docx" 2> "$T/clash.err"; rc=$?
check "output name clash refused" '[ $rc = 1 ] && grep -q "^councildoc: $T/bad/report.docx: output name clash" "$T/clash.err" && [ -s "$T/clash/report.txt" ]'
rm -f "$T/bad/report.docx"
# a bad input: one line "councildoc: FILE: message", exit 1, the batch goes on, nothing written for it
"$bin" -t md -o "$T/mixed" "$T/bad/broken.docx" "$T/in/report.docx" "$T/bad/truncated.docx" 2> "$T/mixed.err"; rc=$?
check "batch with failures exits 1" '[ $rc = 1 ]'
check "good input still converted" '[ -s "$T/mixed/report.md" ]'
check "no output for failed inputs" '[ ! -e "$T/mixed/broken.md" ] && [ ! -e "$T/mixed/truncated.md" ]'
check "one error line per bad input" '[ $(wc -l < "$T/mixed.err") = 2 ] && grep -q "^councildoc: $T/bad/broken.docx: ." "$T/mixed.err" && grep -q "^councildoc: $T/bad/truncated.docx: ." "$T/mixed.err"'
check "no temporary files left" '[ -z "$(ls -A "$T/mixed" | grep -v "^report.md$")" ]'
"$bin" "$T/in/missing.docx" 2> "$T/missing.err"; check "missing file exits 1 with one line" '[ $? = 1 ] && [ $(wc -l < "$T/missing.err") = 1 ]'
# parallel batches give the same bytes as serial ones; runs are deterministic
for i in 1 2 3; do cp "$T/in/report.docx" "$T/in/copy$i.docx"; done
"$bin" -j 1 -t all -o "$T/j1" "$T/in" && "$bin" -j 2 -t all -o "$T/j2" "$T/in"
check "-j 2 equals -j 1" 'diff -r "$T/j1" "$T/j2" > /dev/null'
"$bin" -t all -o "$T/again" "$T/in/report.docx"; check "deterministic output" 'diff -r "$T/out" "$T/again" > /dev/null'
# the filters compose into the same result
"$1/councildoc-extract" "$T/in/report.docx" | "$1/councildoc-flatten" | "$1/councildoc-clean" |
	"$1/councildoc-notes" | "$1/councildoc-structure" | "$1/councildoc-render" -t md > "$T/filters.md"
check "filter pipeline equals councildoc -t md" 'cmp -s "$T/filters.md" "$T/out/report.md"'
# comments: dropped by default, kept apart (never in the body) with --comments
"$mk" tests/golden/comments.in.xml "$T/comments.docx"
"$bin" -t all -o "$T/nocm" "$T/comments.docx"
check "comments dropped by default" '! grep -q "Legal Affairs" "$T/nocm/comments.xml" "$T/nocm/comments.txt"'
"$bin" --comments -t all -o "$T/cm" "$T/comments.docx"
check "--comments keeps them apart" '[ $? = 0 ] && grep -q "<comment id=\"c1\" author=\"Reviewer One\"" "$T/cm/comments.xml" && grep -q "^Comments$" "$T/cm/comments.txt" && [ "$(grep -c "Legal Affairs" "$T/cm/comments.txt")" = 1 ]'
# --meta prints the metadata as JSON
"$bin" --meta "$T/in/report.docx" > "$T/meta.json"
check "--meta JSON" '[ $? = 0 ] && grep -q "\"document\": \"C23/99-E\"" "$T/meta.json" && grep -q "\"date-when\": \"2023-06-01\"" "$T/meta.json"'
# --manifest: one JSON line per input, in input order; --update skips what is done
"$bin" -t md,txt -o "$T/man" --manifest "$T/m.jsonl" "$T/in" "$T/bad/broken.docx" 2>/dev/null; rc=$?
check "manifest: exit 1 with a failure" '[ $rc = 1 ]'
check "manifest: one line per input" '[ $(wc -l < "$T/m.jsonl") = 5 ] && [ $(grep -c "\"status\":\"ok\"" "$T/m.jsonl") = 4 ] && grep -q "\"status\":\"error\"" "$T/m.jsonl"'
check "manifest: input sha256" 'grep -q "\"sha256\":\"$(sha256sum "$T/in/report.docx" | cut -c1-64)\"" "$T/m.jsonl"'
cp "$T/m.jsonl" "$T/m1.jsonl"; touch -d "2001-01-01" "$T/man/report.md"
"$bin" -t md,txt -o "$T/man" --manifest "$T/m.jsonl" --update "$T/in" 2>/dev/null
check "--update converts nothing already done" '[ "$(stat -c %Y "$T/man/report.md")" = "$(date -d 2001-01-01 +%s)" ]'
printf changed >> "$T/man/copy1.md"
"$bin" -t md,txt -o "$T/man" --manifest "$T/m.jsonl" --update "$T/in" 2>/dev/null
check "--update redoes a changed output" 'cmp -s "$T/man/copy1.md" "$T/man/report.md"'
"$bin" --update -o "$T/man" "$T/in" > /dev/null 2>&1; check "--update without --manifest exits 2" '[ $? = 2 ]'
# pictures: NAME.media/ beside the outputs with -o, --media DIR without it,
# listed in the manifest; --update redoes an input whose picture changed
"$mk" tests/golden/figures.in.xml "$T/in/figs.docx"
"$bin" -t md -o "$T/med" --manifest "$T/med.jsonl" "$T/in/figs.docx" 2>/dev/null
check "-o: pictures in NAME.media, referenced" '[ -s "$T/med/figs.media/image1.png" ] && grep -q "](figs.media/image1.png)" "$T/med/figs.md"'
check "manifest lists the pictures with their sha256" 'grep -q "\"path\":\"$T/med/figs.media/image1.png\",\"sha256\":\"$(sha256sum "$T/med/figs.media/image1.png" | cut -c1-64)\"" "$T/med.jsonl"'
"$bin" -t md -o "$T/med2" "$T/in/figs.docx" 2>/dev/null
printf x >> "$T/med/figs.media/image1.png"
"$bin" -t md -o "$T/med" --manifest "$T/med.jsonl" --update "$T/in/figs.docx" 2>/dev/null
check "--update redoes an input whose picture changed" 'cmp -s "$T/med/figs.media/image1.png" "$T/med2/figs.media/image1.png"'
(cd "$T" && "$OLDPWD/$bin" -t md --media pics in/figs.docx > figs-stdout.md 2>/dev/null)
check "--media DIR: pictures in DIR, referenced as DIR/FILE" '[ -s "$T/pics/image1.png" ] && grep -q "](pics/image1.png)" "$T/figs-stdout.md"'
"$bin" -t md "$T/in/figs.docx" > "$T/figs-none.md" 2>/dev/null
check "no -o, no --media: no picture written, the alt text kept" 'grep -q "Image: Budget by region" "$T/figs-none.md" && ! grep -q "](" "$T/figs-none.md"'
"$bin" -t md -o "$T/med" --media "$T/pics" "$T/in/figs.docx" > /dev/null 2>&1; check "--media with -o exits 2" '[ $? = 2 ]'
cp "$T/in/figs.docx" "$T/in/a b#1.docx"
"$bin" -t xml -o "$T/spaced" "$T/in/a b#1.docx" 2>/dev/null; rc=$?
rm -f "$T/in/a b#1.docx"
check "a name with a space and #: valid XML, src percent-encoded" '[ $rc = 0 ] && grep -q "src=\"a%20b%231.media/image1.png\"" "$T/spaced/a b#1.xml" && [ -s "$T/spaced/a b#1.media/image1.png" ]'
mkdir -p "$T/scratch"; "$mk" tests/golden/figures-hostile.in.xml "$T/scratch/h.docx"
(cd "$T/scratch" && "$OLDPWD/$bin" -v -t all -o out h.docx 2> h.err); rc=$?
check "hostile pictures: converted with warnings, nothing written outside -o DIR" '[ $rc = 0 ] && [ "$(ls "$T/scratch" | tr "\n" " ")" = "h.docx h.err out " ] && [ "$(ls "$T/scratch/out/h.media" | tr "\n" " ")" = "broken.emf evil_name_x_.png " ] && [ $(grep -c ": warning: " "$T/scratch/h.err") = 6 ]'
"$bin" -j 1 -t all -o "$T/fj1" "$T/in/figs.docx" "$T/in/report.docx" 2>/dev/null
"$bin" -j 2 -t all -o "$T/fj2" "$T/in/figs.docx" "$T/in/report.docx" 2>/dev/null
check "pictures: -j 2 equals -j 1, converted SVGs included" '[ -s "$T/fj1/figs.media/image3.svg" ] && diff -r "$T/fj1" "$T/fj2" > /dev/null'
# SIGKILL in the middle of a batch leaves only whole files
mkdir -p "$T/many"; i=0; while [ $i -lt 40 ]; do cp "$T/in/report.docx" "$T/many/r$i.docx"; i=$((i + 1)); done
"$bin" -j 2 -t all -o "$T/killed" "$T/many" & pid=$!
w=0; while [ -z "$(ls "$T/killed" 2>/dev/null)" ] && [ $w -lt 400 ]; do sleep 0.05; w=$((w + 1)); done
kill -9 $pid 2>/dev/null; pkill -9 -f "$T/killed" 2>/dev/null; wait $pid 2>/dev/null; sleep 0.2
partial=0
for f in "$T/killed"/* "$T/killed"/.[!.]*; do
	[ -e "$f" ] || continue
	ext=${f##*.}; cmp -s "$f" "$T/out/report.$ext" || partial=$((partial + 1))
done
done_files=$(ls "$T/killed" | wc -l)
check "SIGKILL leaves no partial or temporary file ($done_files whole files)" '[ $partial = 0 ] && [ $done_files -gt 0 ] && [ $done_files -lt 160 ]'
# the stylesheets side by side (threads) give the outputs of one after the other
COUNCILDOC_THREADS=1 "$bin" -t all -o "$T/seq" "$T/in/report.docx" 2>/dev/null
COUNCILDOC_THREADS=3 "$bin" -t all -o "$T/par" "$T/in/report.docx" 2> "$T/par.err"
check "stylesheets in threads give the outputs of one after the other" \
	'diff -r "$T/seq" "$T/par" >/dev/null && [ "$(ls "$T/par" | wc -l)" = 4 ] && [ ! -s "$T/par.err" ]'
echo "cli: $n checks, $([ $fail = 0 ] && echo all passed || echo FAILURES)"
exit $fail
