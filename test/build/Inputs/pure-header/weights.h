#pragma once
#include <vector>
[[pure]] long weight(long x);
[[pure]] long total_weight(const std::vector<long> &v);
