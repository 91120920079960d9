// What the names in scaled() stand for; memo-names.test edits each of them.
using real = float;
typedef long index_type;
enum Size { N = 10 };
enum class Mode { A = 1, B = 2 };
