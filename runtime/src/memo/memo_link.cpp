// Completing memo fingerprints from the linked program (purecc/memo_link.h):
// reading the .note.purecc records and the build ids of the loaded modules,
// and MemoSite::link, which does it once per site.
#include "purecc/memo_link.h"
#include "purecc/memo_site.h"

#include <dlfcn.h>
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <sys/auxv.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstring>
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

/// A PT_LOAD segment without PF_W: code and read-only data, as mapped.
struct Segment {
  std::uintptr_t start;  // where it is mapped
  std::uint64_t vaddr;   // where the file puts it (p_vaddr)
  std::uint64_t filesz;  // its bytes from the file
  std::uint32_t flags;   // p_flags
};

/// One loaded module: where it is mapped, its build id, its records' text.
struct Module {
  std::string path; // "" for the main program
  bool vdso = false; // the kernel's vDSO: no file, none of the program's code
  std::vector<std::pair<std::uintptr_t, std::uintptr_t>> ranges;
  std::vector<Segment> fixed; // its PT_LOAD segments without PF_W
  std::vector<std::pair<std::uintptr_t, std::uintptr_t>> relro; // PT_GNU_RELRO, mapped
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
  // The vDSO is mapped by the kernel from no file (its name,
  // "linux-vdso.so.1", names none): it is known by its ELF header's address.
  const std::uintptr_t vdso = ::getauxval(AT_SYSINFO_EHDR);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const auto &ph = info->dlpi_phdr[i];
    const std::uintptr_t start = info->dlpi_addr + ph.p_vaddr;
    if (ph.p_type == PT_LOAD) {
      m.ranges.emplace_back(start, start + ph.p_memsz);
      m.vdso = m.vdso || (vdso != 0 && vdso >= start && vdso < start + ph.p_memsz);
      if (!(ph.p_flags & PF_W))
        m.fixed.push_back({start, ph.p_vaddr, ph.p_filesz, ph.p_flags});
    }
    if (ph.p_type == PT_GNU_RELRO)
      m.relro.emplace_back(start, start + ph.p_memsz);
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

/// An identity no other process has: nothing made with it is ever served.
std::string unique_identity() {
  return "process " + std::to_string(::getpid()) + " " +
         std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
}

/// The identity of a module: its build id, else a hash of the code and
/// read-only data that are mapped in this process (adv114 F3: it was a hash
/// of the module's file, read when the identity was asked for, which is not
/// the code loaded when the file was replaced after the module was loaded,
/// or when a relative path (LD_LIBRARY_PATH=.) names another file after a
/// chdir: the old code's values were stored under the new file's identity).
/// What is hashed: every PT_LOAD segment without PF_W (code, .rodata,
/// .dynsym, .rela.dyn, .eh_frame...), its file bytes as mapped, less any
/// PT_GNU_RELRO range: those bytes are the file's, whatever the load
/// address, since only writable segments (RELRO among them, made read-only
/// after relocation) are relocated. A module with text relocations
/// (DT_TEXTREL) has load-address-dependent code: its identity changes with
/// its address, a miss, never a stale value. A segment that cannot be read
/// (execute-only) makes the identity this process's own.
/// Hashes [from, to) of this process's own mapped memory into state,
/// through /proc/self/mem: the kernel copies it, so no sanitizer takes
/// bytes between the program's objects (a module's .rodata read whole) for
/// an overflow of one of them, as AddressSanitizer did of a direct read.
/// False when the memory cannot be read so.
bool hash_mapped(XXH3_state_t *state, int mem, std::uintptr_t from, std::uintptr_t to) {
  char buf[1 << 16];
  while (from < to) {
    const std::size_t want = std::min<std::uintptr_t>(sizeof buf, to - from);
    const ssize_t got = ::pread(mem, buf, want, static_cast<off_t>(from));
    if (got <= 0)
      return false;
    XXH3_128bits_update(state, buf, static_cast<std::size_t>(got));
    from += static_cast<std::uintptr_t>(got);
  }
  return true;
}

std::string module_identity(const Module &m) {
  if (!m.build_id.empty())
    return "build-id " + m.build_id;
  bool readable = !m.fixed.empty();
  for (const Segment &s : m.fixed)
    readable = readable && (s.flags & PF_R);
  if (!readable)
    return unique_identity();
  const int mem = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
  if (mem < 0)
    return unique_identity();
  XXH3_state_t *state = XXH3_createState();
  if (!state) {
    ::close(mem);
    return unique_identity();
  }
  XXH3_128bits_reset(state);
  XXH3_128bits_update(state, "purecc-mapped 1\n", 16);
  bool read = true;
  for (const Segment &s : m.fixed) {
    const std::uint64_t header[3] = {s.vaddr, s.filesz, s.flags};
    XXH3_128bits_update(state, header, sizeof header);
    // [start, end) less the RELRO ranges that overlap it, in address order.
    std::vector<std::pair<std::uintptr_t, std::uintptr_t>> cuts;
    const std::uintptr_t end = s.start + s.filesz;
    for (auto [lo, hi] : m.relro)
      if (lo < end && hi > s.start)
        cuts.emplace_back(std::max(lo, s.start), std::min(hi, end));
    std::sort(cuts.begin(), cuts.end());
    std::uintptr_t at = s.start;
    for (auto [lo, hi] : cuts) {
      if (lo > at)
        read = read && hash_mapped(state, mem, at, lo);
      const std::uint64_t skipped[2] = {lo - s.start, hi - lo};
      XXH3_128bits_update(state, skipped, sizeof skipped);
      at = std::max(at, hi);
    }
    if (end > at)
      read = read && hash_mapped(state, mem, at, end);
  }
  ::close(mem);
  const XXH128_hash_t h = XXH3_128bits_digest(state);
  XXH3_freeState(state);
  if (!read)
    return unique_identity();
  return "mapped " + Hash128{h.high64, h.low64}.hex();
}

/// Identities of the running process's modules, for LinkedProgram::current.
class ProcessModules {
public:
  explicit ProcessModules(std::vector<Module> modules) : modules_(std::move(modules)) {}

  std::string identity(const std::string &symbol, const void *) const {
    if (symbol != kProgram)
      if (void *addr = ::dlsym(RTLD_DEFAULT, symbol.c_str())) {
        const Module *owner = owner_of(reinterpret_cast<std::uintptr_t>(addr));
        // In a module loaded after this list was read (by another thread,
        // since current() reads the list again after every dlopen): its
        // identity is unknown here, so nothing is shared.
        if (!owner)
          return unique_identity();
        if (!owner->path.empty())
          return module_identity(*owner);
        return in_program(symbol, *owner);
      }
    // Not exported: defined in some module's own code, which may be a
    // shared library rebuilt without relinking the program. A virtual call:
    // an override may be in any module (adv112 F1: the override in libv.so,
    // rebuilt alone, was served from the cache when this was the program's
    // and the site's module only). So both stand for every module.
    return program();
  }

private:
  /// A symbol the dynamic linker finds in the main program may be a
  /// library's: a PIE's copy relocation of a library's `const long K`
  /// (R_X86_64_COPY: the program holds a copy of the library's initializer),
  /// a non-PIE program's canonical PLT entry for a library function whose
  /// address it takes (adv114 F2: the program's build id stood for it, and
  /// rebuilding only libk.so served the old values). So it stands for the
  /// program and for every other module that defines it itself.
  std::string in_program(const std::string &symbol, const Module &program) const {
    std::vector<std::string> ids{module_identity(program)};
    for (const Module &m : modules_) {
      if (&m == &program || m.vdso || m.path.empty())
        continue;
      void *handle = ::dlopen(m.path.c_str(), RTLD_NOLOAD | RTLD_LAZY);
      if (!handle)
        continue;
      // dlsym on a handle searches the module and then its dependencies:
      // only an answer inside the module itself is its definition.
      void *addr = ::dlsym(handle, symbol.c_str());
      if (addr && owner_of(reinterpret_cast<std::uintptr_t>(addr)) == &m)
        ids.push_back(module_identity(m));
      ::dlclose(handle);
    }
    if (ids.size() == 1)
      return ids.front();
    std::sort(ids.begin() + 1, ids.end());
    std::string out = ids.front();
    for (std::size_t i = 1; i < ids.size(); ++i)
      out += "; " + ids[i];
    return out;
  }

  /// The identities of every module loaded when the process's records were
  /// read (the vDSO aside), sorted: computed once, at the first site that
  /// needs it, since modules without a build id cost a read of their file.
  const std::string &program() const {
    std::call_once(program_once_, [this] {
      std::vector<std::string> ids;
      for (const Module &m : modules_)
        if (!m.vdso)
          ids.push_back(module_identity(m));
      if (ids.empty()) // no module found: the main program, read from its file
        ids.push_back(module_identity(Module{}));
      std::sort(ids.begin(), ids.end());
      for (const std::string &id : ids)
        program_ += (program_.empty() ? "" : "; ") + id;
    });
    return program_;
  }

  const Module *owner_of(std::uintptr_t addr) const {
    for (const Module &m : modules_)
      for (auto [lo, hi] : m.ranges)
        if (addr >= lo && addr < hi)
          return &m;
    return nullptr;
  }
  std::vector<Module> modules_;
  mutable std::once_flag program_once_;
  mutable std::string program_;
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

namespace {

/// What says whether the modules loaded changed: glibc's count of modules
/// loaded and unloaded so far (dlpi_adds, dlpi_subs), else the list of
/// modules' names and addresses.
struct LoadState {
  unsigned long long adds = 0, subs = 0;
  std::vector<std::pair<std::uintptr_t, std::string>> modules;
  friend bool operator==(const LoadState &, const LoadState &) = default;
};

LoadState load_state() {
  LoadState state;
  ::dl_iterate_phdr(
      [](dl_phdr_info *info, std::size_t size, void *data) {
        auto &s = *static_cast<LoadState *>(data);
        if (size >= offsetof(dl_phdr_info, dlpi_subs) + sizeof info->dlpi_subs) {
          s.adds = info->dlpi_adds;
          s.subs = info->dlpi_subs;
          return 1; // the counts say it all
        }
        s.modules.emplace_back(info->dlpi_addr, info->dlpi_name ? info->dlpi_name : "");
        return 0;
      },
      &state);
  return state;
}

const LinkedProgram *read_process() {
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
}

} // namespace

const LinkedProgram &LinkedProgram::current() {
  // The records and modules are read again whenever a module was loaded or
  // unloaded since they were read (adv114 F1: read once, at the first site,
  // a plugin dlopen'ed afterwards had no records and no identity, and its
  // sites were keyed as if it were not there: rebuilding it served the old
  // values). An unload counts too: another module may now be mapped where
  // the unloaded one was, and no entry of the old list may stand for it.
  // Each program read is kept, never destroyed: memoized calls may run
  // during static destruction, and a caller may hold an older one.
  // Every one stays reachable from `kept` (a leak checker reported the
  // earlier ones once `program` moved on).
  static constinit std::mutex mutex;
  static const LinkedProgram *program = nullptr;
  static LoadState *read_at = nullptr;
  static std::vector<const LinkedProgram *> *kept = nullptr;
  std::lock_guard<std::mutex> lock(mutex);
  LoadState now = load_state(); // before reading: a later load reads again
  if (!program || !read_at || !(*read_at == now)) {
    program = read_process();
    if (!kept)
      kept = new std::vector<const LinkedProgram *>;
    kept->push_back(program);
    if (!read_at)
      read_at = new LoadState;
    *read_at = std::move(now);
  }
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
