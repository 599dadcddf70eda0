#!/bin/sh
# The explain and diff commands through the real binary: exit statuses and
# the lines a user sees. Usage: test_audit_cli.sh AIREPORT TESTS_DIR
set -u
bin=$1
fix=$2/audit
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

# expect STATUS NAME -- command...: runs it with stdout/stderr in $tmp.
expect() {
    want=$1 name=$2
    shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL $name: exit $got, expected $want"; cat "$tmp/err"; fails=$((fails + 1))
    fi
}
# contains FILE TEXT NAME
contains() {
    if ! grep -qF -- "$2" "$tmp/$1"; then
        echo "FAIL $3: $1 lacks \"$2\""; cat "$tmp/$1"; fails=$((fails + 1))
    fi
}

expect 0 explain-number -- "$bin" --data "$fix/data" explain 'P4.status_by_group[R7,その他市区町村,1]' --list
contains out '* R7 その他市区町村 1 導入済: 1 / 6 = 16.7%' explain-number
contains out '      131041 東京都 新宿区' explain-number

expect 0 explain-prefecture -- "$bin" --data "$fix/data" explain A1.adopted_share --prefecture 13
contains out 'R7 - 13 東京都 (13): 1 / 3 = 33.3% — 1 団体' explain-prefecture

# the body sheets' figures: a share among the bodies of a population band
# (北海道, 札幌市, 東京都, 八王子市 have 500,000 people or more; 八王子市 is
# 導入検討中) and a body's population
expect 0 explain-band -- "$bin" --data "$fix/data" explain 'B.Q1[R7,人口50万人以上,1]' --list
contains out '* R7 人口50万人以上 1 導入済: 3 / 4 = 75.0%' explain-band
contains out '      011002 北海道 札幌市' explain-band
expect 0 explain-body -- "$bin" --data "$fix/data" explain 'M.population[-,131041,-]'
contains out '* - 131041 - 新宿区 (13): 350,000' explain-body
expect 2 explain-body-scope -- "$bin" --data "$fix/data" explain M.Q1
contains err 'M figures are one body' explain-body-scope

expect 2 explain-unknown -- "$bin" --data "$fix/data" explain P4.status_by_grup
contains err 'did you mean P4.status_by_group' explain-unknown
expect 2 explain-no-number -- "$bin" --data "$fix/data" explain 'P4.status_by_group[R7,全国,1]'
contains err 'groups: 都道府県, 指定都市, その他市区町村' explain-no-number
expect 2 explain-no-args -- "$bin" --data "$fix/data" explain

expect 1 diff-changed -- "$bin" diff "$fix/old.csv" "$fix/new.csv"
[ "$(head -n 2 "$tmp/out")" = "P3: 3 changed, 0 added, 0 removed
  [13] P3.status[R7,全体,1] 導入済: 20 -> 25 (+5), 32.3% -> 40.3% (+8.0pt)" ] ||
    { echo "FAIL diff-changed: first lines"; cat "$tmp/out"; fails=$((fails + 1)); }
expect 0 diff-same -- "$bin" diff "$fix/old.csv" "$fix/old.csv"
[ -s "$tmp/out" ] && { echo "FAIL diff-same: printed something"; fails=$((fails + 1)); }
expect 1 diff-folders -- "$bin" diff "$fix/data" "$fix/data-changed" --prefecture 13
contains out 'A1.adopted_share[R7,-,13] 東京都: 1 -> 0 (-1), 33.3% -> 0.0% (-33.3pt)' diff-folders
# with --bodies also pages B and M: 新宿区's own answer and Tokyo's share
expect 1 diff-folders-bodies -- "$bin" diff "$fix/data" "$fix/data-changed" --prefecture 13 --bodies
contains out '[13] B.Q1[R7,全体,1] 導入済: 2 -> 1 (-1), 50.0% -> 25.0% (-25.0pt)' diff-folders-bodies
contains out '+ [13] M.Q1[R7,131041,2] 実証中: added 1' diff-folders-bodies
contains out '- [13] M.Q1[R7,131041,1] 導入済: removed, was 1' diff-folders-bodies
expect 1 diff-export-vs-folder -- sh -c "'$bin' --data '$fix/data' figures --format csv --prefecture all >'$tmp/fig.csv' && '$bin' diff '$tmp/fig.csv' '$fix/data-changed'"
contains out '[全国] P4.status_by_group[R7,その他市区町村,1] 導入済: 1 -> 0 (-1)' diff-export-vs-folder
expect 3 diff-malformed -- "$bin" diff "$fix/old.csv" "$fix/malformed.csv"
contains err 'malformed.csv:3:8: count "12x"' diff-malformed
expect 5 diff-missing -- "$bin" diff "$fix/old.csv" "$fix/no-such-file.csv"
expect 2 diff-one-arg -- "$bin" diff "$fix/old.csv"

[ "$fails" -eq 0 ] && echo "audit cli: all passed"
exit "$fails"
