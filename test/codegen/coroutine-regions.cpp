// In a coroutine, sibling calls whose region (a '?:' branch, an 'if'
// condition) also holds a 'co_await' or 'co_yield' stay serial: the region
// would become the body of a lambda, which cannot suspend the coroutine, and
// the unit would not compile (adv32 t08). A statement of sibling calls
// without one is rewritten as anywhere else.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <coroutine>
#include <cstdio>
#include <exception>

[[pure]] long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

struct Ready {
  long v;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  long await_resume() const noexcept { return v; }
};

struct Task {
  struct promise_type {
    long val = 0;
    Task get_return_object() { return Task{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(long v) { val = v; }
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
  Task(const Task &) = delete;
  Task &operator=(const Task &) = delete;
  explicit Task(std::coroutine_handle<promise_type> hh) : h(hh) {}
  ~Task() { h.destroy(); }
};

Task co(long k) {
  long r = k > 0 ? fib(k) + fib(k - 1) + co_await Ready{k} : 0;
  // REMARK-DAG: coroutine-regions.cpp:[[@LINE-1]]:20: remark: calls to 'fib' and 'fib' not parallelized: the expression around them uses 'co_await', which a lambda cannot hold [purecc-missed-parallel-calls]
  if (fib(k + 1) + fib(k - 2) > co_await Ready{k})
    // REMARK-DAG: coroutine-regions.cpp:[[@LINE-1]]:7: remark: calls to 'fib' and 'fib' not parallelized: the expression around them uses 'co_await', which a lambda cannot hold [purecc-missed-parallel-calls]
    r += 1;
  long a = fib(k - 3);
  long b = fib(k - 4);
  // REMARK-DAG: coroutine-regions.cpp:[[@LINE-2]]:12: remark: calls to 'fib' and 'fib' run in parallel [purecc-parallel-calls]
  co_return r + a + b;
}

int main(int argc, char **) {
  Task t = co(20 + argc);
  std::printf("%ld\n", t.h.promise().val);
}
// OUT: 21914
