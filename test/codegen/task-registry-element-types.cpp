// In a distributed build, a map whose elements cannot travel to other ranks
// runs on this process only; the remark names the element type as the user
// wrote it ('P', 'std::string', the user's typedef), not as the library's
// 'value_type'.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --implicit-check-not=purecc-task

#define PURECC_DISTRIBUTED 1

#include <string>
#include <vector>

[[pure]] long heavy(long i) {
  long s = 0;
  for (long k = 0; k < 40; ++k)
    s += (i * 31 + k) % 11 - 5;
  return s;
}

struct P { // a plain aggregate: its codec is generated, which a map does not do
  long v;
};
[[pure]] P mk(long i) { return P{heavy(i)}; }

class Opaque { // private members: no generated codec
public:
  Opaque() = default;
  explicit Opaque(long v) : v_(v) {}
private:
  long v_ = 0;
};
using Box = Opaque;
[[pure]] Box box(long i) { return Box(heavy(i)); }

[[pure]] const char *word(long i) { return heavy(i) > 0 ? "up" : "down"; }

int main() {
  const long n = 3000;
  std::vector<P> ps(n);
  for (long i = 0; i < n; ++i)
    ps[i] = mk(i);
  // CHECK: task-registry-element-types.cpp:[[@LINE-2]]:3: remark: this map runs on this process only, not on other ranks: its elements cannot travel: 'P' has no 'purecc::codec' [purecc-task-local]

  std::vector<Box> boxes(n);
  for (long i = 0; i < n; ++i)
    boxes[i] = box(i);
  // CHECK: task-registry-element-types.cpp:[[@LINE-2]]:3: remark: this map runs on this process only, not on other ranks: its elements cannot travel: 'Box' is not a simple aggregate; specialize 'purecc::codec<Box>' for it [purecc-task-local]

  using Boxes = std::vector<Box>; // through the user's alias of the container
  Boxes more(n);
  for (long i = 0; i < n; ++i)
    more[i] = box(i + 1);
  // CHECK: task-registry-element-types.cpp:[[@LINE-2]]:3: remark: this map runs on this process only, not on other ranks: its elements cannot travel: 'Box' is not a simple aggregate; specialize 'purecc::codec<Box>' for it [purecc-task-local]

  std::vector<std::string> words(n);
  for (long i = 0; i < n; ++i)
    words[i] = word(i);
  // CHECK: task-registry-element-types.cpp:[[@LINE-2]]:3: remark: this map runs on this process only, not on other ranks: the element's assignment converts 'const char *' to 'std::string' [purecc-task-local]
  return ps[0].v > 0 && words[0].empty() ? 1 : 0;
}
