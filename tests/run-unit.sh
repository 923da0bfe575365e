#!/bin/sh
# run-unit.sh BIN... - runs each cmocka test binary (under $VALGRIND if set)
# and fails if any failed.
failed=0
for t in "$@"; do
    if ! $VALGRIND "$t"; then
        echo "FAILED: $t"
        failed=$((failed + 1))
    fi
done
[ "$failed" -eq 0 ]
