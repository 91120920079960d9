// CORPUS: pure
// array, deque, list, priority_queue, bitset and vector<bool> as locals.
#include <array>
#include <bitset>
#include <deque>
#include <list>
#include <queue>
#include <vector>
[[pure]] int mix(int n) {
  std::array<int, 4> a{1, 2, 3, 4};
  std::deque<int> d(a.begin(), a.end());
  d.push_front(n);
  std::list<int> l(d.begin(), d.end());
  l.reverse();
  std::priority_queue<int> q(l.begin(), l.end());
  std::bitset<8> b(static_cast<unsigned>(n));
  std::vector<bool> flags(4, true);
  return q.top() + static_cast<int>(b.count()) + static_cast<int>(flags.size());
}
