// Remote exceptions: describing one on the worker, rebuilding it on rank 0.
#include "purecc/remote_error.h"

#include <cstdlib>
#include <cxxabi.h>
#include <memory>
#include <new>
#include <typeinfo>
#include <unistd.h>

namespace purecc {

remote_error::remote_error(std::string type_name, std::string message, int rank, std::string host)
    : std::runtime_error(message.empty() ? type_name : type_name + ": " + message),
      type_name_(std::move(type_name)), message_(std::move(message)), rank_(rank),
      host_(std::move(host)) {}

namespace detail {
namespace {

std::string demangle(const char *mangled) {
  int status = 0;
  std::unique_ptr<char, void (*)(void *)> out(abi::__cxa_demangle(mangled, nullptr, nullptr, &status),
                                              std::free);
  return status == 0 && out ? std::string(out.get()) : std::string(mangled);
}

} // namespace

exception_description describe_current_exception() {
  exception_description d;
  try {
    throw;
  } catch (const remote_error &e) {
    // Described once, where it was thrown: a branch a worker handed back
    // to rank 0 threw there, and travels on to rank 0's caller as the
    // original type and message, not as "purecc::remote_error".
    d.type_name = e.type_name();
    d.what = e.message();
    return d;
  } catch (const std::exception &e) {
    d.what = e.what();
  } catch (...) {
  }
  const std::type_info *type = abi::__cxa_current_exception_type();
  d.type_name = type ? demangle(type->name()) : "unknown exception";
  return d;
}

std::exception_ptr make_remote_exception(const exception_description &d, int rank,
                                         const std::string &host) {
  const std::string &t = d.type_name;
  const std::string &m = d.what;
  // Exactly these types (a user class derived from one is not "itself").
  if (t == "std::runtime_error") return std::make_exception_ptr(std::runtime_error(m));
  if (t == "std::logic_error") return std::make_exception_ptr(std::logic_error(m));
  if (t == "std::invalid_argument") return std::make_exception_ptr(std::invalid_argument(m));
  if (t == "std::domain_error") return std::make_exception_ptr(std::domain_error(m));
  if (t == "std::length_error") return std::make_exception_ptr(std::length_error(m));
  if (t == "std::out_of_range") return std::make_exception_ptr(std::out_of_range(m));
  if (t == "std::range_error") return std::make_exception_ptr(std::range_error(m));
  if (t == "std::overflow_error") return std::make_exception_ptr(std::overflow_error(m));
  if (t == "std::underflow_error") return std::make_exception_ptr(std::underflow_error(m));
  if (t == "std::bad_alloc") return std::make_exception_ptr(std::bad_alloc());
  return std::make_exception_ptr(remote_error(t, m, rank, host));
}

std::exception_ptr as_cluster_exception(int rank) {
  try {
    throw;
  } catch (const remote_error &) {
    return std::current_exception(); // described once, where it was thrown
  } catch (...) {
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0)
      host[0] = '?';
    return make_remote_exception(describe_current_exception(), rank, host);
  }
}

} // namespace detail
} // namespace purecc
