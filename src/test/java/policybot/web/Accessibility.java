package policybot.web;

import java.util.List;

/** Checks run inside the page: text contrast (WCAG 2 AA) and horizontal overflow. */
final class Accessibility {
  private Accessibility() {}

  /**
   * Every visible element with its own text whose colour contrast against its nearest opaque
   * background is below AA: 4.5:1, or 3:1 for large text (24px, or 18.66px bold).
   */
  @SuppressWarnings("unchecked")
  static List<String> contrastFailures(Browser browser) {
    return (List<String>)
        browser.js(
            String.join(
                "\n",
                "function rgba(s) { var m = s.match(/[\\d.]+/g).map(Number); return m.length === 3 ? m.concat(1) : m; }",
                "function channel(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }",
                "function lum(c) { return 0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2]); }",
                "function background(el) {",
                "  for (; el; el = el.parentElement) { var c = rgba(getComputedStyle(el).backgroundColor); if (c[3] > 0) return c; }",
                "  return [255, 255, 255, 1];",
                "}",
                "var failures = [];",
                "document.querySelectorAll('body *').forEach(function (el) {",
                "  var own = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });",
                "  var r = el.getBoundingClientRect();",
                "  var s = getComputedStyle(el);",
                "  if (!own || r.width <= 1 || r.height <= 1 || s.visibility === 'hidden' || s.display === 'none') return;",
                "  var fg = rgba(s.color), bg = background(el);",
                "  var a = lum(fg), b = lum(bg);",
                "  var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);",
                "  var size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;",
                "  var needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;",
                "  if (ratio < needed) failures.push(el.tagName + '.' + el.className + ' ' + ratio.toFixed(2) + ': ' + el.textContent.trim().slice(0, 40));",
                "});",
                "return failures;"));
  }

  /** Whether the page is wider than the window, which on a phone means sideways scrolling. */
  static boolean overflowsHorizontally(Browser browser) {
    return (Boolean) browser.js("return document.documentElement.scrollWidth > window.innerWidth;");
  }
}
