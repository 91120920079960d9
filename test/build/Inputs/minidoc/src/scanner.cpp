#include <minidoc/scanner.h>

#include <stdexcept>

namespace minidoc {

bool is_plain(char c) {
  return c != '[' && c != ']' && c != ',' && c != ' ' && c != '\n';
}

namespace {
Node parse_at(const std::string &text, std::size_t &pos) {
  while (pos < text.size() && text[pos] == ' ')
    ++pos;
  if (pos < text.size() && text[pos] == '[') {
    ++pos;
    Node seq;
    while (pos < text.size() && text[pos] != ']') {
      seq.push_back(parse_at(text, pos));
      while (pos < text.size() && (text[pos] == ',' || text[pos] == ' '))
        ++pos;
    }
    if (pos >= text.size())
      throw std::runtime_error("unterminated sequence");
    ++pos;
    return seq;
  }
  std::size_t begin = pos;
  while (pos < text.size() && is_plain(text[pos]))
    ++pos;
  return Node(text.substr(begin, pos - begin));
}
} // namespace

Node parse(const std::string &text) {
  std::size_t pos = 0;
  return parse_at(text, pos);
}

} // namespace minidoc
