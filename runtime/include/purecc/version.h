// purecc/version.h — the runtime library's version.
//
//   std::printf("purecc runtime %s\n", purecc::runtime_version());
#pragma once

namespace purecc {
/// The purecc version this runtime was built from, e.g. "0.1.0".
const char *runtime_version() noexcept;
} // namespace purecc
