// worker.h — the worker loop of ranks > 0 (worker.cpp): a task message
// from rank 0 decoded into the node to run, the loop that runs nodes one
// after another on all of this rank's cores, and the results and
// statistics it sends back.
//
// Why the decoding stands alone: a task message refers to large arguments
// by hash, so decoding reads and updates this rank's blob cache (the one
// rank 0 mirrors, blob_lru.h) in exactly the order the messages arrived;
// the communication thread decodes, the main thread only runs.
//
// Usage (the communication thread, on a message tagged kTagTask):
//   std::uint64_t reused = 0, saved = 0;
//   purecc::mpi::WorkerTask t = purecc::mpi::decode_task(bytes, blobs, reused, saved);
//   if (t.error.empty()) ... TaskRegistry::find(t.id)->run(t.args, t.begin, t.end, t.leaf);
#pragma once

#include "blob_lru.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace purecc::mpi {

/// One node a worker runs, as rank 0's task message described it (or a
/// branch a worker handed back, as rank 0 reads it).
struct WorkerTask {
  std::uint64_t ticket;
  std::string id, args; ///< the registry id; the arguments, large ones restored from the cache
  std::int64_t begin, end, leaf;
  int rounding; ///< the caller's rounding mode (<cfenv>), decoded from its code
  /// A parallel-call branch's width (CallOffer::width), 0 for a range node:
  /// a worker runs a branch at its width, so that the branch's own parallel
  /// calls offer what it may hand back.
  std::uint64_t width;
  std::string error; ///< a protocol problem found on receipt
};

/// Decodes a task message (wire.h); large arguments come from or go into
/// `blobs`, counted in `blobs_reused` / `blob_bytes_saved`. A malformed
/// message or a blob this rank does not hold sets `error`: the node then
/// fails with that message on rank 0's caller, instead of running.
WorkerTask decode_task(std::string_view bytes, BlobLru &blobs, std::uint64_t &blobs_reused,
                       std::uint64_t &blob_bytes_saved);

} // namespace purecc::mpi
