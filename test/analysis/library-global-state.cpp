// RUN: %purecc check %s -- -std=c++20 -ferror-limit=0 -Xclang -verify
// RUN: %purecc check --suggest %s -- -std=c++20 -DUNANNOTATED -Xclang -verify=suggest
//
// Library functions whose result depends on the global locale, the
// floating-point environment or the process environment read global
// state: never pure, never suggested (a memoized result would outlive a
// change of locale). Each is named with the reason.
#include <cctype>
#include <cfenv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <charconv>
#include <sstream>
#include <string>

#ifdef UNANNOTATED
#define PURE
#else
#define PURE [[pure]]
#endif

// Nothing in this file may be suggested but these two: integer to_string
// and the locale-free <charconv> forms.
PURE std::string digits(int x) { return std::to_string(x); } // suggest-remark {{function 'digits' can be declared pure}}
PURE int parse(const char *s, int n) { // suggest-remark {{function 'parse' can be declared pure}}
  int v = 0;
  std::from_chars(s, s + n, v);
  return v;
}

PURE std::string grouped(long x) { // expected-note {{'grouped' declared pure here}}
  std::ostringstream os; // expected-error {{pure function 'grouped' calls the constructor of 'std::ostringstream', which depends on the global locale [purecc-impure-library]}}
  os << x;
  return os.str();
}

PURE double read_back(const std::string &s) { // expected-note {{'read_back' declared pure here}}
  std::istringstream is(s); // expected-error {{pure function 'read_back' calls the constructor of 'std::istringstream', which depends on the global locale [purecc-impure-library]}}
  double d = 0;
  is >> d;
  return d;
}

PURE std::string both(const std::string &s) { // expected-note {{'both' declared pure here}}
  std::stringstream ss; // expected-error {{pure function 'both' calls the constructor of 'std::stringstream', which depends on the global locale [purecc-impure-library]}}
  ss << s;
  return ss.str();
}

PURE std::string fraction(double x) { // expected-note {{'fraction' declared pure here}}
  return std::to_string(x); // expected-error {{pure function 'fraction' calls 'std::to_string', which formats through the global locale [purecc-impure-library]}}
}

PURE int lower(int c) { // expected-note {{'lower' declared pure here}}
  return std::tolower(c); // expected-error {{pure function 'lower' calls 'std::tolower', which depends on the global locale [purecc-impure-library]}}
}

PURE int upper(int c) { // expected-note {{'upper' declared pure here}}
  return toupper(c); // expected-error {{pure function 'upper' calls 'toupper', which depends on the global locale [purecc-impure-library]}}
}

PURE bool letter(int c) { // expected-note 12 {{'letter' declared pure here}}
  return std::isalpha(c) // expected-error {{pure function 'letter' calls 'std::isalpha', which depends on the global locale [purecc-impure-library]}}
      || std::isdigit(c) // expected-error {{pure function 'letter' calls 'std::isdigit', which depends on the global locale [purecc-impure-library]}}
      || std::isalnum(c) // expected-error {{pure function 'letter' calls 'std::isalnum', which depends on the global locale [purecc-impure-library]}}
      || std::isspace(c) // expected-error {{pure function 'letter' calls 'std::isspace', which depends on the global locale [purecc-impure-library]}}
      || std::isupper(c) // expected-error {{pure function 'letter' calls 'std::isupper', which depends on the global locale [purecc-impure-library]}}
      || std::islower(c) // expected-error {{pure function 'letter' calls 'std::islower', which depends on the global locale [purecc-impure-library]}}
      || std::isxdigit(c) // expected-error {{pure function 'letter' calls 'std::isxdigit', which depends on the global locale [purecc-impure-library]}}
      || std::ispunct(c) // expected-error {{pure function 'letter' calls 'std::ispunct', which depends on the global locale [purecc-impure-library]}}
      || std::isprint(c) // expected-error {{pure function 'letter' calls 'std::isprint', which depends on the global locale [purecc-impure-library]}}
      || std::isgraph(c) // expected-error {{pure function 'letter' calls 'std::isgraph', which depends on the global locale [purecc-impure-library]}}
      || std::iscntrl(c) // expected-error {{pure function 'letter' calls 'std::iscntrl', which depends on the global locale [purecc-impure-library]}}
      || std::isblank(c); // expected-error {{pure function 'letter' calls 'std::isblank', which depends on the global locale [purecc-impure-library]}}
}

PURE double number(const std::string &s) { // expected-note 2 {{'number' declared pure here}}
  return std::stod(s) // expected-error {{pure function 'number' calls 'std::stod', which depends on the global locale [purecc-impure-library]}}
       + std::stoi(s); // expected-error {{pure function 'number' calls 'std::stoi', which depends on the global locale [purecc-impure-library]}}
}

PURE double c_number(const char *s) { // expected-note 3 {{'c_number' declared pure here}}
  return std::strtod(s, nullptr) // expected-error {{pure function 'c_number' calls 'std::strtod', which depends on the global locale [purecc-impure-library]}}
       + std::atoi(s) // expected-error {{pure function 'c_number' calls 'std::atoi', which depends on the global locale [purecc-impure-library]}}
       + std::strtol(s, nullptr, 10); // expected-error {{pure function 'c_number' calls 'std::strtol', which depends on the global locale [purecc-impure-library]}}
}

PURE int format(double x) { // expected-note {{'format' declared pure here}}
  char buf[64];
  return std::snprintf(buf, sizeof buf, "%.2f", x); // expected-error {{pure function 'format' calls 'std::snprintf', which formats through the global locale [purecc-impure-library]}}
}

PURE double rounded(double x) { // expected-note 2 {{'rounded' declared pure here}}
  return std::nearbyint(x) // expected-error {{pure function 'rounded' calls 'std::nearbyint', which depends on the floating-point environment [purecc-impure-library]}}
       + std::rint(x); // expected-error {{pure function 'rounded' calls 'std::rint', which depends on the floating-point environment [purecc-impure-library]}}
}

PURE int mode(int) { // expected-note {{'mode' declared pure here}}
  return std::fegetround(); // expected-error {{pure function 'mode' calls 'std::fegetround', which depends on the floating-point environment [purecc-impure-library]}}
}

PURE int set_mode(int m) { // expected-note {{'set_mode' declared pure here}}
  return std::fesetround(m); // expected-error {{pure function 'set_mode' calls 'std::fesetround', which changes the floating-point environment [purecc-impure-library]}}
}

PURE bool configured(const char *name) { // expected-note {{'configured' declared pure here}}
  return std::getenv(name) != nullptr; // expected-error {{pure function 'configured' calls 'std::getenv', which reads the environment [purecc-impure-library]}}
}

// State the library keeps for the whole process (adv87 F01-F04): lgamma's
// sign in 'signgam', the count of a shared pointer's owners, the streams'
// index counter and synchronization, a std::pmr container's memory
// resource (its members that allocate or free; reading one is fine).
#include <ios>
#include <memory>
#include <memory_resource>
#include <vector>
PURE double log_gamma(double x) { // expected-note {{'log_gamma' declared pure here}}
  return std::lgamma(x); // expected-error {{pure function 'log_gamma' calls 'std::lgamma', which writes the global 'signgam' [purecc-impure-library]}}
}
PURE long owners(const std::shared_ptr<long> &sp) { // expected-note 2 {{'owners' declared pure here}}
  std::weak_ptr<long> w = sp;
  return sp.use_count() + w.expired(); // expected-error {{pure function 'owners' calls 'std::shared_ptr<long>::use_count', which reads the count of owners, which copies made elsewhere change [purecc-impure-library]}} expected-error {{pure function 'owners' calls 'std::weak_ptr<long>::expired', which reads the count of owners, which copies made elsewhere change [purecc-impure-library]}}
}
PURE long slot(long x) { // expected-note 2 {{'slot' declared pure here}}
  return x + std::ios_base::xalloc() + std::ios_base::sync_with_stdio(true); // expected-error {{pure function 'slot' calls 'std::ios_base::xalloc', which hands out a new index on every call [purecc-impure-library]}} expected-error {{pure function 'slot' calls 'std::ios_base::sync_with_stdio', which changes how the standard streams are synchronized [purecc-impure-library]}}
}
PURE long first(long x) { // expected-note 2 {{'first' declared pure here}}
  std::pmr::vector<long> v; // expected-error {{pure function 'first' calls the destructor of 'std::pmr::vector<long>', which allocates or frees through a 'std::pmr::memory_resource', which is shared [purecc-impure-library]}}
  v.push_back(x); // expected-error {{pure function 'first' calls 'std::pmr::vector<long>::push_back', which allocates or frees through a 'std::pmr::memory_resource', which is shared [purecc-impure-library]}}
  return v[0];
}
PURE long read_pmr(const std::pmr::vector<long> &v) { return long(v.size()) + (v.empty() ? 0 : v[0]); } // suggest-remark {{function 'read_pmr' can be declared pure}}
