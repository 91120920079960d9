#pragma once
#include <vector>
[[pure]] long weight(long x) noexcept; // noexcept: loops over it run in parallel
[[pure]] long total_weight(const std::vector<long> &v);
