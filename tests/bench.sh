#!/bin/sh
# bench.sh BIN — councildoc against the parse floor and pandoc, side by side.
# Figures, never assertions: the README quotes them.
set -u
bin=$1
B=build/bench; R=build/rel/bin
rm -rf "$B"; mkdir -p "$B/small" "$B/out"
command -v unzip >/dev/null 2>&1 || sh build-aux/deps.sh bench
DEV=../shared/corpus/dev
# inputs: a batch of 20 small reports, a ~20 MB and a ~5 MB document.xml
i=0
while [ $i -lt 20 ]; do
	for f in "$DEV"/*.docx; do
		[ -f "$f" ] || f=demo/council-report.docx
		[ $i -lt 20 ] && cp "$f" "$B/small/r$i.docx"; i=$((i + 1))
	done
done
seedbig=$DEV/dev06-budget-runs.docx; [ -f "$seedbig" ] || seedbig=demo/council-report.docx
size=$(unzip -p "$seedbig" word/document.xml | wc -c)
f20=$((20000000 / size + 1)); f5=$((f20 / 4))
$R/mkbig "$seedbig" "$B/big20.docx" $f20
$R/mkbig "$seedbig" "$B/big5.docx" $f5
stat() { $R/runstat "$1" 2>&1 >/dev/null | tail -1; }
row() { printf '%-34s %9s %9s %10s\n' "$@"; }
row "run" "wall s" "cpu s" "peak MB"
small_cd=$(stat "$bin -t all -j 1 -o $B/out $B/small/*.docx")
row "20 small: councildoc -j 1 (4 fmts)" $small_cd
small_cdj=$(stat "$bin -t all -o $B/out $B/small/*.docx")
row "20 small: councildoc -j cores" $small_cdj
small_floor=$(stat "for f in $B/small/*.docx; do unzip -p \$f word/document.xml | xmllint --noout -; done")
row "20 small: parse floor" $small_floor
if command -v pandoc >/dev/null 2>&1; then
	small_pd=$(stat "for f in $B/small/*.docx; do pandoc -f docx -t gfm \$f; pandoc -f docx -t plain \$f; pandoc -f docx -t docbook5 \$f; done")
	row "20 small: pandoc (3 formats)" $small_pd
fi
for big in big5 big20; do
	mb=$(unzip -p "$B/$big.docx" word/document.xml | wc -c)
	r_cd=$(stat "$bin -t all -o $B/out $B/$big.docx")
	row "$big ($((mb / 1000000)) MB): councildoc" $r_cd
	r_fl=$(stat "unzip -p $B/$big.docx word/document.xml | xmllint --noout -")
	row "$big ($((mb / 1000000)) MB): parse floor" $r_fl
	eval "cd_$big=\"$r_cd\" fl_$big=\"$r_fl\""
done
if command -v pandoc >/dev/null 2>&1; then
	r_pd=$(stat "pandoc -f docx -t gfm $B/big5.docx")
	row "big5: pandoc (gfm only)" $r_pd
fi
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
set -- $small_cd; scd=$1; set -- $small_floor; sfl=$1
echo
echo "small batch: councildoc / floor wall = $(ratio $scd $sfl)"
set -- $small_cdj; scdj=$1
if [ -n "${small_pd:-}" ]; then set -- $small_pd; echo "small batch: pandoc / councildoc wall = $(ratio $1 $scd) (-j 1), $(ratio $1 $scdj) (-j cores)"; fi
set -- $cd_big20; w20=$1 m20=$3; set -- $fl_big20; fw20=$1 fm20=$3
echo "big20: councildoc / floor wall = $(ratio $w20 $fw20), peak RSS = $(ratio $m20 $fm20)"
set -- $cd_big5; w5=$1
echo "linearity: big20 / big5 wall = $(ratio $w20 $w5) for $(ratio $f20 $f5)x the XML"
