// The contract, found through CPATH or CPLUS_INCLUDE_PATH only.
[[pure]] long ext(long x);
