#!/bin/sh
# run-unit.sh TEST... — runs the cmocka unit tests, prints a summary.
set -u
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
fail=0 total=0
for t in "$@"; do
	out=$("$t" 2>&1); rc=$?
	n=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	total=$((total + ${n:-0}))
	if [ $rc -ne 0 ]; then
		printf '%s\n' "$out"; echo "unit: $(basename "$t") FAILED"; fail=1
	else
		echo "unit: $(basename "$t"): ${n:-0} tests passed"
	fi
done
echo "unit: $total cmocka tests passed in $# programs"
exit $fail
