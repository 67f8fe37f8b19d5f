#include "indexer/extract/css_styles.h"

#include <cctype>

#include "indexer/extract/text_util.h"

namespace corresp {

namespace {

bool IsClassChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The class a selector names when it is one class, alone or on one element ("span.T4");
// "" for any other selector.
std::string_view SelectorClass(std::string_view selector) {
  selector = Trim(selector);
  size_t dot = selector.find('.');
  if (dot == std::string_view::npos) return {};
  for (size_t i = 0; i < dot; ++i)
    if (!std::isalnum(static_cast<unsigned char>(selector[i]))) return {};
  std::string_view name = selector.substr(dot + 1);
  if (name.empty()) return {};
  for (char c : name)
    if (!IsClassChar(c)) return {};
  return name;
}

std::string WithoutComments(std::string_view css) {
  std::string out;
  out.reserve(css.size());
  size_t i = 0;
  while (i < css.size()) {
    if (css.compare(i, 2, "/*") == 0) {
      size_t end = css.find("*/", i + 2);
      if (end == std::string_view::npos) break;
      i = end + 2;
      continue;
    }
    out += css[i++];
  }
  return out;
}

// Declarations lower-cased with their spaces dropped ("Font-Weight: 700" -> "font-weight:700"),
// written into a buffer reused across calls (an element's style, a style sheet's rule).
std::string_view Normalized(std::string_view declarations) {
  thread_local std::string buffer;
  buffer.resize(declarations.size());
  char* out = buffer.data();  // written through a pointer: no thread-local lookup per byte
  for (char c : declarations)
    if (c != ' ') *out++ = LowerAscii(c);
  return std::string_view(buffer.data(), static_cast<size_t>(out - buffer.data()));
}

}  // namespace

InlineStyle ParseDeclarations(std::string_view declarations) {
  InlineStyle st;
  std::string_view s = Normalized(declarations);
  // Each value is looked for from its property's first occurrence, and only when it occurs.
  auto has = [s](std::string_view needle, size_t from = 0) {
    return from != std::string::npos && s.find(needle, from) != std::string::npos;
  };
  st.hidden = has("display:none");
  size_t weight = s.find("font-weight:");
  if (has("font-weight:bold", weight) || has("font-weight:700", weight) ||
      has("font-weight:800", weight) || has("font-weight:900", weight))
    st.bold = true;
  if (has("font-weight:normal", weight) || has("font-weight:400", weight)) st.bold = false;
  size_t style = s.find("font-style:");
  if (has("font-style:italic", style)) st.italic = true;
  if (has("font-style:normal", style)) st.italic = false;
  st.underline = has("text-decoration:underline");
  st.page_break_before = has("page-break-before:always") || has("break-before:page");
  st.page_break_after = has("page-break-after:always") || has("break-after:page");
  return st;
}

void Overlay(InlineStyle& base, const InlineStyle& over) {
  base.hidden = base.hidden || over.hidden;
  if (over.bold) base.bold = over.bold;
  if (over.italic) base.italic = over.italic;
  base.underline = base.underline || over.underline;
  base.page_break_before = base.page_break_before || over.page_break_before;
  base.page_break_after = base.page_break_after || over.page_break_after;
}

// Calls `rule(selectors, body)` for each rule outside at-rule blocks.
template <typename Rule>
void ForEachRule(std::string_view css, Rule rule) {
  std::string text = WithoutComments(css);
  std::string_view rest = text;
  while (!rest.empty()) {
    size_t open = rest.find('{');
    if (open == std::string_view::npos) break;
    size_t close = rest.find('}', open);
    if (close == std::string_view::npos) break;
    std::string_view selectors = rest.substr(0, open);
    std::string_view body = rest.substr(open + 1, close - open - 1);
    rest.remove_prefix(close + 1);
    // An at-rule block ("@media print { .x { ... } }") is skipped whole, its inner rules with it.
    if (Trim(selectors).substr(0, 1) == "@") {
      if (body.find('{') != std::string_view::npos) {
        size_t end = rest.find('}');
        rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
      }
      continue;
    }
    rule(selectors, body);
  }
}

// Calls `each(selector)` for each selector of a comma-separated list, trimmed.
template <typename Each>
void ForEachSelector(std::string_view selectors, Each each) {
  while (!selectors.empty()) {
    size_t comma = selectors.find(',');
    each(Trim(selectors.substr(0, comma)));
    selectors.remove_prefix(comma == std::string_view::npos ? selectors.size() : comma + 1);
  }
}

ClassStyles ReadClassStyles(std::string_view css) {
  ClassStyles out;
  ForEachRule(css, [&out](std::string_view selectors, std::string_view body) {
    InlineStyle st = ParseDeclarations(body);
    ForEachSelector(selectors, [&](std::string_view selector) {
      std::string_view name = SelectorClass(selector);
      if (!name.empty()) Overlay(out[std::string(name)], st);
    });
  });
  return out;
}

bool HidesListMarkers(std::string_view css) {
  bool hides = false;
  ForEachRule(css, [&hides](std::string_view selectors, std::string_view body) {
    std::string_view declarations = Normalized(body);
    if (declarations.find("list-style:none") == std::string::npos &&
        declarations.find("list-style-type:none") == std::string::npos)
      return;
    ForEachSelector(selectors, [&hides](std::string_view selector) {
      hides = hides || selector == "li" || selector == "ol" || selector == "ul";
    });
  });
  return hides;
}

std::string StyleSheetText(const GumboNode* node) {
  std::string out;
  if (node->type == GUMBO_NODE_DOCUMENT) {
    for (unsigned i = 0; i < node->v.document.children.length; ++i)
      out += StyleSheetText(static_cast<const GumboNode*>(node->v.document.children.data[i]));
    return out;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return out;
  const GumboElement& el = node->v.element;
  for (unsigned i = 0; i < el.children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(el.children.data[i]);
    if (el.tag == GUMBO_TAG_STYLE && child->type == GUMBO_NODE_TEXT) {
      out += child->v.text.text;
      out += '\n';
    } else {
      out += StyleSheetText(child);
    }
  }
  return out;
}

InlineStyle StyleOf(const GumboElement& el, const ClassStyles& classes) {
  InlineStyle st;
  if (!classes.empty()) {
    if (const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "class")) {
      std::string_view names = a->value;
      while (!names.empty()) {
        size_t space = names.find_first_of(" \t\r\n");
        std::string_view name = names.substr(0, space);
        if (!name.empty())
          if (auto it = classes.find(name); it != classes.end()) Overlay(st, it->second);
        names.remove_prefix(space == std::string_view::npos ? names.size() : space + 1);
      }
    }
  }
  if (const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "style"))
    Overlay(st, ParseDeclarations(a->value));
  return st;
}

}  // namespace corresp
