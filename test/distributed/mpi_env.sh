#!/usr/bin/env bash
# mpi_env.sh — what every mpirun test on loopback needs, sourced by
# mpi_tests.sh and rewritten_tests.sh (and usable by hand):
#   source test/distributed/mpi_env.sh    # exits 77 (skip) when it cannot run
# Sets Open MPI's environment for a root container with oversubscribed cores,
# no CMA single copy (the shared-memory single-copy path fails in
# containers) and loopback TCP only; adds `127.0.0.1 $(hostname)` to
# /etc/hosts when the host name resolves nowhere; defines run_mpi (mpirun
# with a timeout, threads not bound to one core), fail (counts into $fails)
# and a temporary directory $tmp removed at exit, with the memo store in
# memory there.
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
export PURECC_MEMO=mem PURECC_CACHE_DIR=$tmp/unused
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
run_mpi() { timeout 120 mpirun --bind-to none "$@"; }
