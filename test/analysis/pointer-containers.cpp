// RUN: %purecc check %s -- -std=c++20 -Xclang -verify
// RUN: %purecc check --suggest %s -- -std=c++20 -DUNANNOTATED -Xclang -verify=suggest
//
// Pointers that come out of a call returning a reference (`*it`, `v[0]`,
// `v.back()`, a range-for over a container of pointers) are pointers stored
// in memory: calling a const member through them is a read, writing through
// them is a write to memory the function does not own. Both are judged, in
// [[pure]] functions and under --suggest, without looping.
#include <algorithm>
#include <vector>

#ifdef UNANNOTATED
#define PURE
#else
#define PURE [[pure]]
#endif

struct Item {
  double w;
  double weight() const { return w; } // suggest-remark {{function 'weight' can be declared pure}}
};

PURE double total(const std::vector<Item *> &items) { // suggest-remark {{function 'total' can be declared pure}}
  double s = 0;
  for (Item *it : items)
    s += it->weight();
  return s;
}

PURE double first(const std::vector<Item *> &items) { // suggest-remark {{function 'first' can be declared pure}}
  return items[0]->weight() + items.back()->weight() + items.front()->w;
}

PURE double by_iterator(const std::vector<Item *> &items) { // suggest-remark {{function 'by_iterator' can be declared pure}}
  double s = 0;
  for (auto iter = items.begin(); iter != items.end(); ++iter)
    s += (*iter)->weight();
  return s;
}

PURE double by_reference(const std::vector<Item *> &items) { // suggest-remark {{function 'by_reference' can be declared pure}}
  double s = 0;
  for (Item *const &it : items)
    s += it->weight();
  return s;
}

// std::min takes and returns references to the pointers themselves.
PURE double smaller(const Item *a, const Item *b) { // suggest-remark {{function 'smaller' can be declared pure}}
  return std::min(a, b)->weight();
}

#ifndef UNANNOTATED
// A pointer loaded from a container may point anywhere: writing through
// it is still a violation.
[[pure]] double reset(const std::vector<Item *> &items) { // expected-note 3 {{'reset' declared pure here}}
  for (Item *it : items)
    it->w = 0; // expected-error {{pure function 'reset' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}}
  items[0]->w = 1; // expected-error {{pure function 'reset' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}}
  (*items.begin())->w = 2; // expected-error {{pure function 'reset' writes through a pointer that may point to memory it does not own [purecc-nonlocal-write]}}
  return 0;
}
#else
double reset(const std::vector<Item *> &items) {
  for (Item *it : items)
    it->w = 0;
  return 0;
}
#endif
