// The secret of the shared memo tier and its HMAC-SHA-256 tags
// (purecc/shared_secret.h). The MAC is libcrypto's; nothing here is
// cryptography of our own.
#include "purecc/shared_secret.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace purecc {

std::optional<SharedSecret> SharedSecret::from_file(const std::filesystem::path &file,
                                                    std::string &error) {
  // Open first, then check the opened file: no window between check and use.
  // O_NONBLOCK: a FIFO would block the open until a writer came (adv95
  // F4); a regular file reads the same with it.
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) {
    error = std::string("cannot be read: ") + std::strerror(errno);
    return std::nullopt;
  }
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat st{};
  if (::fstat(fd, &st) != 0) {
    error = std::string("cannot be read: ") + std::strerror(errno);
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    error = "is not a regular file";
    return std::nullopt;
  }
  if (st.st_uid != ::geteuid()) {
    error = "is not owned by the user running the program";
    return std::nullopt;
  }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    error = (st.st_mode & (S_IRWXG)) != 0 ? "is readable or writable by its group (chmod 600 it)"
                                           : "is readable or writable by others (chmod 600 it)";
    return std::nullopt;
  }
  if (st.st_size > (1 << 20)) {
    error = "is larger than 1 MiB";
    return std::nullopt;
  }
  std::string bytes;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      error = std::string("cannot be read: ") + std::strerror(errno);
      return std::nullopt;
    }
    if (n == 0)
      break;
    bytes.append(buf, static_cast<std::size_t>(n));
  }
  while (!bytes.empty() && (bytes.back() == '\n' || bytes.back() == '\r'))
    bytes.pop_back();
  if (bytes.empty()) {
    error = "is empty";
    return std::nullopt;
  }
  std::optional<SharedSecret> secret = from_bytes(std::move(bytes));
  if (!secret)
    error = "holds fewer than " + std::to_string(kMinSecretBytes) + " bytes";
  return secret;
}

namespace {
/// libcrypto's HMAC, fetched once (a fetch searches the provider tables) and
/// shared by threads. The first call initializes libcrypto without its exit
/// handler: entries are signed by the shared tier's writer thread, which
/// runs until purecc's own exit handler has sent the last batch; an
/// OPENSSL_cleanup registered after that handler would run before it and
/// leave the writer signing with a freed library.
EVP_MAC *hmac_algorithm() {
  static EVP_MAC *const mac = [] {
    OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr);
    return EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  }();
  return mac;
}
} // namespace

std::optional<SharedSecret> SharedSecret::from_bytes(std::string bytes) {
  if (bytes.size() < kMinSecretBytes)
    return std::nullopt;
  hmac_algorithm(); // initialize libcrypto now, before any exit handler of ours
  return SharedSecret(std::move(bytes));
}

SharedSecret::Tag SharedSecret::sign(std::initializer_list<std::string_view> parts) const {
  Tag tag{};
  // HMAC_CTX is deprecated in OpenSSL 3; EVP_MAC is its replacement.
  EVP_MAC *const mac = hmac_algorithm();
  EVP_MAC_CTX *ctx = mac ? EVP_MAC_CTX_new(mac) : nullptr;
  char digest[] = "SHA256";
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0), OSSL_PARAM_construct_end()};
  bool ok = ctx && EVP_MAC_init(ctx, reinterpret_cast<const unsigned char *>(bytes_.data()),
                                bytes_.size(), params) == 1;
  for (std::string_view p : parts)
    ok = ok && EVP_MAC_update(ctx, reinterpret_cast<const unsigned char *>(p.data()), p.size()) == 1;
  std::size_t len = 0;
  ok = ok && EVP_MAC_final(ctx, tag.data(), &len, tag.size()) == 1 && len == tag.size();
  EVP_MAC_CTX_free(ctx);
  if (!ok)
    tag.fill(0); // never verifies: verify() recomputes and rejects a zero tag
  return tag;
}

bool SharedSecret::verify(std::initializer_list<std::string_view> parts, std::string_view tag) const {
  if (tag.size() != kTagBytes)
    return false;
  const Tag expected = sign(parts);
  const Tag zero{};
  if (expected == zero)
    return false; // libcrypto failed: nothing verifies
  return CRYPTO_memcmp(expected.data(), tag.data(), kTagBytes) == 0;
}

} // namespace purecc
