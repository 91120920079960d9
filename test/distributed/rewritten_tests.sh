#!/usr/bin/env bash
# rewritten_tests.sh — a program purecc rewrote (programs/sweep.cpp, built
# with -DPURECC_DISTRIBUTED as dist_sweep) under mpirun on loopback: the
# same output as the same binary without mpirun at 1-4 ranks x 1-2 threads
# (floating-point sums compared bit for bit; the integer results and the
# maps' checksum as the serial program prints them), and proof from PURECC_STATS
# that the work ran on ranks other than 0 and a large argument reached each
# worker once.
#   bash test/distributed/rewritten_tests.sh <dir with dist_sweep>
# Exit 0 = pass, 1 = fail, 77 = skipped (no mpirun). Every mpirun has a timeout.
set -u
app=$1/dist_sweep
# Open MPI environment, /etc/hosts, $tmp, fail, run_mpi; exits 77 to skip.
source "$(dirname "${BASH_SOURCE[0]}")/mpi_env.sh"

# 1. Without mpirun, the reference: the same at 1 and 2 threads.
local_reference "$app" all
for line in "sweep: start" "sweep: end" "primes 17984" "queens 724" "collatz 4301260" "map 11945386442440181991" \
            "caught std::out_of_range: item 150001 is out of range"; do
  grep -qx "$line" "$tmp/ref" || fail "the local run does not print '$line'"
done

# 2. ranks x threads: every line the same, the sums' bits included.
for n in 1 2 3 4; do
  for t in 1 2; do
    OMP_NUM_THREADS=$t same_output out.$n.$t "$tmp/ref" run_mpi -n $n "$app" all
  done
done

# 3. With rank 0 only coordinating, ranks 1 and 2 ran every node (the
#    exception included) and still print the reference.
if PURECC_STATS=1 PURECC_MPI_ROOT_WORKS=0 OMP_NUM_THREADS=1 same_output spread "$tmp/ref" \
    run_mpi -n 3 "$app" all; then
  grep -q '^purecc: rank 0 (.*): 0 tasks' "$tmp/spread.err" || fail "PURECC_MPI_ROOT_WORKS=0: rank 0 ran tasks"
  # Each rank's memo table says whose it is: rank 0's (the resume counters)
  # and the workers' (collatz_steps ran there), one each.
  for r in 0 1 2; do
    [ "$(grep -c "^purecc: memo statistics (rank $r on [^)]*)\$" "$tmp/spread.err")" = 1 ] ||
      { fail "no memo table headed 'rank $r'"; grep '^purecc: memo' "$tmp/spread.err"; }
  done
  for r in 1 2; do
    tasks=$(sed -n "s/^purecc: rank $r ([^)]*): \([0-9]*\) tasks.*/\1/p" "$tmp/spread.err")
    [ "${tasks:-0}" -gt 0 ] || fail "rank $r ran no task: $(grep "rank $r (" "$tmp/spread.err")"
  done
fi

# 4. The 156.3 KiB table the weighted sum reads reaches each worker once:
#    without the blob cache every one of its many nodes would carry it.
if PURECC_STATS=1 PURECC_MPI_ROOT_WORKS=0 OMP_NUM_THREADS=1 run_mpi -n 3 "$app" large \
    >"$tmp/large" 2>"$tmp/large.err"; then
  grep -x "$(grep '^weighted ' "$tmp/ref")" "$tmp/large" >/dev/null || fail "large: the sum differs"
  table_received_once "$tmp/large.err"
else
  fail "mpirun -n 3 large"; cat "$tmp/large.err"
fi

# 5. A 16-iteration loop-free reduction stays on rank 0 even when rank 0
#    only coordinates: its leaf size is the local run's (1024), and fewer
#    than 64 leaves are not worth a message (task_site.h).
if PURECC_STATS=1 PURECC_MPI_ROOT_WORKS=0 OMP_NUM_THREADS=1 run_mpi -n 2 "$app" small \
    >"$tmp/small" 2>"$tmp/small.err"; then
  grep -qx "$(grep '^small ' "$tmp/ref")" "$tmp/small" || fail "small: the sum differs: $(cat "$tmp/small")"
  grep -q '^purecc: rank 1 (.*): 0 tasks' "$tmp/small.err" ||
    fail "small: rank 1 ran nodes of a 16-iteration reduction: $(grep 'rank 1 (' "$tmp/small.err")"
else
  fail "mpirun -n 2 small"; cat "$tmp/small.err"
fi

# 6. Under FE_UPWARD every term rounds up, as in the serial program: the
#    rounding mode travels with each task (docs/distributed.md), and a
#    worker runs the task under it. The serial build (g++ or clang++ -O2,
#    no purecc) prints these lines; a worker rounding to nearest would make
#    the first two the round-to-nearest ones (652496880, and the third
#    line's sum). With rank 0 only coordinating, every node ran on the
#    workers, each rank ran some, and the site called under both modes in
#    one run gave each mode's result.
serial_upward=$'sweep: start\nupward 652574489\nupward thirds 0x1.37ac2f78p+13\nnearest thirds 0x1.379920dp+13\nsweep: end'
tasks_on() { sed -n "s/^purecc: rank $1 ([^)]*): \([0-9]*\) tasks.*/\1/p" "$2"; }
for n in 1 2 3; do
  out=$(PURECC_STATS=1 PURECC_MPI_ROOT_WORKS=0 OMP_NUM_THREADS=2 run_mpi -n $n "$app" upward 2>"$tmp/upward.err")
  [ "$out" = "$serial_upward" ] ||
    { fail "FE_UPWARD at $n ranks printed:"; echo "$out"; echo "serial:"; echo "$serial_upward"; }
  for ((r = 1; r < n; ++r)); do
    [ "$(tasks_on $r "$tmp/upward.err")" -gt 0 ] 2>/dev/null ||
      fail "FE_UPWARD at $n ranks: rank $r ran no task: $(grep "rank $r (" "$tmp/upward.err")"
  done
done
# Rank 0 working too (where nodes run depends on timing): the same lines.
for n in 2 3; do
  out=$(OMP_NUM_THREADS=1 run_mpi -n $n "$app" upward 2>"$tmp/upward.err")
  [ "$out" = "$serial_upward" ] || { fail "FE_UPWARD at $n ranks, rank 0 working, printed:"; echo "$out"; }
done
# Resume keeps the modes apart: a second run over the first's store takes
# its nodes from there, each under its own mode's key (keyed without the
# mode, both calls would read the same records and one line would be wrong).
for run in first again; do
  out=$(PURECC_MEMO=disk PURECC_CACHE_DIR=$tmp/fenv-cache PURECC_MEMO_MIN_MS=0 PURECC_STATS=1 \
        PURECC_MPI_ROOT_WORKS=0 OMP_NUM_THREADS=1 run_mpi -n 2 "$app" upward 2>"$tmp/upward.$run.err")
  [ "$out" = "$serial_upward" ] || { fail "FE_UPWARD, resume ($run run) printed:"; echo "$out"; }
done
resumed=$(sed -n 's/^purecc: rank 0 .*resumed \([0-9]*\) tasks.*/\1/p' "$tmp/upward.again.err")
[ "${resumed:-0}" -gt 0 ] || fail "FE_UPWARD: the second run resumed no node: $(grep 'rank 0 (' "$tmp/upward.again.err")"

# 7. With a trap enabled nothing ships (a trap on another rank would end
#    the job differently from the serial program's SIGFPE): rank 1 runs no
#    node even when rank 0 is told to leave the work to the others, and
#    the sum is the serial one (round-to-nearest: 652496880).
out=$(PURECC_STATS=1 PURECC_MPI_ROOT_WORKS=0 OMP_NUM_THREADS=2 run_mpi -n 2 "$app" trapping 2>"$tmp/trapping.err")
[ "$out" = $'sweep: start\ntrapping 652496880\nsweep: end' ] || fail "trap enabled: printed '$out', serial: 'trapping 652496880' between the banner lines"
[ "$(tasks_on 1 "$tmp/trapping.err")" = 0 ] ||
  fail "trap enabled: rank 1 ran nodes: $(grep 'rank 1 (' "$tmp/trapping.err")"

[ $fails -eq 0 ] && echo "rewritten program under mpirun: all checks passed"
[ $fails -eq 0 ]
