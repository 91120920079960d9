// The task registry, the executable's build id and the cluster hook (core
// runtime: none of this needs MPI).
#include "purecc/cluster.h"
#include "purecc/scheduler.h"
#include "purecc/task_registry.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <elf.h>
#include <link.h>
#include <map>
#include <mutex>

namespace purecc {
namespace {

struct Registry {
  std::mutex mutex;
  std::map<std::string, const TaskEntry *, std::less<>> by_id;
  /// Ids registered twice with different fingerprints (an ODR problem).
  std::vector<std::string> conflicts;
};

Registry &registry() {
  static Registry *r = new Registry; // never destroyed: lookups may happen at exit
  return *r;
}

std::atomic<ClusterBackend *> g_backend{nullptr};
/// Where invoke_at offers branches (call_cluster): g_backend on rank 0, the
/// worker's backend on a worker while it serves.
std::atomic<ClusterBackend *> g_call_backend{nullptr};
thread_local bool t_in_node = false;

} // namespace

void TaskRegistry::add(const TaskEntry &entry) {
  Registry &r = registry();
  std::lock_guard lock(r.mutex);
  auto [it, inserted] = r.by_id.emplace(entry.id(), &entry);
  // The codegen's part only: completing a linked fingerprint reads the
  // program's notes, which waits until a task is first run or digested
  // (this runs in static initialization).
  if (!inserted && (!(it->second->site().local_fingerprint() == entry.site().local_fingerprint()) ||
                    std::string_view(it->second->site().linked()) != entry.site().linked()))
    r.conflicts.emplace_back(entry.id());
}

const TaskEntry *TaskRegistry::find(std::string_view id) {
  Registry &r = registry();
  std::lock_guard lock(r.mutex);
  auto it = r.by_id.find(id);
  return it == r.by_id.end() ? nullptr : it->second;
}

std::vector<const TaskEntry *> TaskRegistry::entries() {
  Registry &r = registry();
  std::lock_guard lock(r.mutex);
  std::vector<const TaskEntry *> out;
  for (const auto &[id, e] : r.by_id)
    out.push_back(e);
  return out;
}

Hash128 TaskRegistry::digest() {
  Registry &r = registry();
  std::lock_guard lock(r.mutex);
  std::string bytes;
  ByteWriter w(bytes);
  for (const auto &[id, e] : r.by_id) {
    w.write(id);
    w.uint(e->fingerprint().hi);
    w.uint(e->fingerprint().lo);
  }
  return xxh3_128(bytes);
}

std::vector<std::string> TaskRegistry::conflicts() {
  Registry &r = registry();
  std::lock_guard lock(r.mutex);
  return r.conflicts;
}

std::string executable_build_id() {
  std::string id;
  dl_iterate_phdr(
      [](dl_phdr_info *info, std::size_t, void *out) -> int {
        // The first object is the executable itself.
        for (int i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr) &ph = info->dlpi_phdr[i];
          if (ph.p_type != PT_NOTE)
            continue;
          const char *p = reinterpret_cast<const char *>(info->dlpi_addr + ph.p_vaddr);
          const char *end = p + ph.p_memsz;
          while (p + sizeof(ElfW(Nhdr)) <= end) {
            const auto *nh = reinterpret_cast<const ElfW(Nhdr) *>(p);
            const char *name = p + sizeof(ElfW(Nhdr));
            const char *desc = name + ((nh->n_namesz + 3) & ~3u);
            if (desc + nh->n_descsz > end)
              break;
            if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 &&
                std::memcmp(name, "GNU", 4) == 0) {
              static_cast<std::string *>(out)->assign(desc, nh->n_descsz);
              return 1;
            }
            p = desc + ((nh->n_descsz + 3) & ~3u);
          }
        }
        return 1;
      },
      &id);
  return id;
}

// Inside a team (purecc's own pool or a user's OpenMP team) several
// threads could ship at once; the backend takes one job at a time, from
// rank 0's serial code.
bool may_ship_from_this_thread() noexcept {
  return !t_in_node && detail::current_context() != detail::exec_context::in_team;
}
namespace detail {
std::atomic<std::uint64_t> g_call_offer_width{0};
constinit thread_local std::uint64_t t_call_width = 1;
} // namespace detail

// Inside a node, parallel calls stay on this process (like range calls):
// the node is already a piece the cluster handed out.
NodeScope::NodeScope() noexcept : outer_(t_in_node), outer_width_(detail::t_call_width) {
  t_in_node = true;
  detail::t_call_width = detail::kDeepCall;
}
NodeScope::~NodeScope() {
  t_in_node = outer_;
  detail::t_call_width = outer_width_;
}

ClusterBackend *active_cluster() noexcept { return g_backend.load(std::memory_order_acquire); }
void set_active_cluster(ClusterBackend *backend) noexcept {
  g_backend.store(backend, std::memory_order_release);
  set_call_cluster(backend);
}

ClusterBackend *call_cluster() noexcept { return g_call_backend.load(std::memory_order_acquire); }
void set_call_cluster(ClusterBackend *backend) noexcept {
  g_call_backend.store(backend, std::memory_order_release);
}

} // namespace purecc
