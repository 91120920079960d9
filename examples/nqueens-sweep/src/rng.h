// A counter-based random number generator: the i-th number of stream `seed`
// is a pure function of (seed, i). Unlike a generator with state, any sample
// can be drawn on its own, in any order and on any thread, and a program
// gets the same numbers whether it runs on one core or many.
#pragma once

#include <cstdint>

// One round of SplitMix64's output function (Steele, Lea and Flood, "Fast
// splittable pseudorandom number generators", 2014): a bijection of 64-bit
// words that passes BigCrush when applied to a Weyl sequence.
[[pure]] inline std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
  return z ^ (z >> 31);
}

// The counter-th 64-bit number of stream `seed`: the seed is mixed into a
// stream key first, so that nearby seeds give unrelated streams.
[[pure]] inline std::uint64_t random_bits(std::uint64_t seed, std::uint64_t counter) {
  return mix64(mix64(seed) + (counter + 1) * 0x9E3779B97F4A7C15u);
}

// The counter-th number of stream `seed`, uniform in [0, 1): the top 53 bits.
[[pure]] inline double random_unit(std::uint64_t seed, std::uint64_t counter) {
  return static_cast<double>(random_bits(seed, counter) >> 11) * 0x1.0p-53;
}
