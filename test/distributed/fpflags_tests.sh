#!/usr/bin/env bash
# fpflags_tests.sh — floating-point exception flags raised on other ranks
# come back (docs/distributed.md, "Flags"): programs/fpflags.cpp rewritten
# for the cluster (dist_fpflags) prints what fetestexcept says after a
# reduction one of whose terms overflows, underflows, is inexact, divides
# by zero or makes a NaN of 0/0 (and after a call tree one of whose leaves
# overflows), the same lines as the serial program (serial_fpflags: the
# same source, compiler alone) — with rank 0 only coordinating, so the
# flag is raised on a worker only, and with rank 0 working; and again when
# a second run takes every node and branch from the resume store.
#   bash test/distributed/fpflags_tests.sh <dir with dist_fpflags and serial_fpflags>
# Exit 0 = pass, 1 = fail, 77 = skipped (no mpirun). Every mpirun has a timeout.
set -u
app=$1/dist_fpflags
serial=$1/serial_fpflags
# Open MPI environment, /etc/hosts, $tmp, fail, run_mpi; exits 77 to skip.
source "$(dirname "${BASH_SOURCE[0]}")/mpi_env.sh"
tasks_on() { sed -n "s/^purecc: rank $1 ([^)]*): \([0-9]*\) tasks.*/\1/p" "$2"; }

# What the serial program raises in each mode, written out: a mode whose
# serial run raised nothing would test nothing.
declare -A expected=(
  [none]="invalid=0 divbyzero=0 overflow=0 underflow=0 inexact=0"
  [overflow]="invalid=0 divbyzero=0 overflow=1 underflow=0 inexact=1"
  [underflow]="invalid=0 divbyzero=0 overflow=0 underflow=1 inexact=1"
  [inexact]="invalid=0 divbyzero=0 overflow=0 underflow=0 inexact=1"
  [divbyzero]="invalid=0 divbyzero=1 overflow=0 underflow=0 inexact=0"
  [invalid]="invalid=1 divbyzero=0 overflow=0 underflow=0 inexact=0"
  [kept]="invalid=0 divbyzero=0 overflow=0 underflow=1 inexact=0"
  [calls]="invalid=0 divbyzero=0 overflow=1 underflow=0 inexact=1"
)
for what in none overflow underflow inexact divbyzero invalid kept calls; do
  "$serial" $what >"$tmp/serial.$what" 2>&1 || fail "serial $what"
  grep -q " flags ${expected[$what]}\$" "$tmp/serial.$what" ||
    fail "serial $what does not raise ${expected[$what]}: $(cat "$tmp/serial.$what")"
  # The rewritten program without a launcher (threads merge their flags).
  local_reference "$app" $what
  cmp -s "$tmp/serial.$what" "$tmp/ref" ||
    { fail "$what: the rewritten program without mpirun differs from serial"; diff "$tmp/serial.$what" "$tmp/ref"; }
  # Rank 0 only coordinating: every node (every shippable branch) ran on a
  # worker, so only a worker raised the flag.
  for n in 2 3; do
    if PURECC_STATS=1 PURECC_MPI_ROOT_WORKS=0 PURECC_MPI_CALL_MIN_US=0 OMP_NUM_THREADS=1 \
        same_output $what.$n "$tmp/serial.$what" run_mpi -n $n "$app" $what; then
      [ "$(tasks_on 1 "$tmp/$what.$n.err")" -gt 0 ] 2>/dev/null ||
        fail "$what at $n ranks: rank 1 ran no task: $(grep 'rank 1 (' "$tmp/$what.$n.err")"
    fi
  done
  # Rank 0 working too (where nodes run depends on timing and cost): its
  # own bookkeeping must not add a flag (the estimate divides).
  OMP_NUM_THREADS=2 same_output $what.w "$tmp/serial.$what" run_mpi -n 2 "$app" $what
done

# Resume: a second run over the first's store takes every node (branch)
# from there, and each record brings the flags its node raised.
for what in overflow invalid calls; do
  for run in first again; do
    PURECC_MEMO=disk PURECC_CACHE_DIR=$tmp/cache.$what PURECC_MEMO_MIN_MS=0 PURECC_STATS=1 \
      PURECC_MPI_ROOT_WORKS=0 PURECC_MPI_CALL_MIN_US=0 OMP_NUM_THREADS=1 \
      same_output $what.$run "$tmp/serial.$what" run_mpi -n 2 "$app" $what
  done
  resumed=$(sed -n 's/^purecc: rank 0 .*resumed \([0-9]*\) tasks.*/\1/p' "$tmp/$what.again.err")
  [ "${resumed:-0}" -gt 0 ] ||
    fail "$what: the second run resumed nothing: $(grep 'rank 0 (' "$tmp/$what.again.err")"
  [ "$(tasks_on 1 "$tmp/$what.again.err")" = 0 ] ||
    fail "$what: the second run computed on rank 1: $(grep 'rank 1 (' "$tmp/$what.again.err")"
done

[ $fails -eq 0 ] && echo "floating-point flags under mpirun: all checks passed"
[ $fails -eq 0 ]
