// CORPUS: pure
// The user vouches for an external function with [[purecc::assume_pure]].
[[purecc::assume_pure]] int external_hash(int);
[[pure]] int bucket(int x) { return external_hash(x) % 16; }
