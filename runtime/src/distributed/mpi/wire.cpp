// The result and statistics messages of a worker and the protocol identity
// (see wire.h).
#include "wire.h"

#include "purecc/shipped_flags.h"

namespace purecc::mpi {

Hash128 registry_identity(const Hash128 &registry_digest) {
  std::string bytes;
  ByteWriter w(bytes);
  w.write(std::string_view("purecc task protocol"));
  w.uint(kProtocolVersion);
  w.uint(registry_digest.hi);
  w.uint(registry_digest.lo);
  return xxh3_128(bytes);
}

void write_result(ByteWriter &w, const ResultMessage &m) {
  w.uint(m.ticket);
  w.uint(m.busy_ns);
  w.uint(m.fp_flags);
  w.write(m.ok);
  w.write(m.payload);
  if (!m.ok)
    w.write(m.what);
}

bool read_result(std::string_view bytes, ResultMessage &m) {
  ByteReader r(bytes);
  return r.uint(m.ticket) && r.uint(m.busy_ns) && r.uint(m.fp_flags) &&
         decode_fp_flags(m.fp_flags).has_value() && r.read(m.ok) && r.read(m.payload) &&
         (m.ok || r.read(m.what)) && r.at_end();
}

void write_stats(ByteWriter &w, const RankStats &s) {
  for (std::uint64_t v : {s.tasks, s.busy_ns, s.wall_ns, s.sent, s.received, s.blobs_reused,
                          s.blob_bytes_saved, s.resumed, s.comm_cpu_ns, s.comm_waits, s.cpu_ns,
                          s.task_cpu_ns, s.messages_sent, s.messages_received, s.handed_back})
    w.uint(v);
}

bool read_stats(ByteReader &r, RankStats &s) {
  return r.uint(s.tasks) && r.uint(s.busy_ns) && r.uint(s.wall_ns) && r.uint(s.sent) &&
         r.uint(s.received) && r.uint(s.blobs_reused) && r.uint(s.blob_bytes_saved) &&
         r.uint(s.resumed) && r.uint(s.comm_cpu_ns) && r.uint(s.comm_waits) && r.uint(s.cpu_ns) &&
         r.uint(s.task_cpu_ns) && r.uint(s.messages_sent) && r.uint(s.messages_received) &&
         r.uint(s.handed_back);
}

} // namespace purecc::mpi
