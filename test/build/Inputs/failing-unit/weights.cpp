// Pointers held in a container, called through in an unannotated function:
// `check --suggest` used to recurse without end on these.
#include <vector>

struct Item {
  double w;
  double weight() const { return w; }
};

double total(const std::vector<Item *> &items) {
  double s = 0;
  for (Item *it : items)
    s += it->weight();
  return s + items[0]->weight() + items.back()->weight();
}

[[pure]] double twice(double x) { return 2 * x; }
