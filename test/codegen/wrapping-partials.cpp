// Integer partial results combine, and fold into the accumulator, in the
// unsigned type of their promoted type (purecc/wrapping.h), as the serial
// steps wrap: `int acc; acc += (unsigned)x` adds in 'unsigned' at each step
// and converts back (modulo 2^32, defined), while `lhs + rhs` of two 'int'
// partials overflowed: undefined behaviour the serial program does not
// have, which the overflow sanitizer below turns into a trap (adv46 t14,
// t15, t19, t21; two 'unsigned short' partials multiply as 'int').
// RUN: %purecc rewrite %s -o - -- -std=c++20 | FileCheck %s
// RUN: env E2E_CPPFLAGS="-fsanitize=signed-integer-overflow -fsanitize-undefined-trap-on-error" %e2e %s %t | FileCheck %s --check-prefix=OUT

#include <cstdio>
#include <numeric>
#include <vector>

[[pure]] long mix(long x) {
  unsigned long h = static_cast<unsigned long>(x);
  for (int k = 0; k < 100; ++k)
    h = h * 6364136223846793005UL + 1442695040888963407UL;
  return static_cast<long>(h >> 33);
}
[[pure]] unsigned umix(long x) { return static_cast<unsigned>(mix(x)); }

int main() {
  int acc = 7;
  for (int i = 0; i < 30000; ++i)
    acc += static_cast<unsigned>(mix(i));
  // CHECK: acc = ::purecc::wrapping_add<int>(acc, ::purecc::parallel_reduce(0, 30000, int{}, {{.*}}, [](int purecc_lhs, int purecc_rhs) { return ::purecc::wrapping_add(purecc_lhs, purecc_rhs); }));
  std::printf("scalar: %d\n", acc);

  int prod = 1;
  for (int i = 0; i < 30000; ++i)
    prod *= 3u + 2u * (umix(i) % 2u);
  std::printf("product: %d\n", prod);

  int hist[16] = {};
  for (int i = 0; i < 30000; ++i)
    hist[mix(i) % 16] += 3000000u;
  // CHECK: purecc_lhs[[[K:purecc_k[0-9]+]]] = ::purecc::wrapping_add<int>(purecc_lhs[[[K]]], purecc_rhs[[[K]]]); }); for (std::size_t [[K]] = 0; [[K]] < [[R:purecc_r[0-9]+]].size(); ++[[K]]) hist[[[K]]] = ::purecc::wrapping_add<int>(hist[[[K]]], [[R]][[[K]]]); }
  std::printf("histogram:");
  for (int x : hist)
    std::printf(" %d", x);
  std::printf("\n");

  int h2[16] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  for (int i = 0; i < 30000; ++i)
    h2[mix(i) % 16] *= 3u;
  std::printf("products:");
  for (int x : h2)
    std::printf(" %d", x);
  std::printf("\n");

  unsigned short narrow[4] = {1, 1, 1, 1};
  for (int i = 0; i < 30000; ++i)
    narrow[mix(i) % 4] *= 3;
  // CHECK: ::purecc::wrapping_mul<unsigned short>(
  std::printf("narrow: %u %u %u %u\n", narrow[0], narrow[1], narrow[2], narrow[3]);

  // std::accumulate of 'unsigned' terms into an 'int' total.
  std::vector<unsigned> terms(30000);
  for (int i = 0; i < 30000; ++i)
    terms[i] = umix(i);
  int total = std::accumulate(terms.begin(), terms.end(), 5);
  std::printf("accumulate: %d\n", total);

  // A leaf's private partial starts from the identity and takes the user's
  // own steps: kept in the unsigned type, where they wrap, since in 'int'
  // they overflow where the serial elements never leave their range
  // (adv47 t38: 0 times anything stays 0 serially, a partial starting
  // from 1 overflows; t58: the serial elements fall from 2.1e9 to -4e8,
  // a partial from 0 passes INT_MIN; t55: the scalar form).
  int zeros[2] = {};
  for (int i = 0; i < 30000; ++i)
    zeros[mix(i) % 2] *= 3 + static_cast<int>(mix(i + 7) % 5);
  // CHECK: std::vector<::purecc::wrapping<int>>(std::size(zeros)
  std::vector<int> falling(100000);
  falling[0] = falling[1] = 2100000000;
  for (int i = 0; i < 30000; ++i)
    falling[mix(i) % 2] -= 150000;
  int stays = 0;
  for (int i = 0; i < 3000; ++i)
    for (int j = 0; j < 40; ++j)
      stays *= 3 + static_cast<int>(mix(i + j) % 5);
  // CHECK: ::purecc::wrapping<int> purecc_acc_{{[0-9]+}} = int{1};
  std::printf("private partials: %d %d %d %d %d\n", zeros[0], zeros[1], falling[0], falling[1], stays);

  // `__int128`, which strict -std=c++20 gives no std::make_unsigned (adv47
  // t08, t09), in a sum and a histogram.
  __extension__ typedef __int128 wide;
  wide big = 0;
  wide bins[4] = {};
  for (int i = 0; i < 30000; ++i)
    big += static_cast<wide>(mix(i)) << 80;
  for (int i = 0; i < 30000; ++i)
    bins[mix(i) % 4] += static_cast<wide>(mix(i + 1)) << 70;
  // CHECK: ::purecc::wrapping_add<wide>(
  std::printf("int128: %016llx %016llx\n", static_cast<unsigned long long>(static_cast<unsigned __int128>(big) >> 64),
              static_cast<unsigned long long>(static_cast<unsigned __int128>(bins[1] ^ bins[3]) >> 64));
  // A product written `p = p * e` with an __int128 term, which strict
  // std::is_integral did not let into the wrapping operators: the partial
  // that starts from 1 overflowed where the serial 0 * e never does (adv48
  // t25, trapped under the sanitizer).
  wide zero = 0;
  for (int i = 0; i < 3000; ++i)
    for (int j = 0; j < 4; ++j)
      zero = zero * ((static_cast<wide>(1) << 70) + mix(i + j));
  std::printf("int128 product: %d\n", static_cast<int>(zero));
}
// OUT:      scalar: -1142885059
// OUT-NEXT: product: -169017359
// OUT-NEXT: histogram: 1330032704 1321032704 1321032704 1327032704 1318032704 1324032704 1321032704 1321032704 1324032704 1327032704 1342032704 1336032704 1345032704 1339032704 1345032704 1339032704
// OUT-NEXT: products: -574191909 -21266367 -21266367 -191397303 -7088789 -63799101 -21266367 -21266367 -63799101 -191397303 735095627 -872759885 -2089680415 1676687641 -2089680415 1676687641
// OUT-NEXT: narrow: 52987 20451 32107 18131
// OUT-NEXT: accumulate: -1142885061
// OUT-NEXT: private partials: 0 0 {{-?[0-9]+}} {{-?[0-9]+}} 0
// OUT-NEXT: int128: 1d4bbbe0f5360000 00000181969c7840
// OUT-NEXT: int128 product: 0
