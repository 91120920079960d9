// purecc/version.h — the runtime library's version.
//
//   std::printf("purecc runtime %s\n", purecc::runtime_version());
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

namespace purecc {
/// The purecc version this runtime was built from, e.g. "0.1.0".
const char *runtime_version() noexcept;
} // namespace purecc
