// The contract, which the build gives every unit with '-include contract.h'.
[[pure]] long ext(long x);
