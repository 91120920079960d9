#!/usr/bin/env python3
"""Every pure entry of the standard-library model, used in a loop, is parallelized.

Reads analysis/StdlibPurity.def (the one model the checker and the rewriter
share), writes one loop per entry that calls it with simple arguments,

    for (int i = 0; i < n; ++i)
      r[i] = static_cast<double>(<a call of the entry on a[i], k[i], s[i] ...>) + unit(i);

(`unit` is a [[pure]] user function, so that a loop left serial gets a
remark saying why), runs `purecc rewrite --remarks` on them and checks that every loop got the
remark of a parallel map. An entry of the table with neither a sample call
below nor a reason in NOT_SIMPLE fails the test: whoever adds an entry says
how it is used in a loop, and the rewriter must then honour it.

Usage: stdlib_model_loops.py --def <StdlibPurity.def> --purecc <purecc> --work <prefix>
"""
import argparse
import re
import subprocess
import sys

# In the loop body: a[i] (double in [0, 1)), k[i] (long > 0), u[i]
# (unsigned), s[i] (std::string), i (int). A sample is an expression, or
# (statements, expression) for entries that need locals of the iteration.
SAMPLES = {
    # <cmath>, <cstdlib>
    "std::abs": "std::abs(a[i] - 0.5)",
    "std::labs": "std::labs(k[i] - 9)",
    "std::llabs": "std::llabs(k[i] - 9)",
    "std::fabs": "std::fabs(a[i] - 0.5)",
    "std::fabsf": "::fabsf(static_cast<float>(a[i]))",
    "std::div": "std::div(static_cast<int>(k[i]), 7).quot",
    "std::ldiv": "std::ldiv(k[i], 7L).rem",
    "std::sin": "std::sin(a[i])",
    "std::sinf": "::sinf(static_cast<float>(a[i]))",
    "std::cos": "std::cos(a[i])",
    "std::cosf": "::cosf(static_cast<float>(a[i]))",
    "std::tan": "std::tan(a[i])",
    "std::asin": "std::asin(a[i])",
    "std::acos": "std::acos(a[i])",
    "std::atan": "std::atan(a[i])",
    "std::atan2": "std::atan2(a[i], 2.0)",
    "std::sinh": "std::sinh(a[i])",
    "std::cosh": "std::cosh(a[i])",
    "std::tanh": "std::tanh(a[i])",
    "std::asinh": "std::asinh(a[i])",
    "std::acosh": "std::acosh(a[i] + 1.0)",
    "std::atanh": "std::atanh(a[i] / 2)",
    "std::exp": "std::exp(a[i])",
    "std::expf": "::expf(static_cast<float>(a[i]))",
    "std::exp2": "std::exp2(a[i])",
    "std::expm1": "std::expm1(a[i])",
    "std::log": "std::log(a[i] + 1.0)",
    "std::logf": "::logf(static_cast<float>(a[i]) + 1.0f)",
    "std::log10": "std::log10(a[i] + 1.0)",
    "std::log2": "std::log2(a[i] + 1.0)",
    "std::log1p": "std::log1p(a[i])",
    "std::pow": "std::pow(a[i], 1.5)",
    "std::powf": "::powf(static_cast<float>(a[i]), 1.5f)",
    "std::sqrt": "std::sqrt(a[i])",
    "std::sqrtf": "::sqrtf(static_cast<float>(a[i]))",
    "std::cbrt": "std::cbrt(a[i])",
    "std::hypot": "std::hypot(a[i], 2.0)",
    "std::floor": "std::floor(a[i] * 10)",
    "std::ceil": "std::ceil(a[i] * 10)",
    "std::trunc": "std::trunc(a[i] * 10)",
    "std::round": "std::round(a[i] * 10)",
    "std::lround": "std::lround(a[i] * 10)",
    "std::fmod": "std::fmod(a[i], 0.3)",
    "std::remainder": "std::remainder(a[i], 0.3)",
    "std::fmin": "std::fmin(a[i], 0.5)",
    "std::fmax": "std::fmax(a[i], 0.5)",
    "std::fminf": "::fminf(static_cast<float>(a[i]), 0.5f)",
    "std::fminl": "::fminl(a[i], 0.5L)",
    "std::fmaxf": "::fmaxf(static_cast<float>(a[i]), 0.5f)",
    "std::fmaxl": "::fmaxl(a[i], 0.5L)",
    "std::fma": "std::fma(a[i], 2.0, 1.0)",
    "std::copysign": "std::copysign(a[i], -1.0)",
    "std::erf": "std::erf(a[i])",
    "std::erfc": "std::erfc(a[i])",
    "std::tgamma": "std::tgamma(a[i] + 1.0)",
    "std::isnan": "std::isnan(a[i])",
    "std::isinf": "std::isinf(a[i])",
    "std::isfinite": "std::isfinite(a[i])",
    "std::signbit": "std::signbit(a[i])",
    # <cstring>: on a local buffer of the iteration
    "std::strlen": "std::strlen(s[i].c_str())",
    "std::strcmp": "std::strcmp(s[i].c_str(), \"ab\")",
    "std::strncmp": "std::strncmp(s[i].c_str(), \"ab\", 1)",
    "std::memcmp": "std::memcmp(s[i].data(), \"ab\", s[i].size() < 2 ? s[i].size() : 2)",
    "std::strchr": "std::strchr(s[i].c_str(), 'a') != nullptr",
    "std::strrchr": "std::strrchr(s[i].c_str(), 'a') != nullptr",
    "std::strstr": "std::strstr(s[i].c_str(), \"ab\") != nullptr",
    "std::memchr": "std::memchr(s[i].data(), 'a', s[i].size()) != nullptr",
    "std::strspn": "std::strspn(s[i].c_str(), \"ab\")",
    "std::strcspn": "std::strcspn(s[i].c_str(), \"ab\")",
    "std::strpbrk": "std::strpbrk(s[i].c_str(), \"ab\") != nullptr",
    "std::memcpy": ("char b[8] = {}; std::memcpy(b, s[i].c_str(), 1);", "b[0]"),
    "std::memmove": ("char b[8] = {}; std::memmove(b, s[i].c_str(), 1);", "b[0]"),
    "std::memset": ("char b[8]; std::memset(b, static_cast<int>(k[i] % 64), sizeof b);", "b[3]"),
    "std::strcpy": ("char b[8] = {}; std::strcpy(b, \"ab\");", "b[1] + a[i]"),
    "std::strncpy": ("char b[8] = {}; std::strncpy(b, s[i].c_str(), 7);", "b[0]"),
    "std::strcat": ("char b[8] = \"x\"; std::strcat(b, \"ab\");", "b[2] + a[i]"),
    "std::strncat": ("char b[8] = \"x\"; std::strncat(b, \"abc\", 2);", "b[2] + a[i]"),
    "std::basic_string::copy": ("char b[4] = {}; s[i].copy(b, 2);", "b[1]"),
    "std::basic_string_view::copy": ("char b[4] = {}; std::string_view(s[i]).copy(b, 2);", "b[1]"),
    "std::char_traits::copy": ("char b[4] = {}; std::char_traits<char>::copy(b, s[i].c_str(), 2);", "b[1]"),
    "std::char_traits::move": ("char b[4] = {}; std::char_traits<char>::move(b, s[i].c_str(), 2);", "b[1]"),
    "std::char_traits::assign": ("char b[4] = {}; std::char_traits<char>::assign(b, 2, s[i][0]);", "b[1]"),
    # <utility>, <numeric>, <string>, <memory>
    "std::min": "std::min(a[i], 0.5)",
    "std::max": "std::max(a[i], 0.5)",
    "std::minmax": "std::minmax(a[i], 0.5).first",
    "std::clamp": "std::clamp(a[i], 0.25, 0.75)",
    "std::gcd": "std::gcd(k[i], 12L)",
    "std::lcm": "std::lcm(k[i], 6L)",
    "std::midpoint": "std::midpoint(a[i], 1.0)",
    "std::swap": ("double x = a[i], y = 1.0; std::swap(x, y);", "x - y"),
    "std::exchange": ("double x = a[i]; double y = std::exchange(x, 2.0);", "x + y"),
    "std::move": ("std::string t = s[i]; std::string w = std::move(t);", "w.size()"),
    "std::forward": "std::forward<double>(a[i])",
    "std::as_const": "std::as_const(a[i])",
    "std::get": ("std::pair<double, long> p{a[i], k[i]};", "std::get<1>(p)"),
    "std::visit": ("std::variant<double, long> v = k[i];",
                   "std::visit([](auto x) { return static_cast<double>(x); }, v)"),
    "std::holds_alternative": ("std::variant<double, long> v = a[i];", "std::holds_alternative<double>(v)"),
    "std::make_pair": "std::make_pair(a[i], k[i]).second",
    "std::make_tuple": "std::get<0>(std::make_tuple(a[i], k[i]))",
    "std::tuple_cat": "std::get<1>(std::tuple_cat(std::make_tuple(a[i]), std::make_tuple(k[i])))",
    "std::tie": ("double x = 0; long y = 0; std::tie(x, y) = std::make_pair(a[i], k[i]);", "x + y"),
    # Like std::tie: a tuple of references to the iteration's own locals
    # (one made of an outer array's elements counts as writing them).
    "std::forward_as_tuple": ("double x = 0; long y = 0; std::forward_as_tuple(x, y) = std::make_pair(a[i], k[i]);", "x + y"),
    "std::make_optional": "std::make_optional(a[i]).value_or(0.0)",
    "std::make_unique": ("auto p = std::make_unique<double>(a[i]);", "*p"),
    "std::make_unique_for_overwrite": ("auto p = std::make_unique_for_overwrite<std::string>();", "p->size() + a[i]"),
    "std::make_shared_for_overwrite": ("auto p = std::make_shared_for_overwrite<std::string>();", "p->size() + a[i]"),
    "std::cmp_equal": "std::cmp_equal(k[i], u[i])",
    "std::cmp_not_equal": "std::cmp_not_equal(k[i], u[i])",
    "std::cmp_less": "std::cmp_less(k[i], u[i])",
    "std::cmp_greater": "std::cmp_greater(k[i], u[i])",
    "std::cmp_less_equal": "std::cmp_less_equal(k[i], u[i])",
    "std::cmp_greater_equal": "std::cmp_greater_equal(k[i], u[i])",
    "std::in_range": "std::in_range<short>(k[i])",
    "std::to_integer": "std::to_integer<int>(std::byte(k[i] & 0xff))",
    "std::lgamma_r": ("int sign = 0;", "::lgamma_r(a[i] + 1.0, &sign) + sign"),
    'std::operator""s': ("using namespace std::literals;", '("ab"s).size() + (2s).count() + a[i]'),
    'std::operator""sv': ("using namespace std::literals;", '"abc"sv.size() + a[i]'),
    'std::operator""h': ("using namespace std::literals;", "(2h).count() + a[i]"),
    'std::operator""min': ("using namespace std::literals;", "(2min).count() + a[i]"),
    'std::operator""ms': ("using namespace std::literals;", "(2ms).count() + a[i]"),
    'std::operator""us': ("using namespace std::literals;", "(2us).count() + a[i]"),
    'std::operator""ns': ("using namespace std::literals;", "(2ns).count() + a[i]"),
    'std::operator""i': ("using namespace std::literals;", "(2.0i).imag() + a[i]"),
    'std::operator""if': ("using namespace std::literals;", "(2.0if).imag() + a[i]"),
    'std::operator""il': ("using namespace std::literals;", "double((2.0il).imag()) + a[i]"),
    "std::make_shared": ("auto p = std::make_shared<double>(a[i]);", "*p"),
    "std::static_pointer_cast": ("std::shared_ptr<double> w = std::make_shared<double>(a[i]);", "*std::static_pointer_cast<const double>(w)"),
    "std::dynamic_pointer_cast": ("auto w = std::make_shared<std::runtime_error>(s[i]);", "std::dynamic_pointer_cast<std::exception>(w) ? a[i] : 0.0"),
    "std::const_pointer_cast": ("std::shared_ptr<const double> w = std::make_shared<double>(a[i]);", "*std::const_pointer_cast<double>(w)"),
    "std::reinterpret_pointer_cast": ("std::shared_ptr<double> w = std::make_shared<double>(a[i]);", "*std::reinterpret_pointer_cast<const double>(w)"),
    "std::to_address": ("double x = a[i];", "*std::to_address(&x)"),
    "std::__ptr_traits_ptr_to::pointer_to": ("double x = a[i];", "*std::pointer_traits<double *>::pointer_to(x)"),
    "std::launder": ("double x = a[i];", "*std::launder(&x)"),
    "std::to_string": "std::to_string(k[i]).size()",
    "std::begin": "*std::begin(s[i]) == 'a'",
    "std::end": "std::end(s[i]) - std::begin(s[i])",
    "std::cbegin": "*std::cbegin(s[i]) == 'a'",
    "std::cend": "std::cend(s[i]) - std::cbegin(s[i])",
    "std::rbegin": "*std::rbegin(s[i]) == 'a'",
    "std::rend": "std::rend(s[i]) - std::rbegin(s[i])",
    "std::size": "std::size(s[i])",
    "std::ssize": "std::ssize(s[i])",
    "std::empty": "std::empty(s[i])",
    "std::data": "std::data(s[i])[0]",
    "std::distance": "std::distance(s[i].begin(), s[i].end())",
    "std::next": "*std::next(s[i].begin())",
    "std::prev": "*std::prev(s[i].end())",
    "std::advance": ("auto it = s[i].begin(); std::advance(it, 1);", "*it"),
    "std::make_move_iterator": "*std::make_move_iterator(s[i].begin()) == 'a'",
    "std::make_reverse_iterator": "*std::make_reverse_iterator(s[i].end()) == 'a'",
    "std::back_inserter": ("std::vector<long> w; auto it = std::back_inserter(w); it = k[i];", "w[0]"),
    "std::front_inserter": ("std::deque<long> w; auto it = std::front_inserter(w); it = k[i];", "w[0]"),
    "std::inserter": ("std::set<long> w; auto it = std::inserter(w, w.end()); it = k[i];", "*w.begin()"),
    "std::addressof": ("double x = a[i];", "*std::addressof(x)"),
    "std::operator+": "(s[i] + \"ab\").size()",
    "std::operator-": "std::chrono::seconds(k[i]) - std::chrono::seconds(1) > std::chrono::seconds(0)",
    "std::operator==": "s[i] == \"ab\"",
    "std::operator!=": "s[i] != \"ab\"",
    "std::operator<": "s[i] < \"ab\"",
    "std::operator<=": "s[i] <= \"ab\"",
    "std::operator>": "s[i] > \"ab\"",
    "std::operator>=": "s[i] >= \"ab\"",
    "std::operator<=>": "(s[i] <=> std::string(\"ab\")) < 0",
    "__gnu_cxx::operator==": "s[i].begin() == s[i].end()",
    "__gnu_cxx::operator!=": "s[i].begin() != s[i].end()",
    "__gnu_cxx::operator<": "s[i].begin() < s[i].end()",
    "__gnu_cxx::operator<=": "s[i].begin() <= s[i].end()",
    "__gnu_cxx::operator>": "s[i].begin() > s[i].end()",
    "__gnu_cxx::operator>=": "s[i].begin() >= s[i].end()",
    "__gnu_cxx::operator<=>": "(s[i].begin() <=> s[i].end()) < 0",
    "__gnu_cxx::operator-": "s[i].end() - s[i].begin()",
    "__gnu_cxx::operator+": "*(1 + s[i].begin())",
    # <algorithm>, <numeric>: over a range of the iteration's own
    "std::accumulate": "std::accumulate(s[i].begin(), s[i].end(), 0L)",
    "std::reduce": "std::reduce(s[i].begin(), s[i].end(), 0L)",
    "std::inner_product": "std::inner_product(s[i].begin(), s[i].end(), s[i].begin(), 0L)",
    "std::transform_reduce": "std::transform_reduce(s[i].begin(), s[i].end(), s[i].begin(), 0L)",
    "std::find": "std::find(s[i].begin(), s[i].end(), 'a') - s[i].begin()",
    "std::find_if": "std::find_if(s[i].begin(), s[i].end(), [](char c) { return c > 'a'; }) - s[i].begin()",
    "std::find_if_not": "std::find_if_not(s[i].begin(), s[i].end(), [](char c) { return c > 'a'; }) - s[i].begin()",
    "std::count": "std::count(s[i].begin(), s[i].end(), 'a')",
    "std::count_if": "std::count_if(s[i].begin(), s[i].end(), [](char c) { return c > 'a'; })",
    "std::all_of": "std::all_of(s[i].begin(), s[i].end(), [](char c) { return c > 'a'; })",
    "std::any_of": "std::any_of(s[i].begin(), s[i].end(), [](char c) { return c > 'a'; })",
    "std::none_of": "std::none_of(s[i].begin(), s[i].end(), [](char c) { return c > 'a'; })",
    "std::min_element": "std::min_element(s[i].begin(), s[i].end()) - s[i].begin()",
    "std::max_element": "std::max_element(s[i].begin(), s[i].end()) - s[i].begin()",
    "std::minmax_element": "std::minmax_element(s[i].begin(), s[i].end()).first - s[i].begin()",
    "std::equal": "std::equal(s[i].begin(), s[i].end(), s[i].rbegin())",
    "std::mismatch": "std::mismatch(s[i].begin(), s[i].end(), s[i].rbegin()).first - s[i].begin()",
    "std::lexicographical_compare": "std::lexicographical_compare(s[i].begin(), s[i].end(), s[i].rbegin(), s[i].rend())",
    "std::binary_search": "std::binary_search(s[i].begin(), s[i].end(), 'a')",
    "std::lower_bound": "std::lower_bound(s[i].begin(), s[i].end(), 'a') - s[i].begin()",
    "std::upper_bound": "std::upper_bound(s[i].begin(), s[i].end(), 'a') - s[i].begin()",
    "std::equal_range": "std::equal_range(s[i].begin(), s[i].end(), 'a').first - s[i].begin()",
    "std::is_sorted": "std::is_sorted(s[i].begin(), s[i].end())",
    "std::is_sorted_until": "std::is_sorted_until(s[i].begin(), s[i].end()) - s[i].begin()",
    "std::search": "std::search(s[i].begin(), s[i].end(), s[i].rbegin(), s[i].rend()) - s[i].begin()",
    "std::adjacent_find": "std::adjacent_find(s[i].begin(), s[i].end()) - s[i].begin()",
    "std::sort": ("std::string t = s[i]; std::sort(t.begin(), t.end());", "t.size()"),
    "std::stable_sort": ("std::string t = s[i]; std::stable_sort(t.begin(), t.end());", "t.size()"),
    "std::partial_sort": ("std::string t = s[i]; std::partial_sort(t.begin(), t.begin(), t.end());", "t.size()"),
    "std::nth_element": ("std::string t = s[i]; std::nth_element(t.begin(), t.begin(), t.end());", "t.size()"),
    "std::reverse": ("std::string t = s[i]; std::reverse(t.begin(), t.end());", "t.size()"),
    "std::rotate": ("std::string t = s[i]; std::rotate(t.begin(), t.begin(), t.end());", "t.size()"),
    "std::unique": ("std::string t = s[i];", "std::unique(t.begin(), t.end()) - t.begin()"),
    "std::remove": ("std::string t = s[i];", "std::remove(t.begin(), t.end(), 'a') - t.begin()"),
    "std::remove_if": ("std::string t = s[i];",
                       "std::remove_if(t.begin(), t.end(), [](char c) { return c > 'a'; }) - t.begin()"),
    "std::erase": ("std::vector<long> w{k[i], 1, 2}; std::erase(w, 1L);", "w.size() + a[i]"),
    "std::erase_if": ("std::vector<long> w{k[i], 1, 2}; std::erase_if(w, [](long x) { return x < 2; });",
                      "w.size() + a[i]"),
    "std::replace": ("std::string t = s[i]; std::replace(t.begin(), t.end(), 'a', 'b');", "t.size()"),
    "std::replace_if": ("std::string t = s[i]; std::replace_if(t.begin(), t.end(), [](char c) { return c > 'a'; }, 'b');",
                        "t.size()"),
    "std::partition": ("std::string t = s[i];",
                       "std::partition(t.begin(), t.end(), [](char c) { return c > 'a'; }) - t.begin()"),
    "std::fill": ("double t[4]; std::fill(t, t + 4, a[i]);", "t[2]"),
    "std::fill_n": ("double t[4]; std::fill_n(t, 4, a[i]);", "t[2]"),
    "std::iota": ("long t[4]; std::iota(t, t + 4, k[i]);", "t[3]"),
    "std::copy": ("std::string t = s[i]; std::copy(s[i].begin(), s[i].end(), t.begin());", "t.size()"),
    "std::copy_if": ("std::string t = s[i];",
                     "std::copy_if(s[i].begin(), s[i].end(), t.begin(), [](char c) { return c > 'a'; }) - t.begin()"),
    "std::copy_n": ("std::string t = s[i]; std::copy_n(s[i].begin(), s[i].size(), t.begin());", "t.size()"),
    "std::merge": ("std::string t = s[i] + s[i]; std::merge(s[i].begin(), s[i].end(), s[i].begin(), s[i].end(), t.begin());",
                   "t.size()"),
    "std::move_backward": ("std::string t = s[i], w = s[i]; std::move_backward(t.begin(), t.end(), w.end());", "w.size()"),
    "std::transform": ("std::string t = s[i]; std::transform(t.begin(), t.end(), t.begin(), [](char c) { return c + 1; });",
                       "t.size()"),
    "std::for_each": ("long m = 0; std::for_each(s[i].begin(), s[i].end(), [&m](char c) { m += c; });", "m"),
    "std::generate": ("long t[4]; long g = k[i]; std::generate(t, t + 4, [&g] { return g++; });", "t[3]"),
    "std::partial_sum": ("long t[4] = {k[i], 1, 2, 3}; std::partial_sum(t, t + 4, t);", "t[3]"),
    "std::adjacent_difference": ("long t[4] = {k[i], 1, 2, 3}; std::adjacent_difference(t, t + 4, t);", "t[3]"),
    "std::inclusive_scan": ("long t[4] = {k[i], 1, 2, 3}; std::inclusive_scan(t, t + 4, t);", "t[3]"),
    "std::exclusive_scan": ("long t[4] = {k[i], 1, 2, 3}; std::exclusive_scan(t, t + 4, t, 0L);", "t[3]"),
    # <functional>, <variant>, <any>
    "std::invoke": "std::invoke([](double x) { return x * 2; }, a[i])",
    "std::apply": "std::apply([](double x, long y) { return x + y; }, std::make_tuple(a[i], k[i]))",
    "std::get_if": ("std::variant<double, long> v = a[i];", "std::get_if<double>(&v) != nullptr"),
    "std::any_cast": ("std::any x = k[i];", "*std::any_cast<long>(&x)"),
    "std::make_any": ("std::any w = std::make_any<long>(k[i]);", "*std::any_cast<long>(&w)"),
    "std::ref": ("double x = a[i]; auto w = std::ref(x);", "w.get()"),
    "std::cref": ("double x = a[i];", "std::cref(x).get()"),
    # <bit>, <charconv>, <complex>, <chrono>
    "std::bit_cast": "std::bit_cast<std::uint64_t>(a[i]) >> 52",
    "std::popcount": "std::popcount(u[i])",
    "std::countl_zero": "std::countl_zero(u[i])",
    "std::countr_zero": "std::countr_zero(u[i])",
    "std::countl_one": "std::countl_one(u[i])",
    "std::countr_one": "std::countr_one(u[i])",
    "std::bit_width": "std::bit_width(u[i])",
    "std::bit_ceil": "std::bit_ceil(u[i] % 1024)",
    "std::bit_floor": "std::bit_floor(u[i])",
    "std::has_single_bit": "std::has_single_bit(u[i])",
    "std::rotl": "std::rotl(u[i], 3)",
    "std::rotr": "std::rotr(u[i], 3)",
    "std::to_chars": ("char b[24]; auto res = std::to_chars(b, b + 24, k[i]);", "res.ptr - b"),
    "std::from_chars": ("long v = 0; std::from_chars(s[i].data(), s[i].data() + s[i].size(), v);", "v"),
    "std::lerp": "std::lerp(a[i], 1.0, 0.25)",
    "std::nan": "std::isnan(std::nan(\"\")) ? a[i] : 0.0",
    "std::nanf": "std::isnan(::nanf(\"\")) ? a[i] : 0.0",
    "std::nanl": "std::isnan(::nanl(\"\")) ? a[i] : 0.0",
    "std::norm": "std::norm(std::complex<double>(a[i], 1.0))",
    "std::arg": "std::arg(std::complex<double>(a[i], 1.0))",
    "std::conj": "std::conj(std::complex<double>(a[i], 1.0)).imag()",
    "std::real": "std::real(std::complex<double>(a[i], 1.0))",
    "std::imag": "std::imag(std::complex<double>(a[i], 1.0))",
    "std::polar": "std::polar(a[i], 0.5).real()",
    "std::operator*": "(std::complex<double>(a[i], 1.0) * std::complex<double>(a[i], 1.0)).real()",
    "std::operator/": "(std::complex<double>(a[i], 1.0) / std::complex<double>(2.0, 1.0)).real()",
    "std::chrono::duration_cast": "std::chrono::duration_cast<std::chrono::seconds>(std::chrono::milliseconds(k[i])).count()",
    "std::chrono::operator+": "(std::chrono::seconds(k[i]) + std::chrono::seconds(1)).count()",
    "std::chrono::operator-": "(std::chrono::seconds(k[i]) - std::chrono::seconds(1)).count()",
    "std::chrono::operator*": "(std::chrono::seconds(k[i]) * 2).count()",
    "std::chrono::operator/": "(std::chrono::seconds(k[i]) / 2).count()",
    "std::chrono::operator==": "std::chrono::seconds(k[i]) == std::chrono::milliseconds(1000)",
    "std::chrono::operator<": "std::chrono::seconds(k[i]) < std::chrono::milliseconds(1000)",
    "std::chrono::operator<=": "std::chrono::seconds(k[i]) <= std::chrono::milliseconds(1000)",
    "std::chrono::operator>": "std::chrono::seconds(k[i]) > std::chrono::milliseconds(1000)",
    "std::chrono::operator>=": "std::chrono::seconds(k[i]) >= std::chrono::milliseconds(1000)",
    "std::chrono::operator<=>": "(std::chrono::seconds(k[i]) <=> std::chrono::milliseconds(1000)) < 0",
    # The rest of <cmath>, <algorithm>, <numeric>, <compare>
    "std::fpclassify": "std::fpclassify(a[i]) == FP_NORMAL",
    "std::isnormal": "std::isnormal(a[i])",
    "std::isgreater": "std::isgreater(a[i], 0.5)",
    "std::isgreaterequal": "std::isgreaterequal(a[i], 0.5)",
    "std::isless": "std::isless(a[i], 0.5)",
    "std::islessequal": "std::islessequal(a[i], 0.5)",
    "std::islessgreater": "std::islessgreater(a[i], 0.5)",
    "std::isunordered": "std::isunordered(a[i], 0.5)",
    "std::fdim": "std::fdim(a[i], 0.5)",
    "std::ilogb": "std::ilogb(a[i] + 1.0)",
    "std::ldexp": "std::ldexp(a[i], 3)",
    "std::logb": "std::logb(a[i] + 1.0)",
    "std::scalbn": "std::scalbn(a[i], 3)",
    "std::scalbln": "std::scalbln(a[i], 3L)",
    "std::llround": "std::llround(a[i] * 10)",
    "std::nextafter": "std::nextafter(a[i], 0.0)",
    "std::nexttoward": "std::nexttoward(a[i], 0.0L)",
    "std::frexp": ("int e = 0; double m = std::frexp(a[i] + 1.0, &e);", "m + e"),
    "std::modf": ("double ip = 0; double f = std::modf(a[i] * 10, &ip);", "f + ip"),
    "std::remquo": ("int q = 0; double rm = std::remquo(a[i] * 10, 3.0, &q);", "rm + q"),
    "std::assoc_laguerre": "std::assoc_laguerre(2u, 1u, a[i])",
    "std::assoc_legendre": "std::assoc_legendre(2u, 1u, a[i])",
    "std::beta": "std::beta(a[i] + 1.0, 2.0)",
    "std::comp_ellint_1": "std::comp_ellint_1(a[i] / 2)",
    "std::comp_ellint_2": "std::comp_ellint_2(a[i] / 2)",
    "std::comp_ellint_3": "std::comp_ellint_3(a[i] / 2, 0.25)",
    "std::cyl_bessel_i": "std::cyl_bessel_i(1.0, a[i])",
    "std::cyl_bessel_j": "std::cyl_bessel_j(1.0, a[i])",
    "std::cyl_bessel_k": "std::cyl_bessel_k(1.0, a[i] + 1.0)",
    "std::cyl_neumann": "std::cyl_neumann(1.0, a[i] + 1.0)",
    "std::ellint_1": "std::ellint_1(a[i] / 2, 1.0)",
    "std::ellint_2": "std::ellint_2(a[i] / 2, 1.0)",
    "std::ellint_3": "std::ellint_3(a[i] / 2, 0.25, 1.0)",
    "std::expint": "std::expint(a[i] + 1.0)",
    "std::hermite": "std::hermite(3u, a[i])",
    "std::laguerre": "std::laguerre(3u, a[i])",
    "std::legendre": "std::legendre(3u, a[i])",
    "std::riemann_zeta": "std::riemann_zeta(a[i] + 2.0)",
    "std::sph_bessel": "std::sph_bessel(1u, a[i])",
    "std::sph_legendre": "std::sph_legendre(2u, 1u, a[i])",
    "std::sph_neumann": "std::sph_neumann(1u, a[i] + 1.0)",
    "std::is_permutation": "std::is_permutation(s[i].begin(), s[i].end(), s[i].rbegin())",
    "std::is_partitioned": "std::is_partitioned(s[i].begin(), s[i].end(), [](char c) { return c > 'a'; })",
    "std::partition_point": ("std::string t = s[i]; std::sort(t.begin(), t.end());",
                             "std::partition_point(t.begin(), t.end(), [](char c) { return c < 'b'; }) - t.begin()"),
    "std::includes": "std::includes(s[i].begin(), s[i].end(), s[i].begin(), s[i].end())",
    "std::find_end": "std::find_end(s[i].begin(), s[i].end(), s[i].begin(), s[i].begin() + 1) - s[i].begin()",
    "std::find_first_of": "std::find_first_of(s[i].begin(), s[i].end(), s[i].rbegin(), s[i].rend()) - s[i].begin()",
    "std::search_n": "std::search_n(s[i].begin(), s[i].end(), 2, 'a') - s[i].begin()",
    "std::is_heap": "std::is_heap(s[i].begin(), s[i].end())",
    "std::is_heap_until": "std::is_heap_until(s[i].begin(), s[i].end()) - s[i].begin()",
    "std::lexicographical_compare_three_way":
        "std::lexicographical_compare_three_way(s[i].begin(), s[i].end(), s[i].rbegin(), s[i].rend()) < 0",
    "std::next_permutation": ("std::string t = s[i];", "std::next_permutation(t.begin(), t.end()) + t.size()"),
    "std::prev_permutation": ("std::string t = s[i];", "std::prev_permutation(t.begin(), t.end()) + t.size()"),
    "std::stable_partition": ("std::string t = s[i];",
                              "std::stable_partition(t.begin(), t.end(), [](char c) { return c > 'a'; }) - t.begin()"),
    "std::partition_copy": ("std::string t = s[i], f = s[i];",
                            "std::partition_copy(s[i].begin(), s[i].end(), t.begin(), f.begin(), "
                            "[](char c) { return c > 'a'; }).first - t.begin()"),
    "std::set_union": ("std::string t = s[i] + s[i];",
                       "std::set_union(s[i].begin(), s[i].end(), s[i].begin(), s[i].end(), t.begin()) - t.begin()"),
    "std::set_intersection": ("std::string t = s[i];",
                              "std::set_intersection(s[i].begin(), s[i].end(), s[i].begin(), s[i].end(), t.begin()) - t.begin()"),
    "std::set_difference": ("std::string t = s[i];",
                            "std::set_difference(s[i].begin(), s[i].end(), s[i].begin(), s[i].end(), t.begin()) - t.begin()"),
    "std::set_symmetric_difference": ("std::string t = s[i] + s[i];",
                                      "std::set_symmetric_difference(s[i].begin(), s[i].end(), s[i].begin(), "
                                      "s[i].end(), t.begin()) - t.begin()"),
    "std::for_each_n": ("long m = 0; std::for_each_n(s[i].begin(), 1, [&m](char c) { m += c; });", "m"),
    "std::copy_backward": ("std::string t = s[i]; std::copy_backward(s[i].begin(), s[i].end(), t.end());", "t.size()"),
    "std::swap_ranges": ("std::string t = s[i], w = s[i]; std::swap_ranges(t.begin(), t.end(), w.begin());", "t.size()"),
    "std::iter_swap": ("std::string t = s[i]; std::iter_swap(t.begin(), t.end() - 1);", "t[0]"),
    "std::replace_copy": ("std::string t = s[i]; std::replace_copy(s[i].begin(), s[i].end(), t.begin(), 'a', 'b');", "t[0]"),
    "std::replace_copy_if": ("std::string t = s[i]; std::replace_copy_if(s[i].begin(), s[i].end(), t.begin(), "
                             "[](char c) { return c > 'a'; }, 'b');", "t[0]"),
    "std::remove_copy": ("std::string t = s[i];", "std::remove_copy(s[i].begin(), s[i].end(), t.begin(), 'a') - t.begin()"),
    "std::remove_copy_if": ("std::string t = s[i];",
                            "std::remove_copy_if(s[i].begin(), s[i].end(), t.begin(), [](char c) { return c > 'a'; }) - t.begin()"),
    "std::unique_copy": ("std::string t = s[i];", "std::unique_copy(s[i].begin(), s[i].end(), t.begin()) - t.begin()"),
    "std::reverse_copy": ("std::string t = s[i]; std::reverse_copy(s[i].begin(), s[i].end(), t.begin());", "t[0]"),
    "std::rotate_copy": ("std::string t = s[i]; std::rotate_copy(s[i].begin(), s[i].begin() + 1, s[i].end(), t.begin());",
                         "t[0]"),
    "std::shift_left": ("std::string t = s[i];", "std::shift_left(t.begin(), t.end(), 1) - t.begin()"),
    "std::shift_right": ("std::string t = s[i];", "std::shift_right(t.begin(), t.end(), 1) - t.begin()"),
    "std::generate_n": ("std::string t = s[i]; std::generate_n(t.begin(), 1, [] { return 'z'; });", "t[0]"),
    "std::make_heap": ("std::string t = s[i]; std::make_heap(t.begin(), t.end());", "t[0]"),
    "std::push_heap": ("std::string t = s[i]; std::make_heap(t.begin(), t.end()); std::push_heap(t.begin(), t.end());", "t[0]"),
    "std::pop_heap": ("std::string t = s[i]; std::make_heap(t.begin(), t.end()); std::pop_heap(t.begin(), t.end());", "t[0]"),
    "std::sort_heap": ("std::string t = s[i]; std::make_heap(t.begin(), t.end()); std::sort_heap(t.begin(), t.end());", "t[0]"),
    "std::partial_sort_copy": ("std::string t = s[i];",
                               "std::partial_sort_copy(s[i].begin(), s[i].end(), t.begin(), t.end()) - t.begin()"),
    "std::inplace_merge": ("std::string t = s[i]; std::inplace_merge(t.begin(), t.begin() + 1, t.end());", "t[0]"),
    "std::shuffle": ("std::string t = s[i]; std::minstd_rand g(static_cast<unsigned>(k[i])); "
                     "std::shuffle(t.begin(), t.end(), g);", "t.size()"),
    "std::sample": ("std::string t = s[i]; std::minstd_rand g(static_cast<unsigned>(k[i]));",
                    "std::sample(s[i].begin(), s[i].end(), t.begin(), 1, g) - t.begin()"),
    "std::transform_inclusive_scan": ("std::string t = s[i]; std::transform_inclusive_scan(s[i].begin(), s[i].end(), "
                                      "t.begin(), std::plus<>{}, [](char c) { return char(c & 1); });", "t[0]"),
    "std::transform_exclusive_scan": ("std::string t = s[i]; std::transform_exclusive_scan(s[i].begin(), s[i].end(), "
                                      "t.begin(), char(0), std::plus<>{}, [](char c) { return char(c & 1); });", "t[0]"),
    "std::partial_ordering": ("std::partial_ordering o = a[i] <=> 0.5;", "o < 0"),
    "std::weak_ordering": ("std::weak_ordering o = k[i] <=> 3L; std::partial_ordering p = o;", "p < 0"),
    "std::strong_ordering": ("std::strong_ordering o = k[i] <=> 3L; std::weak_ordering w = o;", "w < 0"),
    "std::compare_three_way": "std::compare_three_way{}(k[i], 3L) < 0",
    "std::ranges::equal_to": "std::ranges::equal_to{}(k[i], 3L)",
    "std::ranges::not_equal_to": "std::ranges::not_equal_to{}(k[i], 3L)",
    "std::ranges::less": "std::ranges::less{}(k[i], 3L)",
    "std::ranges::greater": "std::ranges::greater{}(k[i], 3L)",
    "std::ranges::less_equal": "std::ranges::less_equal{}(k[i], 3L)",
    "std::ranges::greater_equal": "std::ranges::greater_equal{}(k[i], 3L)",
    "std::is_eq": "std::is_eq(k[i] <=> 3L)",
    "std::is_neq": "std::is_neq(k[i] <=> 3L)",
    "std::is_lt": "std::is_lt(k[i] <=> 3L)",
    "std::is_lteq": "std::is_lteq(k[i] <=> 3L)",
    "std::is_gt": "std::is_gt(k[i] <=> 3L)",
    "std::is_gteq": "std::is_gteq(k[i] <=> 3L)",
    "std::__detail::_Node_iterator_base": ("const std::unordered_set<long> w{k[i]};", "w.find(k[i]) == w.end()"),
    "std::__detail::operator==": ("const std::unordered_set<long> w{k[i]};", "w.find(3) == w.end()"),
    "std::__detail::operator!=": ("const std::unordered_set<long> w{k[i]};", "w.find(3) != w.end()"),
    "std::ranges::crbegin": ("std::string t = s[i];", "*std::ranges::crbegin(t)"),
    "std::ranges::crend": ("std::string t = s[i];", "std::ranges::crend(t) - std::ranges::crbegin(t)"),
    "std::ranges::cdata": ("std::string t = s[i];", "*std::ranges::cdata(t)"),
    "std::ranges::iter_move": ("std::string t = s[i];", "std::ranges::iter_move(t.begin())"),
    "std::ranges::iter_swap": ("std::string t = s[i]; std::ranges::iter_swap(t.begin(), t.end() - 1);", "t[0]"),
    "std::ranges::move": ("std::string t = s[i], w = s[i]; std::ranges::move(t, w.begin());", "w[0]"),
    # Compiler builtins
    "__builtin_expect": "__builtin_expect(k[i], 1)",
    "__builtin_assume": "(__builtin_assume(k[i] > 0), k[i])",
    "__builtin_constant_p": "__builtin_constant_p(k[i]) + k[i]",
    "__builtin_expect_with_probability": "__builtin_expect_with_probability(k[i], 1, 0.5)",
    "__builtin_unpredictable": "__builtin_unpredictable(k[i])",
    "__builtin_prefetch": "(__builtin_prefetch(&k[i]), k[i])",
    "__builtin_assume_aligned": "*static_cast<const double *>(__builtin_assume_aligned(&a[i], 8))",
    "__builtin_launder": ("double x = a[i];", "*__builtin_launder(&x)"),
    "__builtin_add_overflow": ("long w = 0; bool o = __builtin_add_overflow(k[i], 1L, &w);", "w + o"),
    "__builtin_sub_overflow": ("long w = 0; bool o = __builtin_sub_overflow(k[i], 1L, &w);", "w + o"),
    "__builtin_mul_overflow": ("long w = 0; bool o = __builtin_mul_overflow(k[i], 3L, &w);", "w + o"),
    "__builtin_sadd_overflow": ("int w = 0; bool o = __builtin_sadd_overflow(static_cast<int>(k[i]), 1, &w);", "w + o"),
    "__builtin_saddl_overflow": ("long w = 0; bool o = __builtin_saddl_overflow(static_cast<long>(k[i]), 1, &w);", "w + o"),
    "__builtin_saddll_overflow": ("long long w = 0; bool o = __builtin_saddll_overflow(static_cast<long long>(k[i]), 1, &w);", "w + o"),
    "__builtin_uadd_overflow": ("unsigned int w = 0; bool o = __builtin_uadd_overflow(static_cast<unsigned int>(k[i]), 1, &w);", "w + o"),
    "__builtin_uaddl_overflow": ("unsigned long w = 0; bool o = __builtin_uaddl_overflow(static_cast<unsigned long>(k[i]), 1, &w);", "w + o"),
    "__builtin_uaddll_overflow": ("unsigned long long w = 0; bool o = __builtin_uaddll_overflow(static_cast<unsigned long long>(k[i]), 1, &w);", "w + o"),
    "__builtin_ssub_overflow": ("int w = 0; bool o = __builtin_ssub_overflow(static_cast<int>(k[i]), 1, &w);", "w + o"),
    "__builtin_ssubl_overflow": ("long w = 0; bool o = __builtin_ssubl_overflow(static_cast<long>(k[i]), 1, &w);", "w + o"),
    "__builtin_ssubll_overflow": ("long long w = 0; bool o = __builtin_ssubll_overflow(static_cast<long long>(k[i]), 1, &w);", "w + o"),
    "__builtin_usub_overflow": ("unsigned int w = 0; bool o = __builtin_usub_overflow(static_cast<unsigned int>(k[i]), 1, &w);", "w + o"),
    "__builtin_usubl_overflow": ("unsigned long w = 0; bool o = __builtin_usubl_overflow(static_cast<unsigned long>(k[i]), 1, &w);", "w + o"),
    "__builtin_usubll_overflow": ("unsigned long long w = 0; bool o = __builtin_usubll_overflow(static_cast<unsigned long long>(k[i]), 1, &w);", "w + o"),
    "__builtin_smul_overflow": ("int w = 0; bool o = __builtin_smul_overflow(static_cast<int>(k[i]), 3, &w);", "w + o"),
    "__builtin_smull_overflow": ("long w = 0; bool o = __builtin_smull_overflow(static_cast<long>(k[i]), 3, &w);", "w + o"),
    "__builtin_smulll_overflow": ("long long w = 0; bool o = __builtin_smulll_overflow(static_cast<long long>(k[i]), 3, &w);", "w + o"),
    "__builtin_umul_overflow": ("unsigned int w = 0; bool o = __builtin_umul_overflow(static_cast<unsigned int>(k[i]), 3, &w);", "w + o"),
    "__builtin_umull_overflow": ("unsigned long w = 0; bool o = __builtin_umull_overflow(static_cast<unsigned long>(k[i]), 3, &w);", "w + o"),
    "__builtin_umulll_overflow": ("unsigned long long w = 0; bool o = __builtin_umulll_overflow(static_cast<unsigned long long>(k[i]), 3, &w);", "w + o"),
    "__builtin_addcb": ("unsigned char c = 0; unsigned char w = __builtin_addcb(static_cast<unsigned char>(k[i]), 1, 0, &c);", "w + c"),
    "__builtin_addcs": ("unsigned short c = 0; unsigned short w = __builtin_addcs(static_cast<unsigned short>(k[i]), 1, 0, &c);", "w + c"),
    "__builtin_addc": ("unsigned int c = 0; unsigned int w = __builtin_addc(static_cast<unsigned int>(k[i]), 1, 0, &c);", "w + c"),
    "__builtin_addcl": ("unsigned long c = 0; unsigned long w = __builtin_addcl(static_cast<unsigned long>(k[i]), 1, 0, &c);", "w + c"),
    "__builtin_addcll": ("unsigned long long c = 0; unsigned long long w = __builtin_addcll(static_cast<unsigned long long>(k[i]), 1, 0, &c);", "w + c"),
    "__builtin_subcb": ("unsigned char c = 0; unsigned char w = __builtin_subcb(static_cast<unsigned char>(k[i]), 1, 0, &c);", "w + c"),
    "__builtin_subcs": ("unsigned short c = 0; unsigned short w = __builtin_subcs(static_cast<unsigned short>(k[i]), 1, 0, &c);", "w + c"),
    "__builtin_subc": ("unsigned int c = 0; unsigned int w = __builtin_subc(static_cast<unsigned int>(k[i]), 1, 0, &c);", "w + c"),
    "__builtin_subcl": ("unsigned long c = 0; unsigned long w = __builtin_subcl(static_cast<unsigned long>(k[i]), 1, 0, &c);", "w + c"),
    "__builtin_subcll": ("unsigned long long c = 0; unsigned long long w = __builtin_subcll(static_cast<unsigned long long>(k[i]), 1, 0, &c);", "w + c"),
    "__builtin_popcount": "__builtin_popcount(u[i])",
    "__builtin_popcountl": "__builtin_popcountl(static_cast<unsigned long>(k[i]))",
    "__builtin_popcountll": "__builtin_popcountll(static_cast<unsigned long long>(k[i]))",
    "__builtin_ctz": "__builtin_ctz(u[i] | 1)",
    "__builtin_ctzl": "__builtin_ctzl(static_cast<unsigned long>(k[i]) | 1)",
    "__builtin_ctzll": "__builtin_ctzll(static_cast<unsigned long long>(k[i]) | 1)",
    "__builtin_clz": "__builtin_clz(u[i] | 1)",
    "__builtin_clzl": "__builtin_clzl(static_cast<unsigned long>(k[i]) | 1)",
    "__builtin_clzll": "__builtin_clzll(static_cast<unsigned long long>(k[i]) | 1)",
    "__builtin_parity": "__builtin_parity(u[i])",
    "__builtin_ffs": "__builtin_ffs(static_cast<int>(u[i]))",
    "__builtin_bswap16": "__builtin_bswap16(static_cast<unsigned short>(u[i]))",
    "__builtin_bswap32": "__builtin_bswap32(u[i])",
    "__builtin_bswap64": "__builtin_bswap64(static_cast<unsigned long>(k[i]))",
    "__builtin_nan": "__builtin_nan(\"\") != 0 ? a[i] : 0.0",
    "__builtin_nanf": "__builtin_nanf(\"\") != 0 ? a[i] : 0.0",
    "__builtin_nanl": "__builtin_nanl(\"\") != 0 ? a[i] : 0.0",
    "__builtin_huge_val": "__builtin_huge_val() > a[i]",
    "__builtin_huge_valf": "__builtin_huge_valf() > a[i]",
    "__builtin_huge_vall": "__builtin_huge_vall() > a[i]",
    "__builtin_inf": "__builtin_inf() > a[i]",
    "__builtin_inff": "__builtin_inff() > a[i]",
    "__builtin_infl": "__builtin_infl() > a[i]",
    # Value classes: a local of the iteration, made and changed there.
    "std::vector": ("std::vector<long> w; w.push_back(k[i]); w.push_back(2);", "w[0] * w[1]"),
    "std::array": ("std::array<double, 3> w{}; w.fill(a[i]);", "w[2]"),
    "std::deque": ("std::deque<long> w; w.push_front(k[i]);", "w.front()"),
    "std::list": ("std::list<long> w; w.push_back(k[i]); w.sort();", "w.back()"),
    "std::forward_list": ("std::forward_list<long> w; w.push_front(k[i]);", "w.front()"),
    "std::map": ("std::map<long, double> w; w[k[i]] = a[i];", "w.begin()->second"),
    "std::multimap": ("std::multimap<long, double> w; w.emplace(k[i], a[i]);", "w.count(k[i])"),
    "std::set": ("std::set<long> w; w.insert(k[i]); w.insert(3);", "w.size()"),
    "std::multiset": ("std::multiset<long> w; w.insert(k[i]);", "w.count(k[i])"),
    "std::unordered_map": ("std::unordered_map<long, double> w; w[k[i]] = a[i];", "w.size()"),
    "std::unordered_multimap": ("std::unordered_multimap<long, double> w; w.emplace(k[i], a[i]);", "w.size()"),
    "std::unordered_set": ("std::unordered_set<long> w; w.insert(k[i]);", "w.count(k[i])"),
    "std::unordered_multiset": ("std::unordered_multiset<long> w; w.insert(k[i]);", "w.count(k[i])"),
    "std::stack": ("std::stack<long> w; w.push(k[i]);", "w.top()"),
    "std::queue": ("std::queue<long> w; w.push(k[i]);", "w.front()"),
    "std::priority_queue": ("std::priority_queue<long> w; w.push(k[i]); w.push(1);", "w.top()"),
    "std::basic_string": "s[i].find(\"ab\") == std::string::npos ? 0 : s[i].substr(0, 1).size()",
    "std::basic_string_view": "std::string_view(s[i]).find('a')",
    "std::span": ("double t[3] = {a[i], 1, 2}; std::span<double> w(t);", "w[0] + w.size()"),
    "std::optional": ("std::optional<double> w; w = a[i];", "w.value_or(0.0)"),
    "std::variant": ("std::variant<double, long> w = a[i]; w = k[i];", "w.index()"),
    "std::pair": ("std::pair<double, long> w(a[i], k[i]);", "w.first + w.second"),
    "std::tuple": ("std::tuple<double, long> w(a[i], k[i]);", "std::get<0>(w)"),
    "std::bitset": ("std::bitset<16> w(u[i]); w.flip();", "w.count()"),
    "std::complex": ("std::complex<double> z(a[i], 1.0); z *= z;", "z.real()"),
    "std::valarray": ("std::valarray<double> w(a[i], 3);", "w.sum()"),
    "std::initializer_list": ("std::initializer_list<double> w = {a[i], 1.0};", "w.size()"),
    "std::unique_ptr": ("std::unique_ptr<double> w = std::make_unique<double>(a[i]); auto x = std::move(w);", "*x"),
    "std::shared_ptr": ("std::shared_ptr<double> w = std::make_shared<double>(a[i]); auto x = w;", "*x"),
    "std::weak_ptr": ("std::shared_ptr<double> w = std::make_shared<double>(a[i]); std::weak_ptr<double> x = w;", "*x.lock()"),
    "std::allocator": ("std::allocator<double> w; std::allocator<double> x = w;", "(w == x) + a[i]"),
    "std::char_traits": "std::char_traits<char>::length(s[i].c_str())",
    "std::numeric_limits": "std::numeric_limits<double>::quiet_NaN() != a[i]",
    "std::hash": "std::hash<long>{}(k[i]) % 7",
    "std::reference_wrapper": ("double x = a[i]; std::reference_wrapper<double> w(x);", "w.get()"),
    "std::chrono::duration": ("std::chrono::seconds w(k[i]); w += std::chrono::seconds(1);", "w.count()"),
    "std::plus": "std::plus<>{}(a[i], 1.0)",
    "std::minus": "std::minus<>{}(a[i], 1.0)",
    "std::multiplies": "std::multiplies<>{}(a[i], 2.0)",
    "std::divides": "std::divides<>{}(a[i], 2.0)",
    "std::modulus": "std::modulus<>{}(k[i], 7L)",
    "std::negate": "std::negate<>{}(a[i])",
    "std::bit_and": "std::bit_and<>{}(u[i], 7u)",
    "std::bit_or": "std::bit_or<>{}(u[i], 7u)",
    "std::bit_xor": "std::bit_xor<>{}(u[i], 7u)",
    "std::bit_not": "std::bit_not<>{}(u[i])",
    "std::less": "std::less<>{}(a[i], 0.5)",
    "std::less_equal": "std::less_equal<>{}(a[i], 0.5)",
    "std::greater": "std::greater<>{}(a[i], 0.5)",
    "std::greater_equal": "std::greater_equal<>{}(a[i], 0.5)",
    "std::equal_to": "std::equal_to<>{}(a[i], 0.5)",
    "std::not_equal_to": "std::not_equal_to<>{}(a[i], 0.5)",
    "std::logical_and": "std::logical_and<>{}(a[i] > 0, k[i] > 0)",
    "std::logical_or": "std::logical_or<>{}(a[i] > 0, k[i] > 0)",
    "std::logical_not": "std::logical_not<>{}(a[i] > 0)",
    "std::identity": "std::identity{}(a[i])",
    "std::mersenne_twister_engine": ("std::mt19937_64 g(static_cast<unsigned long>(k[i]));", "g() % 100"),
    "std::linear_congruential_engine": ("std::minstd_rand g(static_cast<unsigned>(k[i]));", "g() % 100"),
    "std::subtract_with_carry_engine": ("std::ranlux24_base g(static_cast<unsigned>(k[i]));", "g() % 100"),
    "std::uniform_int_distribution": ("std::mt19937 g(static_cast<unsigned>(k[i])); std::uniform_int_distribution<int> d(0, 9);",
                                      "d(g)"),
    "std::uniform_real_distribution": ("std::mt19937 g(static_cast<unsigned>(k[i])); std::uniform_real_distribution<double> d(0, 1);",
                                       "d(g)"),
    "std::bernoulli_distribution": ("std::mt19937 g(static_cast<unsigned>(k[i])); std::bernoulli_distribution d(0.5);", "d(g)"),
    "std::normal_distribution": ("std::mt19937 g(static_cast<unsigned>(k[i])); std::normal_distribution<double> d(0, 1);",
                                 "d(g)"),
    "std::any": ("std::any w = a[i];", "w.has_value()"),
    "std::type_info": ("const std::type_info &w = typeid(k[i]);", "(w == typeid(long)) + a[i]"),
    "std::exception": ("std::exception w;", "a[i]"),
    "std::logic_error": ("std::logic_error w(\"x\");", "a[i]"),
    "std::invalid_argument": ("std::invalid_argument w(\"x\");", "a[i]"),
    "std::domain_error": ("std::domain_error w(\"x\");", "a[i]"),
    "std::length_error": ("std::length_error w(\"x\");", "a[i]"),
    "std::out_of_range": ("std::out_of_range w(\"x\");", "a[i]"),
    "std::runtime_error": ("std::runtime_error w(\"x\");", "a[i]"),
    "std::range_error": ("std::range_error w(\"x\");", "a[i]"),
    "std::overflow_error": ("std::overflow_error w(\"x\");", "a[i]"),
    "std::underflow_error": ("std::underflow_error w(\"x\");", "a[i]"),
    "std::bad_alloc": ("std::bad_alloc w;", "a[i]"),
    "__gnu_cxx::__normal_iterator": "*s[i].begin() == 'a'",
    "std::reverse_iterator": "*s[i].rbegin() == 'a'",
    "std::move_iterator": ("std::move_iterator<std::string::iterator> it(s[i].begin());", "*it == 'a'"),
    "std::back_insert_iterator": ("std::vector<long> w; std::back_insert_iterator<std::vector<long>> it(w); it = k[i];", "w[0]"),
    "std::front_insert_iterator": ("std::deque<long> w; std::front_insert_iterator<std::deque<long>> it(w); it = k[i];", "w[0]"),
    "std::insert_iterator": ("std::set<long> w; std::insert_iterator<std::set<long>> it(w, w.end()); it = k[i];", "*w.begin()"),
    "std::_Rb_tree_iterator": ("std::map<long, double> w{{k[i], a[i]}};", "w.begin()->second"),
    "std::_Rb_tree_const_iterator": ("const std::set<long> w{k[i]};", "*w.begin()"),
    "std::_List_iterator": ("std::list<long> w{k[i]};", "*w.begin()"),
    "std::_List_const_iterator": ("const std::list<long> w{k[i]};", "*w.begin()"),
    "std::_Deque_iterator": ("std::deque<long> w{k[i]};", "*w.begin()"),
    "std::_Fwd_list_iterator": ("std::forward_list<long> w{k[i]};", "*w.begin()"),
    "std::_Fwd_list_const_iterator": ("const std::forward_list<long> w{k[i]};", "*w.begin()"),
    "std::__detail::_Node_iterator": ("std::unordered_map<long, double> w{{k[i], a[i]}};", "w.begin()->second"),
    "std::__detail::_Node_const_iterator": ("const std::unordered_set<long> w{k[i]};", "*w.begin()"),
    "std::__detail::operator==": ("std::unordered_map<long, double> w{{k[i], a[i]}}; auto b = w.bucket(k[i]);",
                                  "(w.begin(b) == w.end(b)) + a[i]"),
    "std::__detail::_Local_iterator": ("std::unordered_map<long, double> w{{k[i], a[i]}};", "w.begin(w.bucket(k[i]))->second"),
    "std::__detail::_Local_const_iterator": ("const std::unordered_set<long> w{k[i]};", "*w.cbegin(w.bucket(k[i]))"),
    # std::vector<bool>'s iterators and proxy references, a bitset's, a valarray's selections.
    "std::_Bit_iterator": ("std::vector<bool> w(3, a[i] > 0.5);", "*w.begin() + 0.5"),
    "std::_Bit_const_iterator": ("const std::vector<bool> w(3, a[i] > 0.5);", "*w.cbegin() + 0.5"),
    "std::_Bit_iterator_base": ("std::vector<bool> w(3);", "(w.end() - w.begin()) + a[i]"),
    "std::_Bit_reference": ("std::vector<bool> w(3); w[1] = a[i] > 0.5; w[2].flip();", "w[1] + w[2] + 0.5"),
    "std::bitset::reference": ("std::bitset<8> w; w[1] = a[i] > 0.5; w[2].flip();", "w[1] + w[2] + 0.5"),
    "std::slice_array": ("std::valarray<double> w(a[i], 4); w[std::slice(0, 2, 2)] = 1.0;", "w.sum()"),
    "std::gslice_array": ("std::valarray<double> w(a[i], 4); w[std::gslice(0, {2}, {2})] = 1.0;", "w.sum()"),
    "std::mask_array": ("std::valarray<double> w(a[i], 4); std::valarray<bool> m(true, 4); w[m] = 1.0;", "w.sum()"),
    "std::indirect_array": ("std::valarray<double> w(a[i], 4); std::valarray<std::size_t> x(std::size_t(1), 2); w[x] = 1.0;", "w.sum()"),
    "std::slice": ("std::slice w(0, 2, 1);", "w.size() + a[i]"),
    "std::gslice": ("std::valarray<double> w(a[i], 4); std::valarray<double> x = w[std::gslice(0, {2}, {1})];", "x.sum()"),
    # A node handle (extract, insert) owns the node taken out of a map or set.
    "std::_Node_handle": ("std::map<long, double> w{{k[i], a[i]}}; auto h = w.extract(k[i]); double m = h.mapped(); w.insert(std::move(h));",
                          "w.begin()->second + m"),
    "std::_Node_handle_common": ("std::set<long> w{k[i]}; auto h = w.extract(k[i]);", "h.empty() + a[i]"),
    "std::source_location": ("std::source_location w;", "w.line() + a[i]"),
    "std::suspend_never": ("std::suspend_never w;", "w.await_ready() + a[i]"),
    "std::suspend_always": ("std::suspend_always w;", "w.await_ready() + a[i]"),
    "std::_Node_insert_return": ("std::set<long> w{k[i]}; auto h = w.extract(k[i]); auto res = w.insert(std::move(h));", "res.inserted + a[i]"),
    "std::chrono::time_point": ("std::chrono::sys_seconds w{std::chrono::seconds(k[i])};", "w.time_since_epoch().count()"),
    "std::to_chars_result": ("char b[24]; std::to_chars_result res = std::to_chars(b, b + 24, k[i]);", "res.ptr - b"),
    "std::from_chars_result": ("long v = 0; std::from_chars_result res = std::from_chars(s[i].data(), s[i].data() + s[i].size(), v);",
                               "v + (res.ptr - s[i].data())"),
}

# Entries that cannot be called with simple arguments in a loop, and why.
NOT_SIMPLE = {
    "std::getline": "reads a stream",
    "std::operator<<": "writes a stream",
    "std::operator>>": "reads a stream",
    "std::__cmp_cat::__unspec::__unspec": "libstdc++'s comparison-category helper, never called by users",
    "std::__cmp_cat::__unspec": "libstdc++'s comparison-category helper, never named by users",
    "std::__addressof": "libstdc++'s own spelling of std::addressof",
    "std::__assert_fail": "ends the program",
    "std::__assert_perror_fail": "ends the program",
    "std::__glibcxx_assert_fail": "ends the program",
    "std::__throw_bad_alloc": "throws",
    "std::abort": "ends the program",
    "std::terminate": "ends the program",
    "std::unreachable": "undefined behaviour when reached",
    "std::is_constant_evaluated": "takes no argument: a question the compiler answers where the call is written (false at run time)",
    "std::trap": "ends the program",
    "std::ranges::views::__adaptor::operator|": "a view adaptor: makes a view, iterated by a loop of its own",
    "std::ranges::views::__adaptor::_RangeAdaptor::operator()": "a view adaptor",
    "std::ranges::views::__adaptor::_Partial::operator()": "a view adaptor",
    "std::ranges::views::__adaptor::_Pipe::operator()": "a view adaptor",
    "std::ranges::views::_Iota::operator()": "a view factory",
    "std::ranges::views::_All::operator()": "a view factory",
    "std::ranges::operator==": "a view iterator's comparison with its sentinel",
    "std::ranges::operator!=": "a view iterator's comparison with its sentinel",
    "std::ranges::operator-": "a view iterator's distance to its sentinel",
    "std::ranges::__sort_fn::operator()": "a ranges algorithm object (std::ranges::sort)",
    "std::ranges::__stable_sort_fn::operator()": "a ranges algorithm object",
    "std::ranges::__reverse_fn::operator()": "a ranges algorithm object",
    "std::ranges::__fill_fn::operator()": "a ranges algorithm object",
    "std::ranges::__find_fn::operator()": "a ranges algorithm object",
    "std::ranges::__count_fn::operator()": "a ranges algorithm object",
    "std::ranges::__min_element_fn::operator()": "a ranges algorithm object",
    "std::ranges::__max_element_fn::operator()": "a ranges algorithm object",
    "std::function": "calls through it are indirect calls, never parallelized",
    "std::move_only_function": "calls through it are indirect calls, never parallelized",
    "std::allocator_traits": "used by containers, not called in user loops",
    "std::allocator_traits::construct": "used by containers, not called in user loops",
    "std::allocator_traits::destroy": "used by containers, not called in user loops",
    "std::allocator_traits::deallocate": "used by containers, not called in user loops",
    "std::allocator::deallocate": "used by containers, not called in user loops",
    "std::basic_ostringstream": "a string stream's constructor reads the global locale",
    "std::basic_istringstream": "a string stream's constructor reads the global locale",
    "std::basic_stringstream": "a string stream's constructor reads the global locale",
    "std::basic_ostream": "streams are I/O or depend on the global locale",
    "std::basic_istream": "streams are I/O or depend on the global locale",
    "std::basic_iostream": "streams are I/O or depend on the global locale",
    "std::basic_ios": "streams are I/O or depend on the global locale",
    "std::ios_base": "streams are I/O or depend on the global locale",
    "std::discard_block_engine": "an engine adaptor; its engines are sampled above",
    "std::independent_bits_engine": "an engine adaptor; its engines are sampled above",
    "std::shuffle_order_engine": "an engine adaptor; its engines are sampled above",
    "std::ranges::view_interface": "a view, iterated by a loop of its own",
    "std::ranges::ref_view": "a view",
    "std::ranges::owning_view": "a view",
    "std::ranges::iota_view": "a view",
    "std::ranges::iota_view::_Iterator": "a view's iterator",
    "std::ranges::iota_view::_Sentinel": "a view's sentinel",
    "std::ranges::filter_view": "a view",
    "std::ranges::filter_view::_Iterator": "a view's iterator",
    "std::ranges::filter_view::_Sentinel": "a view's sentinel",
    "std::ranges::transform_view": "a view",
    "std::ranges::transform_view::_Iterator": "a view's iterator",
    "std::ranges::transform_view::_Sentinel": "a view's sentinel",
    "std::ranges::take_view": "a view",
    "std::ranges::take_view::_Sentinel": "a view's sentinel",
    "std::ranges::drop_view": "a view",
    "std::ranges::reverse_view": "a view",
    "std::counted_iterator": "a view's iterator",
    "std::ranges::views::_Filter::operator()": "a view adaptor",
    "std::ranges::views::_Transform::operator()": "a view adaptor",
    "std::ranges::views::_Take::operator()": "a view adaptor",
    "std::ranges::views::_TakeWhile::operator()": "a view adaptor",
    "std::ranges::views::_Drop::operator()": "a view adaptor",
    "std::ranges::views::_DropWhile::operator()": "a view adaptor",
    "std::ranges::views::_Join::operator()": "a view adaptor",
    "std::ranges::views::_LazySplit::operator()": "a view adaptor",
    "std::ranges::views::_Split::operator()": "a view adaptor",
    "std::ranges::views::_Counted::operator()": "a view adaptor",
    "std::ranges::views::_Common::operator()": "a view adaptor",
    "std::ranges::views::_Reverse::operator()": "a view adaptor",
    "std::ranges::views::_Elements::operator()": "a view adaptor",
    "std::ranges::views::_Single::operator()": "a view adaptor",
    "std::ranges::subrange": "a view",
    "std::ranges::reverse_view": "a view",
    "std::ranges::common_view": "a view",
    "std::ranges::join_view": "a view",
    "std::ranges::elements_view": "a view",
    "std::ranges::take_while_view": "a view",
    "std::ranges::drop_while_view": "a view",
    "std::ranges::single_view": "a view",
    "std::ranges::empty_view": "a view",
    "std::ranges::split_view": "a view",
    "std::ranges::lazy_split_view": "a view",
    "std::ranges::join_view::_Iterator": "a view's iterator",
    "std::ranges::join_view::_Sentinel": "a view's sentinel",
    "std::ranges::split_view::_Iterator": "a view's iterator",
    "std::ranges::split_view::_Sentinel": "a view's sentinel",
    "std::ranges::lazy_split_view::_OuterIter": "a view's iterator",
    "std::ranges::lazy_split_view::_InnerIter": "a view's iterator",
    "std::ranges::lazy_split_view::_OuterIter::value_type": "a view (one piece of a lazy split)",
    "std::ranges::elements_view::_Iterator": "a view's iterator",
    "std::ranges::elements_view::_Sentinel": "a view's sentinel",
    "std::ranges::take_while_view::_Sentinel": "a view's sentinel",
    "std::common_iterator": "a view's iterator",
}

HEADERS = """#include <algorithm>
#include <any>
#include <array>
#include <bit>
#include <bitset>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <complex>
#include <coroutine>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <forward_list>
#include <functional>
#include <iterator>
#include <list>
#include <map>
#include <memory>
#include <new>
#include <numeric>
#include <optional>
#include <queue>
#include <random>
#include <set>
#include <source_location>
#include <span>
#include <stack>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <typeinfo>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <valarray>
#include <variant>
#include <vector>

// A user function the checker proves pure: a loop that stays serial says why.
[[pure]] double unit(int i) { return i < 0 ? 1.0 : 0.0; }
"""


def entries(def_path):
    """The table's entries a loop can use: functions judged pure (or writing
    only their arguments' ranges), value classes and proxy references."""
    out = []
    # A name may hold escaped quotes (the literal operator `std::operator\"\"s`).
    pattern = re.compile(r'^PURECC_STD_(PURE|RANGE|CLASS|PROXY)\("((?:[^"\\]|\\.)+)"\)')
    with open(def_path) as f:
        for line in f:
            m = pattern.match(line)
            name = m.group(2).replace('\\"', '"') if m else None
            if m and name not in out:
                out.append(name)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--def", dest="table", required=True)
    ap.add_argument("--purecc", required=True)
    ap.add_argument("--work", required=True)
    args = ap.parse_args()

    names = entries(args.table)
    unknown = [n for n in names if n not in SAMPLES and n not in NOT_SIMPLE]
    for n in unknown:
        print(f"error: no sample call for '{n}': add one to SAMPLES in {__file__}, "
              "or say in NOT_SIMPLE why it cannot be called in a loop")
    stale = [n for n in list(SAMPLES) + list(NOT_SIMPLE) if n not in names]
    for n in stale:
        print(f"error: '{n}' is no longer in the table: remove its sample")

    source = HEADERS
    loops = {}  # line of the `for` -> entry
    lines = source.count("\n")
    for index, name in enumerate(n for n in names if n in SAMPLES):
        sample = SAMPLES[name]
        stmts, value = sample if isinstance(sample, tuple) else ("", sample)
        text = (f"// {name}\n"
                f"double loop{index}(int n) {{\n"
                "  std::vector<double> a(n), r(n);\n"
                "  std::vector<long> k(n, 1);\n"
                "  std::vector<unsigned> u(n);\n"
                "  std::vector<std::string> s(n, \"ab\");\n"
                "  for (int i = 0; i < n; ++i) {\n"
                f"    {stmts}\n"
                f"    r[i] = static_cast<double>({value}) + unit(i);\n"
                "  }\n"
                "  return r[0] + a[0] + static_cast<double>(k[0] + u[0] + s[0].size());\n"
                "}\n")
        loops[lines + 7] = name
        source += text
        lines += text.count("\n")
    path = args.work + ".cpp"
    with open(path, "w") as f:
        f.write(source)

    run = subprocess.run([args.purecc, "rewrite", "--remarks", path, "-o", args.work + ".out.cpp",
                          "--", "-std=c++20"], capture_output=True, text=True)
    remarks = {}
    for line in run.stderr.splitlines():
        m = re.match(re.escape(path) + r":(\d+):\d+: (remark|error|warning): (.*)", line)
        if m:
            remarks.setdefault(int(m.group(1)), []).append(f"{m.group(2)}: {m.group(3)}")
    if run.returncode != 0:
        print(f"error: purecc exited with {run.returncode}")
        print(run.stderr[:4000])
    missed = 0
    for line, name in loops.items():
        said = remarks.get(line, [])
        if name in MAY_THROW or name in THROWS_BY_CONTRACT:
            # Kept serial by the speculation rule: the loop's remark must say
            # that the call may throw; once the analysis proves it cannot,
            # the entry leaves MAY_THROW.
            if not any("may throw, and the serial loop does not run the later iterations then"
                       in r for r in said):
                missed += 1
                print(f"error: the loop over '{name}' ({path}:{line}) is listed in MAY_THROW "
                      "but its remark is: " + ("; ".join(said) if said else "no remark"))
            continue
        if not any("loop rewritten as a parallel map over 'r'" in r for r in said):
            missed += 1
            print(f"error: the loop over '{name}' ({path}:{line}) is not parallelized: "
                  + ("; ".join(said) if said else "no remark"))
    serial = len(MAY_THROW) + len(THROWS_BY_CONTRACT)
    print(f"{len(names)} entries: {len(loops) - missed - serial} of "
          f"{len(loops) - serial} loops parallelized, {len(MAY_THROW)} kept serial "
          f"as may throw, {len(THROWS_BY_CONTRACT)} as throwing by contract, "
          f"{len(NOT_SIMPLE)} not callable with simple arguments")
    return 1 if unknown or stale or missed or run.returncode != 0 else 0


# Entries whose sample loop stays serial because analysis/MayThrow cannot
# prove the call cannot throw, even with the library's own throws exempt
# (Operands::Speculated): each is an imprecision of the analysis, not a
# property of the function (docs/codegen.md, "Loops follow the same rule").
MAY_THROW = {}

# Entries whose every call may throw by the function's documented contract
# (PURECC_STD_THROWS, Always): their sample loop stays serial by the
# speculation rule, rightly. Entries that also have a form that cannot
# throw are sampled with it (`*std::any_cast<long>(&x)`, `value_or`).
THROWS_BY_CONTRACT = {
    "std::visit": "std::bad_variant_access of a variant valueless by an exception",
}


if __name__ == "__main__":
    sys.exit(main())
