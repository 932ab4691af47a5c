# Tests/lib/checks.sh -- the counting checks of the shell test scripts
# (Tests/C/check_header.sh, Tests/install/*.sh), sourced by them.
#
#   CHECKS_NAME="header/exports checks"; source Tests/lib/checks.sh
#   ok WHAT / fail WHAT           count one passed / failed check
#   check WHAT COMMAND...         runs COMMAND; its output is shown when it fails
#   finish                        prints "<CHECKS_NAME>: N passed, N failed" and
#                                 exits, 0 only when nothing failed
passed=0
failed=0

ok()   { echo "ok - $1"; passed=$((passed + 1)); }
fail() { echo "FAIL - $1"; failed=$((failed + 1)); }
check() {
    local what="$1" out
    shift
    if out="$("$@" 2>&1)"; then ok "$what"; else fail "$what"; printf '%s\n' "$out" | sed 's/^/    /'; fi
}
finish() {
    echo "${CHECKS_NAME:-checks}: $passed passed, $failed failed"
    [[ "$failed" -eq 0 ]]
    exit
}
