// The runtime's own version, part of every memo key's namespace so that a
// new runtime never reads results written by an incompatible one.
#include "purecc/version.h"

namespace purecc {
const char *runtime_version() noexcept { return PURECC_VERSION_STRING; }
} // namespace purecc
