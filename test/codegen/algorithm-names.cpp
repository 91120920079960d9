// A standard algorithm rewritten in parallel (std::transform, accumulate,
// reduce, transform_reduce, count_if) indexes its range with `purecc_k` and
// keeps the function applied in a capture `purecc_op`, unless the file uses
// those names: then both are fresh, so the index shadows no local of the
// user's (the %e2e harness compiles with -Wshadow -Werror) and a container
// named `purecc_op` is still the container.
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <algorithm>
#include <cstdio>
#include <functional>
#include <numeric>
#include <vector>

[[pure]] long heavy(long x) {
  long h = x;
  for (int k = 0; k < 40; ++k)
    h = (h * 1103515245 + 12345) % 2147483647;
  return h % 1000;
}

int main(int argc, char **) {
  const long purecc_k = argc + 1;
  std::vector<long> in(3000 + argc), out(in.size());
  std::iota(in.begin(), in.end(), 0L);
  std::transform(in.begin(), in.end(), out.begin(), [purecc_k](long x) { return heavy(x) * purecc_k; });
  // CHECK: {{^}}  ::purecc::parallel_for(0, static_cast<std::int64_t>(in.size()), [&, [[OP:purecc_op[0-9]+]] = ([purecc_k](long x) { return heavy(x) * purecc_k; })](std::int64_t [[K:purecc_k[0-9]+]]) { out[static_cast<std::size_t>([[K]])] = [[OP]](in[static_cast<std::size_t>([[K]])]); });
  // REMARK: algorithm-names.cpp:[[@LINE-2]]:3: remark: call to 'std::transform' rewritten as a parallel map [purecc-parallel-algorithm]

  std::vector<long> purecc_op(in.size(), 3);
  long total = std::transform_reduce(purecc_op.begin(), purecc_op.end(), 0L, std::plus<>(),
                                     [](long x) { return heavy(x); });
  // CHECK: {{^}}  long total = ::purecc::wrapping_add<long>(0L, ::purecc::parallel_reduce(0, static_cast<std::int64_t>(purecc_op.size()), long{}, [&, [[OP2:purecc_op[0-9]+]] = ([](long x) { return heavy(x); })](std::int64_t [[K2:purecc_k[0-9]+]]) -> long { return [[OP2]](purecc_op[static_cast<std::size_t>([[K2]])]); },
  // REMARK: algorithm-names.cpp:[[@LINE-3]]:16: remark: call to 'std::transform_reduce' rewritten as a parallel reduction [purecc-parallel-algorithm]
  long dot = std::transform_reduce(out.begin(), out.end(), purecc_op.begin(), 0L);
  // CHECK: {{^}}  long dot = ::purecc::wrapping_add<long>(0L, ::purecc::parallel_reduce(0, static_cast<std::int64_t>(out.size()), long{}, [&](std::int64_t [[K3:purecc_k[0-9]+]]) -> long { return out[static_cast<std::size_t>([[K3]])] * purecc_op[static_cast<std::size_t>([[K3]])]; },
  long odd = std::count_if(out.begin(), out.end(), [purecc_k](long x) { return heavy(x + purecc_k) % 2 == 1; });
  // CHECK: {{^}}  long odd = ::purecc::parallel_reduce(0, static_cast<std::int64_t>(out.size()), long{}, [&, [[OP4:purecc_op[0-9]+]] = ([purecc_k](long x) { return heavy(x + purecc_k) % 2 == 1; })](std::int64_t [[K4:purecc_k[0-9]+]]) -> long { return [[OP4]](out[static_cast<std::size_t>([[K4]])]) ? 1 : 0; },
  long sum = std::accumulate(purecc_op.begin(), purecc_op.end(), purecc_k);
  // CHECK: {{^}}  long sum = ::purecc::wrapping_add<long>(purecc_k, ::purecc::parallel_reduce(0, static_cast<std::int64_t>(purecc_op.size()), long{}, [&](std::int64_t [[K5:purecc_k[0-9]+]]) -> long { return purecc_op[static_cast<std::size_t>([[K5]])]; },
  std::printf("%ld %ld %ld %ld %ld\n", out[7], total, dot, odd, sum);
  // OUT: 550 1521507 8993508 1491 9005
  return 0;
}
