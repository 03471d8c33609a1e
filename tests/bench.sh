#!/bin/sh
# bench.sh BIN — councildoc against the parse floor and pandoc, side by side,
# then two size series (long reports; many short paragraphs) with per-stage
# CPU times and growth exponents. Figures, never assertions: the README
# quotes them.
#   BENCH_SERIES=0     skip the size series; BENCH_BASE=0 skip all before it
#   BENCH_MB="1 3 10 30 55"           long reports, MB of document.xml
#   BENCH_PARAS="10000 ... 1000000"   short-paragraph documents
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
# the least wall time of three runs (with its cpu and peak): a run of a
# tenth of a second is bent by a moment of the machine's noise, which the
# four seconds of pandoc's average out
best3() { for _ in 1 2 3; do stat "$1"; done | sort -n | head -1; }
row() { printf '%-34s %9s %9s %10s\n' "$@"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
if [ "${BENCH_BASE:-1}" != 0 ]; then
row "run" "wall s" "cpu s" "peak MB"
small_cd=$(best3 "$bin -t all -j 1 -o $B/out $B/small/*.docx")
row "20 small: councildoc -j 1 (4 fmts)" $small_cd
small_cdj=$(best3 "$bin -t all -o $B/out $B/small/*.docx")
row "20 small: councildoc -j cores" $small_cdj
small_floor=$(best3 "for f in $B/small/*.docx; do unzip -p \$f word/document.xml | xmllint --noout -; done")
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
set -- $small_cd; scd=$1; set -- $small_floor; sfl=$1; set -- $small_cdj; scdj=$1
echo
echo "small batch: councildoc / floor wall = $(ratio $scd $sfl) (-j 1), $(ratio $scdj $sfl) (-j cores)"
if [ -n "${small_pd:-}" ]; then set -- $small_pd; echo "small batch: pandoc / councildoc wall = $(ratio $1 $scd) (-j 1), $(ratio $1 $scdj) (-j cores)"; fi
set -- $cd_big20; w20=$1 m20=$3; set -- $fl_big20; fw20=$1 fm20=$3
echo "big20: councildoc / floor wall = $(ratio $w20 $fw20), peak RSS = $(ratio $m20 $fm20)"
set -- $cd_big5; w5=$1
echo "linearity: big20 / big5 wall = $(ratio $w20 $w5) for $(ratio $f20 $f5)x the XML"
fi

[ "${BENCH_SERIES:-1}" = 0 ] && exit 0

# ---- size series ---------------------------------------------------------
# Each input: the parse floor (wall, RSS); councildoc -t all -j 1 as it runs
# by default (wall, RSS: the stylesheets side by side when it chooses); then
# with COUNCILDOC_THREADS=1 COUNCILDOC_TIMES=1 for the CPU seconds of each
# stage and format measured in the process itself: the least of three runs
# at every size (a few milliseconds of noise would bend the slope at the
# small end; the same estimator at the large end, or the least of three
# against a single run would tilt it up).
# The growth exponent k of a column is the least-squares slope of
# log(time) over log(XML size): time ~ size^k.
stages="read flatten clean notes structure validate xml docbook md txt write"
series() { # NAME: reads "SIZE DOCX" lines on stdin
	name=$1 data=$B/series-$name.dat
	: > "$data"
	echo
	printf '%-6s %7s %7s %7s %7s %7s %6s' "$name" "MB" "floor s" "cd wall" "x floor" "RSS MB" "x RSS"
	for s in $stages; do printf ' %9s' "$s"; done; echo
	while read -r label docx; do
		mb=$(unzip -p "$docx" word/document.xml | wc -c)
		set -- $(stat "unzip -p $docx word/document.xml | xmllint --noout -" < /dev/null); fw=$1 fm=$3
		rm -rf "$B/sout"; mkdir -p "$B/sout"
		set -- $(stat "$bin -t all -j 1 -o $B/sout $docx" < /dev/null)
		cw=$1 cm=$3
		reps=3
		: > "$B/times.txt"
		i=0; while [ $i -lt $reps ]; do
			COUNCILDOC_THREADS=1 COUNCILDOC_TIMES=1 $bin -t all -j 1 -o $B/sout $docx 2>> "$B/times.txt" < /dev/null
			i=$((i + 1))
		done
		t=$(grep '^times:' "$B/times.txt" | awk '{ for (i = 3; i <= NF; i++) { split($i, kv, "=")
			if (NR == 1 || kv[2] < m[i]) m[i] = kv[2] } n = NF }
			END { for (i = 3; i <= n; i++) printf "%s ", m[i] }')
		echo "$mb $fw $fm $cw $cm $t" >> "$data"
		printf '%-6s %7.1f %7.2f %7.2f %7.1f %7.0f %6.2f' "$label" "$(echo "$mb / 1000000" | bc -l)" \
			"$fw" "$cw" "$(ratio "$cw" "$fw")" "$cm" "$(ratio "$cm" "$fm")"
		for x in $t; do printf ' %9.3f' "$x"; done; echo
	done
	awk -v stages="wall $stages" '
	{ n++; x[n] = log($1); w[n] = $4; for (i = 1; i <= 11; i++) v[n, i] = $(5 + i) }
	function slope(col,   i, sx, sy, sxx, sxy, m, y) {
		sx = sy = sxx = sxy = m = 0
		for (i = 1; i <= n; i++) {
			y = (col == 0 ? w[i] : v[i, col]); if (y <= 0) continue
			m++; sx += x[i]; sy += log(y); sxx += x[i] * x[i]; sxy += x[i] * log(y)
		}
		return m < 2 ? "-" : sprintf("%.2f", (m * sxy - sx * sy) / (m * sxx - sx * sx))
	}
	END { split(stages, nm, " "); printf "growth exponent k:"
	      printf " %s=%s", nm[1], slope(0)
	      for (i = 1; i <= 11; i++) printf " %s=%s", nm[i + 1], slope(i); print "" }' "$data"
}
seed=$DEV/dev06-budget-runs.docx; [ -f "$seed" ] || seed=demo/council-report.docx
ssize=$(unzip -p "$seed" word/document.xml | wc -c)
for mb in ${BENCH_MB:-1 3 10 30 55}; do
	f=$(( mb * 1000000 / ssize )); [ $f -lt 1 ] && f=1
	$R/mkbig "$seed" "$B/long$mb.docx" $f
	echo "${mb}MB $B/long$mb.docx"
done | series long
for n in ${BENCH_PARAS:-10000 30000 100000 300000 1000000}; do
	$R/mkbig -p "$seed" "$B/paras$n.docx" $n
	echo "$((n / 1000))k $B/paras$n.docx"
done | series paras
rm -rf "$B/sout" "$B"/long*.docx "$B"/paras*.docx
