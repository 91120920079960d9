// A join with separators, `if (!csv.empty()) csv += ','; csv += piece(i);`,
// asks what earlier iterations appended: it stays serial, and the remark
// says so and gives the usual rewrite (user47 k09), which is rewritten.
// RUN: %purecc rewrite --remarks %s -o /dev/null -- -std=c++20 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <string>

[[pure]] std::string piece(int i) {
  long r = i;
  for (int k = 0; k < 80; ++k)
    r = (r * 1103515245 + 12345) % 1000003;
  return std::to_string(r % 1000);
}

int main() {
  std::string csv;
  for (int i = 0; i < 3000; ++i) {
    if (i % 3 == 0)
      continue;
    if (!csv.empty())
      csv += ',';
    csv += piece(i);
  }
  // REMARK: concat-separators.cpp:[[@LINE-7]]:3: remark: loop not parallelized: 'csv' is used inside the loop body other than by appending to it ('csv.empty()' depends on what earlier iterations appended; to join with a separator, append it before every piece and erase the first one after the loop) [purecc-missed-reduction]
  // The rewrite the remark gives.
  std::string joined;
  for (int i = 0; i < 3000; ++i) {
    if (i % 3 == 0)
      continue;
    joined += "," + piece(i);
  }
  // REMARK: concat-separators.cpp:[[@LINE-5]]:3: remark: loop rewritten as a parallel concatenation onto 'joined' (the pieces kept in the loop's order) [purecc-concatenation]
  if (!joined.empty())
    joined.erase(0, 1);
  std::printf("%zu %d %s\n", csv.size(), csv == joined, csv.substr(0, 24).c_str());
  // OUT: 7776 1 864,916,17,69,173,225,32
}
