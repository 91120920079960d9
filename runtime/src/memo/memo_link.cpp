// Completing memo fingerprints from the linked program (purecc/memo_link.h):
// reading the .note.purecc records and the build ids of the loaded modules,
// and MemoSite::link, which does it once per site.
#include "purecc/memo_link.h"
#include "purecc/memo_site.h"

#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>

namespace purecc {
namespace {

constexpr std::uint32_t kNoteType = 1; // the record format; a new one gets a new type
constexpr std::string_view kProgram = "@program";

bool parse_hex64(std::string_view s, std::uint64_t &v) {
  v = 0;
  for (char c : s) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0)
      return false;
    v = v << 4 | static_cast<std::uint64_t>(d);
  }
  return true;
}

std::vector<std::string_view> words(std::string_view line) {
  std::vector<std::string_view> out;
  while (!line.empty()) {
    const std::size_t start = line.find_first_not_of(' ');
    if (start == std::string_view::npos)
      break;
    line.remove_prefix(start);
    const std::size_t end = std::min(line.find(' '), line.size());
    out.push_back(line.substr(0, end));
    line.remove_prefix(end);
  }
  return out;
}

/// One loaded module: where it is mapped, its build id, its records' text.
struct Module {
  std::string path; // "" for the main program
  std::vector<std::pair<std::uintptr_t, std::uintptr_t>> ranges;
  std::string build_id; // hex, or ""
  std::vector<std::string> notes;
};

std::string hex_bytes(const unsigned char *p, std::size_t n) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += digits[p[i] >> 4];
    out += digits[p[i] & 15];
  }
  return out;
}

int scan_module(dl_phdr_info *info, std::size_t, void *data) {
  auto &modules = *static_cast<std::vector<Module> *>(data);
  Module m;
  m.path = info->dlpi_name ? info->dlpi_name : "";
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const auto &ph = info->dlpi_phdr[i];
    const std::uintptr_t start = info->dlpi_addr + ph.p_vaddr;
    if (ph.p_type == PT_LOAD)
      m.ranges.emplace_back(start, start + ph.p_memsz);
    if (ph.p_type != PT_NOTE)
      continue;
    const std::size_t align = ph.p_align == 8 ? 8 : 4;
    auto pad = [align](std::size_t n) { return (n + align - 1) / align * align; };
    const auto *p = reinterpret_cast<const unsigned char *>(start);
    const unsigned char *end = p + ph.p_memsz;
    while (end - p >= 12) {
      std::uint32_t namesz, descsz, type;
      std::memcpy(&namesz, p, 4);
      std::memcpy(&descsz, p + 4, 4);
      std::memcpy(&type, p + 8, 4);
      const unsigned char *name = p + 12;
      if (static_cast<std::size_t>(end - name) < pad(namesz))
        break;
      const unsigned char *desc = name + pad(namesz);
      if (static_cast<std::size_t>(end - desc) < descsz)
        break;
      const std::string_view n(reinterpret_cast<const char *>(name), namesz);
      if (n == std::string_view("GNU\0", 4) && type == NT_GNU_BUILD_ID)
        m.build_id = hex_bytes(desc, descsz);
      else if (n == std::string_view("purecc\0", 7) && type == kNoteType)
        m.notes.emplace_back(reinterpret_cast<const char *>(desc),
                             strnlen(reinterpret_cast<const char *>(desc), descsz));
      p = desc + pad(descsz);
    }
  }
  modules.push_back(std::move(m));
  return 0;
}

/// The identity of a module: its build id, else the hash of its file, else
/// (unreadable) one that no other process has, so nothing is shared.
std::string module_identity(const Module &m) {
  if (!m.build_id.empty())
    return "build-id " + m.build_id;
  std::ifstream in(m.path.empty() ? "/proc/self/exe" : m.path, std::ios::binary);
  if (in) {
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.bad())
      return "file " + xxh3_128(bytes).hex();
  }
  return "process " + std::to_string(::getpid()) + " " +
         std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
}

/// Identities of the running process's modules, for LinkedProgram::current.
class ProcessModules {
public:
  explicit ProcessModules(std::vector<Module> modules) : modules_(std::move(modules)) {}

  std::string identity(const std::string &symbol, const void *caller) const {
    if (symbol != kProgram)
      if (void *addr = ::dlsym(RTLD_DEFAULT, symbol.c_str()))
        if (const Module *owner = owner_of(reinterpret_cast<std::uintptr_t>(addr)))
          return module_identity(*owner);
    // Not exported: defined in the caller's module, which may be a shared
    // library rebuilt without relinking the program. A virtual call: an
    // override may be in either.
    std::string id = modules_.empty() ? module_identity(Module{}) : module_identity(modules_.front());
    if (const Module *own = owner_of(reinterpret_cast<std::uintptr_t>(caller));
        own && own != &modules_.front())
      id += "; " + module_identity(*own);
    return id;
  }

private:
  const Module *owner_of(std::uintptr_t addr) const {
    for (const Module &m : modules_)
      for (auto [lo, hi] : m.ranges)
        if (addr >= lo && addr < hi)
          return &m;
    return nullptr;
  }
  std::vector<Module> modules_;
};

} // namespace

std::size_t parse_link_records(std::string_view text, std::vector<LinkRecord> &out) {
  // The compiler that built the unit (`@unit <its __VERSION__>`, the
  // note's last line): the same tokens built by g++ and clang++, which fold
  // `std::log1p(0.7L)` to different last bits (adv95 F1), are different
  // code. Each of the unit's fingerprints is taken with it.
  std::string_view unit;
  for (std::string_view rest = text; !rest.empty();) {
    const std::size_t eol = std::min(rest.find('\n'), rest.size());
    if (rest.substr(0, eol).substr(0, 6) == "@unit ")
      unit = rest.substr(6, eol - 6);
    rest.remove_prefix(std::min(eol + 1, rest.size()));
  }
  const std::size_t first = out.size();
  std::size_t skipped = 0;
  while (!text.empty()) {
    const std::size_t eol = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, eol);
    text.remove_prefix(std::min(eol + 1, text.size()));
    if (line.empty() || line.substr(0, 6) == "@unit ")
      continue;
    const std::vector<std::string_view> w = words(line);
    LinkRecord r;
    if (w.size() < 2 || w[1].size() != 32 || !parse_hex64(w[1].substr(0, 16), r.local.hi) ||
        !parse_hex64(w[1].substr(16), r.local.lo)) {
      ++skipped;
      continue;
    }
    r.symbol = w[0];
    for (std::size_t i = 2; i < w.size(); ++i)
      r.external.emplace_back(w[i]);
    out.push_back(std::move(r));
  }
  if (!unit.empty())
    for (std::size_t i = first; i < out.size(); ++i) {
      std::string bytes = "purecc-unit 1\n";
      bytes.append(reinterpret_cast<const char *>(&out[i].local.hi), sizeof out[i].local.hi);
      bytes.append(reinterpret_cast<const char *>(&out[i].local.lo), sizeof out[i].local.lo);
      bytes.append(unit);
      out[i].local = xxh3_128(bytes);
    }
  return skipped;
}

LinkedProgram::LinkedProgram(std::vector<LinkRecord> records, Identity identity)
    : records_(std::move(records)), identity_(std::move(identity)) {
  for (const LinkRecord &r : records_)
    by_symbol_[r.symbol].push_back(&r);
}

const LinkedProgram &LinkedProgram::current() {
  // Never destroyed: memoized calls may run during static destruction.
  static const LinkedProgram *const program = [] {
    std::vector<Module> modules;
    ::dl_iterate_phdr(scan_module, &modules);
    std::vector<LinkRecord> records;
    for (const Module &m : modules)
      for (const std::string &note : m.notes)
        parse_link_records(note, records);
    auto process = std::make_shared<const ProcessModules>(std::move(modules));
    return new LinkedProgram(std::move(records), [process](const std::string &symbol, const void *caller) {
      return process->identity(symbol, caller);
    });
  }();
  return *program;
}

const std::string &LinkedProgram::identity_of(const std::string &symbol, const void *caller) const {
  std::string key = symbol + '\n' + std::to_string(reinterpret_cast<std::uintptr_t>(caller));
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = identities_.find(key);
  if (it == identities_.end())
    it = identities_.emplace(std::move(key), identity_(symbol, caller)).first;
  return it->second;
}

Hash128 LinkedProgram::complete(const Hash128 &local, std::string_view linked,
                                const void *caller) const {
  // Everything reachable from the linked symbols through the records; a
  // cycle only means a symbol is reached twice.
  std::set<std::string> reached;
  std::vector<std::string> pending;
  for (std::string_view w : words(linked))
    pending.emplace_back(w);
  while (!pending.empty()) {
    std::string symbol = std::move(pending.back());
    pending.pop_back();
    if (!reached.insert(symbol).second)
      continue;
    if (auto it = by_symbol_.find(symbol); it != by_symbol_.end())
      for (const LinkRecord *r : it->second)
        for (const std::string &e : r->external)
          if (!reached.count(e))
            pending.push_back(e);
  }
  if (reached.empty())
    return local;
  std::string input = "purecc-link 1\n";
  ByteWriter w(input);
  w.uint(local.hi);
  w.uint(local.lo);
  for (const std::string &symbol : reached) {
    input += symbol;
    input += '\n';
    auto it = by_symbol_.find(symbol);
    if (it == by_symbol_.end()) {
      input += "=" + identity_of(symbol, caller) + "\n";
      continue;
    }
    // A symbol several units define (interposed, or an ODR violation)
    // depends on all of them.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> parts;
    for (const LinkRecord *r : it->second)
      parts.emplace_back(r->local.hi, r->local.lo);
    std::sort(parts.begin(), parts.end());
    for (auto [hi, lo] : parts) {
      w.uint(hi);
      w.uint(lo);
    }
  }
  return xxh3_128(input);
}

const Hash128 &MemoSite::link() const noexcept {
  // One lock for all sites: linking happens once per site per process.
  static constinit std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  if (!linked_ready_.load(std::memory_order_relaxed)) {
    try {
      linked_fingerprint_ = LinkedProgram::current().complete(fingerprint_, linked_, this);
    } catch (...) {
      // Out of memory while linking: a fingerprint no other process uses,
      // so the disk tier never serves this site a result made elsewhere.
      static std::atomic<std::uint64_t> salt{0};
      const auto now = static_cast<std::uint64_t>(
          std::chrono::steady_clock::now().time_since_epoch().count());
      linked_fingerprint_ = Hash128{fingerprint_.hi ^ static_cast<std::uint64_t>(::getpid()),
                                    fingerprint_.lo ^ now ^ ~salt.fetch_add(1)};
    }
    linked_ready_.store(true, std::memory_order_release);
  }
  return linked_fingerprint_;
}

} // namespace purecc
