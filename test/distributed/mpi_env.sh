#!/usr/bin/env bash
# mpi_env.sh — what every mpirun test on loopback needs, sourced by
# mpi_tests.sh, rewritten_tests.sh, calls_tests.sh, fpflags_tests.sh and
# slurm_tests.sh (and usable by hand):
#   source test/distributed/mpi_env.sh    # exits 77 (skip) when it cannot run
# Sets Open MPI's environment for a root container with oversubscribed cores,
# no CMA single copy (the shared-memory single-copy path fails in
# containers) and loopback TCP only; adds `127.0.0.1 $(hostname)` to
# /etc/hosts when the host name resolves nowhere; defines run_mpi (mpirun
# with a timeout, threads not bound to one core), fail (counts into $fails),
# local_reference and same_output (the run-and-compare step every script
# repeats, below), table_received_once (the blob cache's check, below) and a
# temporary directory $tmp removed at exit, with the memo store in memory
# there.
if ! command -v mpirun >/dev/null; then
  echo "SKIP: mpirun not found (apt-get install openmpi-bin libopenmpi-dev)"
  exit 77
fi
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_MCA_btl_vader_single_copy_mechanism=none
export OMPI_MCA_btl_tcp_if_include=lo
if ! getent hosts "$(hostname)" >/dev/null; then
  if [ -w /etc/hosts ]; then
    echo "127.0.0.1 $(hostname)" >>/etc/hosts
  else
    echo "SKIP: host name $(hostname) does not resolve and /etc/hosts is not writable"
    exit 77
  fi
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Each script's mpirun keeps its session directory under its own $tmp:
# two scripts that CTest runs at once raced to create the shared
# /tmp/ompi.<host>.<uid>, and one failed in orte_init ("mkdir ... File exists").
export OMPI_MCA_orte_tmpdir_base=$tmp
export PURECC_MEMO=mem PURECC_CACHE_DIR=$tmp/unused
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
run_mpi() { timeout 120 mpirun --bind-to none "$@"; }

# local_reference APP ARGS...: the program without a launcher at 1 and 2
# threads; $tmp/ref is its output (stdout and stderr), which must not
# depend on the thread count.
local_reference() {
  OMP_NUM_THREADS=1 timeout 120 "$@" >"$tmp/ref1" 2>&1 || fail "$* without a launcher"
  OMP_NUM_THREADS=2 timeout 120 "$@" >"$tmp/ref" 2>&1 || fail "$* without a launcher (2 threads)"
  cmp -s "$tmp/ref1" "$tmp/ref" ||
    { fail "$*: local runs differ between 1 and 2 threads"; diff "$tmp/ref1" "$tmp/ref"; }
}

# same_output NAME REFERENCE COMMAND...: runs COMMAND (say `run_mpi -n 3
# "$app" all`, with the caller's environment prefix) with stdout in
# $tmp/NAME and stderr in $tmp/NAME.err; fails, showing why, when it exits
# non-zero or when its stdout differs from the file REFERENCE. Both go
# through $output_filter first when the caller sets it (a command reading
# a file name, say one that strips what may differ on purpose). Status 0
# when the run succeeded and printed the reference.
same_output() {
  local name=$1 ref=$2
  shift 2
  local out=$tmp/$name filter=${output_filter:-cat}
  "$@" >"$out" 2>"$out.err"
  local rc=$?
  if [ $rc -ne 0 ]; then
    fail "$name: '$*' failed (status $rc):"; cat "$out.err"; return 1
  fi
  if ! diff <($filter "$ref") <($filter "$out") >/dev/null; then
    fail "$name: the output of '$*' differs from $(basename "$ref")"; diff "$ref" "$out"; return 1
  fi
}

# table_received_once STDERR: in a 3-rank run with PURECC_STATS whose
# stderr is the file STDERR, each worker (ranks 1 and 2) received the
# 156.3 KiB table of dist_app and dist_sweep once, not with every node
# that reads it (the blob cache), and reused it at least once.
table_received_once() {
  local r line received reused
  for r in 1 2; do
    line=$(grep "^purecc: rank $r (" "$1")
    received=$(sed -n 's/.*received \([0-9.]*\) KiB.*/\1/p' <<<"$line")
    reused=$(sed -n 's/.*blobs reused \([0-9]*\),.*/\1/p' <<<"$line")
    awk -v k="$received" 'BEGIN { exit !(k >= 156.3 && k < 2 * 156.3) }' ||
      fail "rank $r received ${received:-?} KiB, not the table once: $line"
    [ "${reused:-0}" -ge 1 ] || fail "rank $r reused no blob: $line"
  done
}
