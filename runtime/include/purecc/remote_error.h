// purecc/remote_error.h — an exception that a task threw in another process.
//
// Why: exceptions cannot travel as objects. A task that throws on a remote
// worker is caught there and sent back as (type name, what()); rank 0's
// caller then sees the standard exception types (std::runtime_error,
// std::out_of_range, std::bad_alloc, ... — exactly those types, not classes
// derived from them) rethrown as themselves with their message, and every
// other type as purecc::remote_error, which names the original type, its
// message, and where it ran.
//
// Usage:
//   try { total = purecc::distributed_reduce(task, 0, n, 0.0); }
//   catch (const purecc::remote_error &e) {
//     std::fprintf(stderr, "%s on rank %d (%s): %s\n", e.type_name().c_str(),
//                  e.rank(), e.host().c_str(), e.message().c_str());
//   }
#pragma once
// A library's warnings are its own business: a user's -Wshadow must not
// fire on our locals because a global of theirs is named 'f' (hdr22).
// purecc's own targets define PURECC_RUNTIME_OWN_WARNINGS to see them.
#ifndef PURECC_RUNTIME_OWN_WARNINGS
#pragma GCC system_header
#endif

#include <exception>
#include <stdexcept>
#include <string>

namespace purecc {

class remote_error : public std::runtime_error {
public:
  /// what() reads "<type>: <message>" ("<type>" for an empty message):
  /// the same text whichever rank ran the task, so a program that prints
  /// it prints the same line in every run; rank() and host() say where.
  remote_error(std::string type_name, std::string message, int rank, std::string host);
  const std::string &type_name() const noexcept { return type_name_; }
  const std::string &message() const noexcept { return message_; }
  int rank() const noexcept { return rank_; }
  const std::string &host() const noexcept { return host_; }

private:
  std::string type_name_;
  std::string message_;
  int rank_;
  std::string host_;
};

namespace detail {

/// The demangled dynamic type and what() of the exception being handled
/// (call inside a catch block); what() is "" for non-std::exception types.
/// A purecc::remote_error gives the type and message it carries: an
/// exception described once keeps that description as it travels on.
///   catch (...) { auto [type, what] = purecc::detail::describe_current_exception(); }
struct exception_description {
  std::string type_name;
  std::string what;
};
exception_description describe_current_exception();

/// The exception to rethrow on rank 0 for a description received from
/// `rank` on `host`: a standard type as itself, anything else remote_error.
///   std::rethrow_exception(purecc::detail::make_remote_exception(d, 1, "node7"));
std::exception_ptr make_remote_exception(const exception_description &d, int rank,
                                         const std::string &host);

/// The exception being handled (call inside a catch block) as a cluster
/// run reports it whichever rank ran the code: a purecc::remote_error (one
/// that came from another rank) and the standard types as themselves,
/// anything else as remote_error naming `rank` and this host. Why: under a
/// cluster, whether a branch or node runs here or elsewhere depends on
/// timing, and the type a caller catches must not.
///   catch (...) { failure = purecc::detail::as_cluster_exception(0); }
std::exception_ptr as_cluster_exception(int rank);

} // namespace detail
} // namespace purecc
