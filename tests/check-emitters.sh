#!/bin/sh
# check-emitters.sh BIN — are the DocBook, Markdown and text outputs worth
# reading?  Converts ../shared/corpus/dev/*.docx and every .docx under
# ../shared/corpus/third-party/itu with BIN -t all and checks:
#  1. DocBook: valid against the DocBook 5.0 RELAX NG schema (jing) and
#     rendered to HTML by the docbook-xsl-ns stylesheets with nothing on
#     stderr;
#  2. Markdown: cmark-gfm's plaintext has the txt output's words in the same
#     order (>= 0.99) and no Markdown syntax leaks as text (tests/md_vs_txt.py);
#  3. Arabic E.119: xml:lang="ar" and dir="rtl" in the council XML and the
#     DocBook, left-to-right spans marked, U+2067/U+2069 isolates in txt;
#     CJK: --wrap=40 keeps every line within 40 columns (wide = 2) without
#     cutting a word or losing text (tests/wrap_check.py);
#  4. txt parameters: table-headers=repeat and --notes=section.
# Parts whose tools (jing, xsltproc, cmark-gfm, python3) or inputs are
# missing are skipped with a message; exit 0 when nothing failed.
set -u
bin=${1:-bin/councildoc}
S=${SHARED:-../shared}
DEV=$S/corpus/dev
ITU=$S/corpus/third-party/itu
DB_RNG=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng
DB_XSL=/usr/share/xml/docbook/stylesheet/docbook-xsl-ns/html/docbook.xsl
W=build/emitters
fail=0

[ -d "$DEV" ] || { echo "check-emitters: $DEV not present, skipped"; exit 0; }
have() { command -v "$1" >/dev/null 2>&1; }
bad() { echo "check-emitters: FAIL $*"; fail=$((fail + 1)); }

rm -rf "$W"; mkdir -p "$W/dev" "$W/itu"
"$bin" -q -t all -o "$W/dev" "$DEV" || bad "converting $DEV"
if [ -d "$ITU" ]; then
	# the files themselves (not -r, which mirrors subfolders): flat outputs
	find "$ITU" -name '*.docx' | sort > "$W/itu.list"
	xargs -d '\n' "$bin" -q -t all -o "$W/itu" < "$W/itu.list" || bad "converting $ITU"
	[ -n "$(ls "$W/itu"/*.dbk 2>/dev/null)" ] || bad "no itu outputs in $W/itu"
fi

# ---- 1. DocBook validity and rendering
if have jing && have xsltproc && [ -f "$DB_RNG" ] && [ -f "$DB_XSL" ]; then
	for set in dev itu; do
		n=0 valid=0 clean=0
		ls "$W/$set"/*.dbk >/dev/null 2>&1 || continue
		# one JVM for the set; jing's launcher warns about optional jars,
		# not about the files
		all=$(jing "$DB_RNG" "$W/$set"/*.dbk 2>&1 | grep -v '^\[warning\] .*jing: Unable to locate')
		for f in "$W/$set"/*.dbk; do
			n=$((n + 1))
			err=$(printf '%s\n' "$all" | grep -F "$f:")
			if [ -z "$err" ]; then valid=$((valid + 1)); else bad "jing $f: $(echo "$err" | head -2)"; fi
			err=$(xsltproc --nonet "$DB_XSL" "$f" 2>&1 >/dev/null)
			if [ -z "$err" ]; then clean=$((clean + 1)); else bad "render $f: $(echo "$err" | head -2)"; fi
		done
		echo "check-emitters: docbook $set: $valid/$n valid, $clean/$n rendered without messages"
	done
else
	echo "check-emitters: jing, xsltproc or the DocBook schema/stylesheets missing, DocBook part skipped"
fi

# ---- 2. Markdown against txt
if have cmark-gfm && have python3; then
	for f in "$W"/dev/*.md "$W"/itu/*.md; do
		[ -f "$f" ] || continue
		if python3 tests/md_vs_txt.py "$f" "${f%.md}.txt" 0.99 > "$W/mdtxt.log" 2>&1; then
			sed 's/^/check-emitters: md-vs-txt /' "$W/mdtxt.log"
		else
			cat "$W/mdtxt.log"; bad "md-vs-txt $f"
		fi
	done
else
	echo "check-emitters: cmark-gfm or python3 missing, Markdown part skipped"
fi

# ---- 3. Arabic and CJK
ar=$(ls "$W"/itu/*E.119*-A.xml 2>/dev/null | head -1)
if [ -n "$ar" ]; then
	b=${ar%.xml}
	grep -q '<council [^>]*xml:lang="ar"[^>]* dir="rtl"' "$ar" || bad "arabic: council root lacks xml:lang=ar dir=rtl"
	[ "$(grep -c '<p dir="rtl"' "$ar")" -gt 10 ] || bad "arabic: paragraphs lack dir=rtl"
	grep -q '<span xml:lang="en[^"]*" dir="ltr"' "$ar" || bad "arabic: no left-to-right span"
	grep -q '<article [^>]*xml:lang="ar" dir="rtl"' "$b.dbk" || bad "arabic: DocBook article lacks xml:lang/dir"
	grep -q '<phrase xml:lang="en[^"]*" dir="ltr"' "$b.dbk" || bad "arabic: DocBook lacks ltr phrases"
	rli=$(grep -c "$(printf '\342\201\247')" "$b.txt")
	pdi=$(grep -c "$(printf '\342\201\251')" "$b.txt")
	[ "$rli" -gt 0 ] && [ "$rli" = "$pdi" ] || bad "arabic: txt isolates RLI=$rli PDI=$pdi"
	echo "check-emitters: arabic $(basename "$ar"): root $(grep -o '<council [^>]*>' "$ar" | grep -o 'xml:lang="[^"]*" dir="[^"]*"'), $(grep -c 'dir="rtl"' "$ar") rtl elements, $(grep -c 'dir="ltr"' "$ar") ltr spans, txt lines isolated: $rli"
else
	echo "check-emitters: Arabic E.119 not found, skipped"
fi
if have python3; then
	cjk=$(ls "$ITU"/*/T-REC-L.314*.docx 2>/dev/null | head -1)
	if [ -n "$cjk" ]; then
		"$bin" -q -t txt --wrap=40 "$cjk" > "$W/cjk-wrap40.txt" || bad "cjk: --wrap=40"
		if python3 tests/wrap_check.py "$W/cjk-wrap40.txt" "$W/itu/$(basename "${cjk%.docx}").txt" 40 > "$W/wrap.log" 2>&1; then
			sed 's/^/check-emitters: /' "$W/wrap.log"
		else
			cat "$W/wrap.log"; bad "cjk: wrap $cjk"
		fi
	fi
	if have xsltproc; then
		xsltproc xslt/council2txt.xsl tests/golden-xslt/cjk-zh.xml > "$W/cjk-zh.txt"
		xsltproc --stringparam wrap 40 xslt/council2txt.xsl tests/golden-xslt/cjk-zh.xml > "$W/cjk-zh-wrap40.txt"
		if python3 tests/wrap_check.py "$W/cjk-zh-wrap40.txt" "$W/cjk-zh.txt" 40 > "$W/wrap-zh.log" 2>&1; then
			sed 's/^/check-emitters: /' "$W/wrap-zh.log"
		else
			cat "$W/wrap-zh.log"; bad "cjk: wrap cjk-zh.xml"
		fi
	fi
fi

# ---- 4. txt parameters
if have xsltproc; then
	x=$(grep -l '<row header="true"' "$W"/dev/*.xml | head -1)
	if [ -n "$x" ]; then
		xsltproc --stringparam table-headers repeat xslt/council2txt.xsl "$x" > "$W/repeat.txt"
		if cmp -s "$W/repeat.txt" "${x%.xml}.txt" || ! grep -q '^[^;]*: [^;]*; [^;]*: ' "$W/repeat.txt"; then
			bad "table-headers=repeat gives no 'Header: value; ...' lines"
		else
			echo "check-emitters: table-headers=repeat ok ($(basename "$x"), e.g. $(grep -m1 '^[^;]*: [^;]*; [^;]*: ' "$W/repeat.txt" | cut -c1-70))"
		fi
	fi
fi
x=$(ls "$DEV"/dev04*.docx 2>/dev/null | head -1)
if [ -n "$x" ]; then
	"$bin" -q -t txt --notes=section "$x" > "$W/notes-section.txt" || bad "--notes=section"
	notes=$(grep -c '^Notes$' "$W/notes-section.txt")
	if [ "$notes" -gt 1 ] && ! cmp -s "$W/notes-section.txt" "$W/dev/$(basename "${x%.docx}").txt"; then
		echo "check-emitters: --notes=section ok ($notes Notes blocks in $(basename "$x"))"
	else
		bad "--notes=section: $notes Notes blocks"
	fi
fi

if [ $fail -ne 0 ]; then
	echo "check-emitters: $fail failure(s)"
	exit 1
fi
echo "check-emitters: all passed"
