#!/usr/bin/env bash
# slurm_tests.sh — the rewritten programs (dist_calls, dist_sweep) started
# by `srun --mpi=pmix` on a one-node Slurm the script runs itself on this
# machine (munged, slurmctld, slurmd with a private configuration, ports and
# state directory; stopped at exit): the same output as without a launcher,
# and PURECC_STATS shows the other ranks working.
#   bash test/distributed/slurm_tests.sh <dir with dist_calls and dist_sweep>
# Exit 0 = pass, 1 = fail, 77 = skipped (no Slurm or munge, not root, or
# the daemons do not come up: the message says which). Every srun has a timeout.
set -u
dir=$1
# Open MPI environment, /etc/hosts, $tmp, fail; exits 77 to skip.
source "$(dirname "${BASH_SOURCE[0]}")/mpi_env.sh"
for tool in munged mungekey slurmctld slurmd srun sinfo; do
  command -v $tool >/dev/null ||
    { echo "SKIP: $tool not found (apt-get install slurmd slurmctld slurm-client munge)"; exit 77; }
done
[ "$(id -u)" -eq 0 ] || { echo "SKIP: a private slurmd must run as root"; exit 77; }
[ -e /usr/lib/x86_64-linux-gnu/slurm-wlm/mpi_pmix.so ] || [ -e /usr/lib/slurm/mpi_pmix.so ] ||
  ls /usr/lib/*/slurm*/mpi_pmix.so >/dev/null 2>&1 ||
  { echo "SKIP: Slurm has no pmix plugin (mpi_pmix.so)"; exit 77; }

# The daemons: everything under $tmp, ports of our own (another run of this
# test may be up at the same time). The node claims 4 CPUs whatever it has
# (config_overrides), so that 3 ranks fit on a 2-core machine.
stop() {
  local pidfile pid
  for pidfile in "$tmp/slurmd.pid" "$tmp/slurmctld.pid" "$tmp/munge/munged.pid"; do
    [ -s "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    # A daemon writes its state as it stops: wait for it (at most 10 s)
    # before removing the directory under it.
    kill "$pid" 2>/dev/null && timeout 10 tail --pid="$pid" -f /dev/null
  done
  rm -rf "$tmp"
}
trap stop EXIT
port=$((20000 + ($$ % 20000) * 2))
mkdir -p "$tmp/state" "$tmp/spool" "$tmp/munge"
chmod 700 "$tmp/munge"
host=$(hostname)
cat >"$tmp/slurm.conf" <<CONF
ClusterName=purecc
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$tmp/munge/munge.sock
CredType=cred/munge
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/slurmctld.log
SlurmdLogFile=$tmp/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
SlurmdParameters=config_overrides
NodeName=$host CPUs=4 State=UNKNOWN
PartitionName=purecc Nodes=ALL Default=YES MaxTime=INFINITE State=UP OverSubscribe=FORCE:4
CONF
export SLURM_CONF=$tmp/slurm.conf
skip() { echo "SKIP: $1"; for f in "$tmp"/*.log "$tmp"/munge/*.log; do [ -s "$f" ] && tail -3 "$f"; done; exit 77; }
mungekey -c -k "$tmp/munge/munge.key" >/dev/null 2>&1 || skip "mungekey could not create a key"
munged -f --key-file="$tmp/munge/munge.key" --socket="$tmp/munge/munge.sock" \
  --pid-file="$tmp/munge/munged.pid" --log-file="$tmp/munge/munged.log" --seed-file="$tmp/munge/seed" \
  >/dev/null 2>&1 || skip "munged does not start"
slurmctld -f "$tmp/slurm.conf" >/dev/null 2>&1 || skip "slurmctld does not start"
slurmd -f "$tmp/slurm.conf" >/dev/null 2>&1 || skip "slurmd does not start"
# Readiness: poll until the node reports idle (at most 30 s).
state=
for _ in $(seq 1 60); do
  state=$(timeout 5 sinfo -h -o %T 2>/dev/null)
  [ "$state" = idle ] && break
  sleep 0.5
done
[ "$state" = idle ] || skip "the one-node Slurm did not come up (node state '${state:-none}')"
run_srun() { timeout 60 srun --mpi=pmix --immediate=20 "$@"; }

# The references: each program without a launcher.
for prog in calls sweep; do
  local_reference "$dir/dist_$prog" all
  mv "$tmp/ref" "$tmp/$prog.ref"
done

# 1. srun -n 1..3: the same lines (PMIX_RANK makes each process a rank).
for n in 1 2 3; do
  for prog in calls sweep; do
    OMP_NUM_THREADS=1 same_output $prog.$n "$tmp/$prog.ref" run_srun -n $n "$dir/dist_$prog" all
  done
done

# 2. Rank 0 only coordinating: ranks 1 and 2 run the branches and nodes.
for prog in calls sweep; do
  if PURECC_STATS=1 PURECC_MPI_ROOT_WORKS=0 PURECC_MPI_CALL_MIN_US=0 OMP_NUM_THREADS=1 \
      same_output $prog.spread "$tmp/$prog.ref" run_srun -n 3 "$dir/dist_$prog" all; then
    for r in 1 2; do
      tasks=$(sed -n "s/^purecc: rank $r ([^)]*): \([0-9]*\) tasks.*/\1/p" "$tmp/$prog.spread.err")
      [ "${tasks:-0}" -gt 0 ] || fail "srun dist_$prog: rank $r ran nothing: $(grep "rank $r (" "$tmp/$prog.spread.err")"
    done
  fi
done

[ $fails -eq 0 ] && echo "srun --mpi=pmix on a one-node Slurm: all checks passed"
[ $fails -eq 0 ]
