// CORPUS: pure
// A local aggregate holding a vector, mutated through a member function.
#include <vector>
struct Stack {
  std::vector<int> items;
  void push(int x) { items.push_back(x); }
  int pop() { int t = items.back(); items.pop_back(); return t; }
};
[[pure]] int rpn_add(int a, int b) {
  Stack s;
  s.push(a);
  s.push(b);
  return s.pop() + s.pop();
}
