#!/bin/sh
# corpus-seed.sh OUT EXTRACT MKDOCX — builds the seed corpora of the fuzz
# targets at run time into OUT/corpus-{read,textdump,stages,convert}/
# (never committed: the dev corpus is not ours to copy).
#   docx:      ../shared/corpus/dev/*.docx (when present), tests/golden/*.docx
#              and *.raw, tests/golden/*.in.xml and examples/*.xml built
#              with MKDOCX
#   textdump:  tests/golden/*.dump, ../shared/seeds/*.txt
#   stages:    the package document of every docx seed (EXTRACT)
#   convert:   the docx seeds and their word/document.xml (fuzz_convert
#              wraps non-zip inputs in a package)
#   eqtext:    SVG written as libwmf and libemf2svg write an equation's
#              glyph runs
#   all:       tests/fuzz/regress/TARGET-* (past crashes)
# Files are named by their SHA-1, so re-running only adds.
set -u
out=$1 extract=$2 mkdocx=$3
DEV=${DEV_CORPUS:-../shared/corpus/dev}
SEEDS=${SEEDS_DIR:-../shared/seeds}
tmp=$out/seed-tmp
rm -rf "$tmp"; mkdir -p "$tmp/docx"
for t in read textdump stages convert eqtext; do mkdir -p "$out/corpus-$t"; done

# put FILE TARGET...: copies FILE into each corpus under its SHA-1
put() {
	put_f=$1; shift
	[ -s "$put_f" ] || return 0
	put_h=$(sha1sum < "$put_f" | cut -c1-40)
	for put_t in "$@"; do cp "$put_f" "$out/corpus-$put_t/$put_h"; done
}

n=0
for f in "$DEV"/*.docx tests/golden/*.docx tests/golden/*.raw; do
	[ -f "$f" ] || continue
	n=$((n + 1)); cp "$f" "$tmp/docx/$n.docx"
done
for f in tests/golden/*.in.xml examples/*.xml; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	"$mkdocx" "$f" "$tmp/docx/$n.docx" 2>/dev/null || rm -f "$tmp/docx/$n.docx"
done
for f in "$tmp"/docx/*.docx; do
	[ -f "$f" ] || continue
	put "$f" read convert
	unzip -p "$f" word/document.xml > "$tmp/doc.xml" 2>/dev/null && put "$tmp/doc.xml" convert
	"$extract" "$f" > "$tmp/pkg.xml" 2>/dev/null && put "$tmp/pkg.xml" stages
done
for f in tests/golden/*.dump "$SEEDS"/*.txt; do
	[ -f "$f" ] || continue
	put "$f" textdump read
	"$extract" "$f" > "$tmp/pkg.xml" 2>/dev/null && put "$tmp/pkg.xml" stages
done
# small hand-made inputs for the format detection of cd_read
W='http://schemas.openxmlformats.org/wordprocessingml/2006/main'
P='http://schemas.microsoft.com/office/2006/xmlPackage'
R='http://schemas.openxmlformats.org/officeDocument/2006/relationships'
cat > "$tmp/flat.xml" <<FLAT
<?xml version="1.0"?>
<pkg:package xmlns:pkg="$P"><pkg:part pkg:name="/_rels/.rels"><pkg:xmlData>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="$R/officeDocument" Target="word/document.xml"/>
</Relationships></pkg:xmlData></pkg:part>
<pkg:part pkg:name="/word/document.xml"><pkg:xmlData><w:document xmlns:w="$W">
<w:body><w:p><w:r><w:t>Flat</w:t></w:r></w:p></w:body></w:document>
</pkg:xmlData></pkg:part></pkg:package>
FLAT
put "$tmp/flat.xml" read
printf '<?xml version="1.0"?>\n<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"/>\n' > "$tmp/w2003.xml"
put "$tmp/w2003.xml" read
printf '<!DOCTYPE html>\n<html><body>x</body></html>\n' > "$tmp/h.html"
put "$tmp/h.html" read

# equation previews as the metafile converters write them
printf '<svg xmlns="http://www.w3.org/2000/svg" width="268" height="20">\n<text x="0" y="0" style="font-family:Times; font-size:15.000000; fill:black" transform="matrix(1.000000 -0.000000 0.000000 1.000000 0.000000 15.000000)"\n\t>PCR</text>\n<text x="0" y="0" style="font-family:Symbol; font-size:15.000000" transform="matrix(1.000000 -0.000000 0.000000 1.000000 40.000000 15.000000)"\n\t>\302\264</text>\n<text x="0" y="0" style="font-family:Times; font-size:10.000000" transform="matrix(1 0 0 1 60 8)">6</text>\n</svg>\n' > "$tmp/eq1.svg"
put "$tmp/eq1.svg" eqtext
printf '<svg xmlns="http://www.w3.org/2000/svg"><text font-family="Arial" x="10" y="20" font-size="15">a</text><text font-family="Symbol" x="25" y="40" font-size="15">\302\243</text><line x1="0" y1="0" x2="5" y2="5"/></svg>\n' > "$tmp/eq2.svg"
put "$tmp/eq2.svg" eqtext

for t in read textdump stages convert eqtext; do
	for f in tests/fuzz/regress/"$t"-*; do
		[ -f "$f" ] && put "$f" "$t"
	done
done
rm -rf "$tmp"
for t in read textdump stages convert eqtext; do
	echo "corpus-seed: corpus-$t: $(ls "$out/corpus-$t" | wc -l) files"
done
