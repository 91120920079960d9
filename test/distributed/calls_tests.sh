#!/usr/bin/env bash
# calls_tests.sh — recursive searches by calls (programs/calls.cpp: fib,
# n queens split by calls, a walk whose last leaf throws) that purecc rewrote
# with -DPURECC_DISTRIBUTED (dist_calls), under mpirun on loopback: the same
# output as without mpirun at 1-3 ranks x 1-2 threads (the integer results
# and the leftmost exception as the serial program prints them), proof from
# PURECC_STATS that ranks 1.. ran branches (an exception among them), and
# the measured cut that keeps cheap branches on rank 0.
#   bash test/distributed/calls_tests.sh <dir with dist_calls>
# Exit 0 = pass, 1 = fail, 77 = skipped (no mpirun). Every mpirun has a timeout.
set -u
app=$1/dist_calls
# Open MPI environment, /etc/hosts, $tmp, fail, run_mpi; exits 77 to skip.
source "$(dirname "${BASH_SOURCE[0]}")/mpi_env.sh"
tasks_of() { sed -n "s/^purecc: rank $1 ([^)]*): \([0-9]*\) tasks.*/\1/p" "$2"; }
shipped_in() { sed -n 's/^purecc: rank 0 .*parallel-call branches shipped \([0-9]*\),.*/\1/p' "$1"; }
# handed_back_in RANK FILE: rank 0's count of branches workers handed back
# to it (it ran them), or a worker's count of those it handed back.
handed_back_in() { sed -n "s/^purecc: rank $1 .*, branches handed back \([0-9]*\)$/\1/p" "$2"; }

# 1. Without mpirun, the reference: the same at 1 and 2 threads, the
#    serial program's lines.
local_reference "$app" all
for line in "fib 832040" "queens 724" "caught std::out_of_range: walk leaf 8191"; do
  grep -qx "$line" "$tmp/ref" || fail "the local run does not print '$line'"
done

# 2. ranks x threads: every line the same.
for n in 1 2 3; do
  for t in 1 2; do
    OMP_NUM_THREADS=$t same_output out.$n.$t "$tmp/ref" run_mpi -n $n "$app" all
  done
done

# 3. Rank 0 runs no branch that may travel and no cut applies: ranks 1 and
#    2 run the branches near the root of each search, and the walk's
#    exception, thrown on a worker, still arrives as std::out_of_range.
for what in all throw; do
  grep -v '^purecc: ' "$tmp/ref" | { [ $what = all ] && cat || grep '^caught '; } >"$tmp/want.$what"
  if PURECC_STATS=1 PURECC_MPI_ROOT_WORKS=0 PURECC_MPI_CALL_MIN_US=0 OMP_NUM_THREADS=1 \
      same_output spread.$what "$tmp/want.$what" run_mpi -n 3 "$app" $what; then
    for r in 1 2; do
      [ "$(tasks_of $r "$tmp/spread.$what.err")" -gt 0 ] 2>/dev/null ||
        fail "$what: rank $r ran no branch: $(grep "rank $r (" "$tmp/spread.$what.err")"
    done
    [ "$(shipped_in "$tmp/spread.$what.err")" -gt 0 ] 2>/dev/null ||
      fail "$what: rank 0 shipped no branch: $(grep 'rank 0 (' "$tmp/spread.$what.err")"
  fi
done

# 4. The measured cut: when every shipped branch counts as too cheap
#    (PURECC_MPI_CALL_MIN_US huge), the first result stops shipping at its
#    level and below; one worker takes one branch at a time, so exactly one
#    branch travels, and rank 0 runs the rest.
if PURECC_STATS=1 PURECC_MPI_ROOT_WORKS=0 PURECC_MPI_CALL_MIN_US=1000000000 OMP_NUM_THREADS=1 \
    run_mpi -n 2 "$app" fib >"$tmp/cut" 2>"$tmp/cut.err"; then
  grep -qx "fib 832040" "$tmp/cut" || fail "cut: fib differs: $(cat "$tmp/cut")"
  [ "$(shipped_in "$tmp/cut.err")" = 1 ] || fail "cut: not exactly one branch shipped: $(grep 'rank 0 (' "$tmp/cut.err")"
else
  fail "mpirun -n 2 fib with the cut"; cat "$tmp/cut.err"
fi

# 5. An exception type of the user's reaches the caller the same way
#    whether the leftmost throwing branch ran on rank 0 (nothing may travel:
#    PURECC_MPI_CALL_SPLIT out of reach) or on a worker (rank 0 only
#    coordinates): as purecc::remote_error, a std::runtime_error whose
#    what() names the type and message, not the rank (the same line in
#    every run). Without mpirun it is the user's type itself.
OMP_NUM_THREADS=2 timeout 120 "$app" throw_user >"$tmp/user.ref" 2>&1
grep -qx "caught walk_error: walk leaf 8191" "$tmp/user.ref" ||
  fail "throw_user without mpirun: $(cat "$tmp/user.ref")"
sed 's/^caught walk_error: /caught std::runtime_error: walk_error: /' "$tmp/user.ref" >"$tmp/user.want"
PURECC_MPI_CALL_SPLIT=100000000 OMP_NUM_THREADS=1 same_output user.local "$tmp/user.want" \
  run_mpi -n 2 "$app" throw_user
PURECC_MPI_ROOT_WORKS=0 PURECC_MPI_CALL_MIN_US=0 OMP_NUM_THREADS=1 same_output user.shipped \
  "$tmp/user.want" run_mpi -n 2 "$app" throw_user

# 6. Resume: a shipped branch's result goes to rank 0's memo store as it
#    arrives; a rerun (after a kill, a time limit, or just again) takes
#    those branches from there instead of shipping them, with the same lines.
resumed_in() { sed -n 's/^purecc: rank 0 .*resumed \([0-9]*\) tasks.*/\1/p' "$1"; }
grep '^fib ' "$tmp/ref" >"$tmp/fib.want"
for run in first again; do
  PURECC_MEMO=disk PURECC_CACHE_DIR=$tmp/cache PURECC_MEMO_MIN_MS=0 PURECC_STATS=1 \
    PURECC_MPI_ROOT_WORKS=0 PURECC_MPI_CALL_MIN_US=0 OMP_NUM_THREADS=1 \
    same_output resume.$run "$tmp/fib.want" run_mpi -n 3 "$app" fib
done
# fib repeats its calls, but a run never takes its own branches from the
# store (resume is for what an earlier run computed; reusing this run's would
# memoize whichever branches happened to travel, and made the suite's fib
# faster than two ideal workers): the first run resumes none, even when its
# second fib(30) starts after the first one's branches are on disk.
[ "$(resumed_in "$tmp/resume.first.err")" = 0 ] ||
  fail "resume: the first run took branches it had computed itself: $(grep -h 'rank 0 (' "$tmp/resume.first.err")"
cat "$tmp/fib.want" "$tmp/fib.want" >"$tmp/twice.want"
PURECC_MEMO=disk PURECC_CACHE_DIR=$tmp/cache.twice PURECC_TEST_WAIT_STORED=1 PURECC_MEMO_MIN_MS=0 \
  PURECC_STATS=1 PURECC_MPI_ROOT_WORKS=0 PURECC_MPI_CALL_MIN_US=0 OMP_NUM_THREADS=1 \
  same_output twice "$tmp/twice.want" run_mpi -n 2 "$app" fib_twice
[ "$(resumed_in "$tmp/twice.err")" = 0 ] && [ "$(shipped_in "$tmp/twice.err")" -gt 0 ] ||
  fail "fib twice in one run: the second took the first's branches from the store: $(grep -h 'rank 0 (' "$tmp/twice.err")"
[ "$(resumed_in "$tmp/resume.again.err")" -gt "$(resumed_in "$tmp/resume.first.err")" ] 2>/dev/null ||
  fail "resume: the second run found no more branches than the first: $(grep -h 'rank 0 (' "$tmp"/resume.*.err)"
[ "$(shipped_in "$tmp/resume.again.err")" -lt "$(shipped_in "$tmp/resume.first.err")" ] 2>/dev/null ||
  fail "resume: the second run shipped as many branches as the first"

# 7. Under FE_UPWARD the branches that travel run under it (the rounding
#    mode travels with each task): the serial build's bits (g++ or clang++
#    -O2, no purecc) at 2 and 3 ranks, with every branch that may travel on
#    the workers, and with rank 0 working too.
serial_upward=$'upward thirds 0x1.2f6931017821cp+2\nnearest thirds 0x1.2f69310178201p+2'
for n in 2 3; do
  out=$(PURECC_STATS=1 PURECC_MPI_ROOT_WORKS=0 PURECC_MPI_CALL_MIN_US=0 OMP_NUM_THREADS=1 \
        run_mpi -n $n "$app" upward 2>"$tmp/upward.err")
  [ "$out" = "$serial_upward" ] || { fail "FE_UPWARD at $n ranks printed:"; echo "$out"; }
  [ "$(tasks_of 1 "$tmp/upward.err")" -gt 0 ] 2>/dev/null ||
    fail "FE_UPWARD at $n ranks: rank 1 ran no branch: $(grep 'rank 1 (' "$tmp/upward.err")"
  out=$(OMP_NUM_THREADS=2 run_mpi -n $n "$app" upward 2>"$tmp/upward.err")
  [ "$out" = "$serial_upward" ] || { fail "FE_UPWARD at $n ranks, rank 0 working, printed:"; echo "$out"; }
done

# 8. A worker hands part of its branch back. A large first branch and a
#    tiny last one at the root; PURECC_MPI_CALL_SPLIT=1 lets the root's
#    branches travel at 2 ranks, and PURECC_MPI_ROOT_WORKS=0 makes the large
#    one wait for the worker: rank 0 runs the tiny one, then has nothing to
#    run and asks the worker to split; the worker hands back the first
#    branch its branch offers. Whether the request arrives while an offer
#    is still on the worker's board is up to the scheduler (a loaded 2-core
#    machine can keep the worker's communication thread off the CPU for the
#    whole branch, and the branch then takes all its offers back), so
#    PURECC_MPI_AWAIT_SPLIT=1 makes the worker take no offer back before it
#    has handed one to rank 0: every 2-rank run must show a hand-back. At
#    every ranks x threads the output is the local run's: results, the
#    leftmost exception (thrown inside what was handed back: the leftmost
#    throwing leaf lies in the first branch the worker offers), and the
#    floating-point flags of a leaf rank 0 ran for the worker.
#    a) purecc's rewrite (calls.cpp: fib(32) + fib(3)).
handback() {
  PURECC_STATS=1 PURECC_MPI_CALL_SPLIT=1 PURECC_MPI_ROOT_WORKS=0 PURECC_MPI_CALL_MIN_US=0 \
    PURECC_MPI_AWAIT_SPLIT=1 "$@"
}
handed_back_both() { # NAME: rank 0 ran branches handed back and rank 1 handed some back
  grep -q "^purecc: rank 0 .*, branches handed back [0-9]*$" "$tmp/$1.err" &&
    grep -q "^purecc: rank 1 .*, branches handed back [0-9]*$" "$tmp/$1.err" ||
    fail "$1: no 'branches handed back' in the statistics: $(grep -h 'rank [01] (' "$tmp/$1.err")"
  [ "$(handed_back_in 0 "$tmp/$1.err")" -gt 0 ] 2>/dev/null &&
    [ "$(handed_back_in 1 "$tmp/$1.err")" -gt 0 ] 2>/dev/null ||
    fail "$1: no branch handed back: $(grep -h 'rank [01] (' "$tmp/$1.err")"
}
local_reference "$app" lopsided
grep -qx "lopsided 2178311" "$tmp/ref" || fail "the local run does not print 'lopsided 2178311'"
for t in 1 2; do
  OMP_NUM_THREADS=$t handback same_output lopsided.$t "$tmp/ref" run_mpi -n 2 "$app" lopsided &&
    handed_back_both lopsided.$t
done
OMP_NUM_THREADS=2 same_output lopsided.default "$tmp/ref" run_mpi -n 3 "$app" lopsided
#    b) the same shape written against task_site.h (dist_handback.cpp),
#       where the branch that may travel can throw (codegen keeps a call
#       that may throw last, where it never travels).
hb=$1/dist_handback
for what in sum throw flags; do
  local_reference "$hb" $what
  for n in 1 2 3; do
    for t in 1 2; do
      OMP_NUM_THREADS=$t handback same_output hb.$what.$n.$t "$tmp/ref" run_mpi -n $n "$hb" $what &&
        if [ $n = 2 ]; then handed_back_both hb.$what.$n.$t; fi
    done
  done
done
grep -qx "sum 2178311" "$tmp/hb.sum.1.1" || fail "dist_handback sum: $(cat "$tmp/hb.sum.1.1")"
grep -qx "flags 2178311 overflow=1" "$tmp/hb.flags.1.1" || fail "dist_handback flags: $(cat "$tmp/hb.flags.1.1")"
grep -q "^caught std::out_of_range: leaf " "$tmp/hb.throw.1.1" || fail "dist_handback throw: $(cat "$tmp/hb.throw.1.1")"
#    A type of the program's own arrives as purecc::remote_error naming it
#    (section 5), also when it went through a worker and back: before, the
#    worker described rank 0's remote_error again ("purecc::remote_error: ...").
local_reference "$hb" throw_user
grep -q "^caught leaf_error: leaf " "$tmp/ref" || fail "dist_handback throw_user locally: $(cat "$tmp/ref")"
sed 's/^caught leaf_error: /caught std::runtime_error: demo::leaf_error: /' "$tmp/ref" >"$tmp/hb.user.want"
for n in 2 3; do
  for t in 1 2; do
    OMP_NUM_THREADS=$t handback same_output hb.user.$n.$t "$tmp/hb.user.want" \
      run_mpi -n $n "$hb" throw_user && if [ $n = 2 ]; then handed_back_both hb.user.$n.$t; fi
  done
done

[ $fails -eq 0 ] && echo "parallel calls under mpirun: all checks passed"
[ $fails -eq 0 ]
