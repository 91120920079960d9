# An edit none of the memoized functions depends on: a new declaration in
# defs.h, which also moves every line after it, and an unrelated function's
# body in main.cpp.
sed -i -e 's|^#include <vector>$|#include <vector>\nstruct Unrelated { long z = 1; };\n[[pure]] inline long unrelated(long x) { return x + 1; }|' defs.h
sed -i -e 's|^int main() {$|[[pure]] long other(long x) { return x * 7; }\n\nint main() {|' main.cpp
