package policybot.admin;

import java.util.List;

/** Writes CSV (RFC 4180) that is safe to open in a spreadsheet. */
final class Csv {
  private Csv() {}

  /** One line, CRLF-terminated. */
  static String row(List<String> cells) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    return out.append("\r\n").toString();
  }

  /**
   * One cell, quoted when needed. A cell a spreadsheet would read as a formula (starting with =, +,
   * -, @, or a tab or carriage return that hides one) gets a leading apostrophe: questions are typed
   * by anyone, and a reviewer opening the export must not run what they typed.
   */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
