// What CSS says about an element's text, from its style="..." attribute and from the classes a
// document's <style> sheets declare (".T4 { font-weight:bold }", "span.T4", "p.P3"): the way
// LibreOffice's and some filing agents' HTML set bold, italic and underline, which a letter's
// restated comments and captions are told apart by.
#pragma once

#include <gumbo.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace corresp {

// What a declaration block says; each flag unset when it says nothing.
struct InlineStyle {
  bool hidden = false;  // display:none
  std::optional<bool> bold, italic;
  bool underline = false;
  bool page_break_before = false;  // page-break-before:always (a printed page starts here)
  bool page_break_after = false;   // page-break-after:always
};

// Reads declarations ("font-weight: bold; font-style:italic"), case and spaces ignored.
InlineStyle ParseDeclarations(std::string_view declarations);

// `over` laid on `base`: what `over` sets wins, the rest stays.
void Overlay(InlineStyle& base, const InlineStyle& over);

// Class name -> the style its rules declare, from rules whose selector is one class, alone or
// on one element (".T4", "span.T4"); later rules override earlier ones. Other selectors
// (descendants, ids, pseudo-classes, at-rules) are skipped. Total: any text in.
struct ClassNameHash {
  using is_transparent = void;  // looked up by string_view, no copy per element
  size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
};
using ClassStyles = std::unordered_map<std::string, InlineStyle, ClassNameHash, std::equal_to<>>;
ClassStyles ReadClassStyles(std::string_view css);

// Whether a style sheet hides the markers of every list: a rule for the element "li", "ol" or
// "ul" itself saying "list-style: none" or "list-style-type: none" (LibreOffice's HTML export
// prints each number as text of its own and hides the markers a browser would add).
bool HidesListMarkers(std::string_view css);

// The text of every <style> element under `node`, in document order.
std::string StyleSheetText(const GumboNode* node);

// An element's style: its classes' (in the order its class attribute lists them) overlaid by
// its own style attribute.
InlineStyle StyleOf(const GumboElement& el, const ClassStyles& classes);

}  // namespace corresp
