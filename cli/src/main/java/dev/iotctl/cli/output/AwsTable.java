package dev.iotctl.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code --output table} exactly as the AWS CLI renders it: a titled section per object or list of
 * objects, scalar keys as sorted column headers, nested values as indented sub-sections; a section
 * of a single row is turned into key/value rows when the table is wider than the terminal (80
 * columns when that cannot be told, as for the AWS CLI with its output piped).
 */
final class AwsTable {
  private final int terminalWidth;
  private final List<Section> sections = new ArrayList<>();
  private Section current;

  private AwsTable(int terminalWidth) {
    this.terminalWidth = terminalWidth;
  }

  static String render(String title, JsonNode result, int terminalWidth) {
    AwsTable table = new AwsTable(terminalWidth);
    if (!table.build(title, result, 0)) {
      return "";
    }
    return table.render();
  }

  // ---- building, as awscli.formatter.TableFormatter

  private boolean build(String title, JsonNode node, int indent) {
    if (isEmpty(node)) {
      return false;
    }
    if (title != null) {
      newSection(title, indent);
    }
    if (node.isArray()) {
      if (node.get(0).isObject()) {
        subTableFromList(node, indent, title);
      } else {
        for (JsonNode item : node) {
          if (!item.isContainerNode()) {
            current.addRow(List.of(Scalars.text(item)));
          } else if (allScalars(item)) {
            List<String> row = new ArrayList<>();
            item.forEach(e -> row.add(Scalars.text(e)));
            current.addRow(row);
          } else {
            build(null, item, 0);
          }
        }
      }
    }
    if (node.isObject()) {
      subTableFromObject(node, indent);
    }
    return true;
  }

  /** Python's truthiness: null, false, 0, "" and empty containers are "nothing to show". */
  private static boolean isEmpty(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return true;
    }
    if (node.isContainerNode()) {
      return node.isEmpty();
    }
    if (node.isBoolean()) {
      return !node.booleanValue();
    }
    if (node.isNumber()) {
      return node.doubleValue() == 0;
    }
    return node.asText().isEmpty();
  }

  private static boolean allScalars(JsonNode container) {
    for (JsonNode e : container) {
      if (e.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  private void subTableFromObject(JsonNode object, int indent) {
    List<String> headers = new ArrayList<>();
    List<String> more = new ArrayList<>();
    group(object, headers, more);
    if (headers.size() == 1) {
      current.addRow(List.of(headers.get(0), Scalars.text(object.get(headers.get(0)))));
    } else if (!headers.isEmpty()) {
      current.addHeader(headers);
      current.addRow(headers.stream().map(h -> Scalars.text(object.get(h))).toList());
    }
    for (String key : more) {
      build(key, object.get(key), indent + 1);
    }
  }

  private void subTableFromList(JsonNode list, int indent, String title) {
    TreeSet<String> headerSet = new TreeSet<>();
    TreeSet<String> moreSet = new TreeSet<>();
    for (JsonNode item : list) {
      List<String> h = new ArrayList<>();
      List<String> m = new ArrayList<>();
      group(item, h, m);
      headerSet.addAll(h);
      moreSet.addAll(m);
    }
    List<String> headers = List.copyOf(headerSet);
    List<String> more = List.copyOf(moreSet);
    current.addHeader(headers);
    boolean first = true;
    for (JsonNode element : list) {
      if (!first && !more.isEmpty()) {
        newSection(title, indent);
        current.addHeader(headers);
      }
      first = false;
      current.addRow(
          headers.stream().map(h -> element.has(h) ? Scalars.text(element.get(h)) : "").toList());
      for (String key : more) {
        if (element.has(key)) {
          build(key, element.get(key), indent + 1);
        }
      }
    }
  }

  private static void group(JsonNode object, List<String> headers, List<String> more) {
    TreeSet<String> h = new TreeSet<>();
    TreeSet<String> m = new TreeSet<>();
    object.properties().forEach(e -> (e.getValue().isContainerNode() ? m : h).add(e.getKey()));
    headers.addAll(h);
    more.addAll(m);
  }

  private void newSection(String title, int indent) {
    current = new Section();
    current.title = title;
    current.indent = indent;
    sections.add(current);
  }

  // ---- rendering, as awscli.table.MultiTable

  private String render() {
    int maxWidth = maxWidth();
    if (maxWidth > terminalWidth) {
      for (int i = 0; i < sections.size(); i++) {
        Section s = sections.get(i);
        if (s.rows.size() == 1 && !s.headers.isEmpty()) {
          Section vertical = new Section();
          vertical.title = s.title;
          vertical.indent = s.indent;
          for (int c = 0; c < s.headers.size() && c < s.rows.get(0).size(); c++) {
            vertical.addRow(List.of(s.headers.get(c), s.rows.get(0).get(c)));
          }
          sections.set(i, vertical);
        }
      }
      maxWidth = maxWidth();
    }
    StringBuilder out = new StringBuilder();
    out.append("-".repeat(maxWidth)).append('\n');
    for (Section section : sections) {
      renderSection(section, maxWidth, out);
    }
    return out.toString();
  }

  private int maxWidth() {
    int max = 0;
    for (Section s : sections) {
      max = Math.max(max, s.totalWidth(4, s.indent));
    }
    return max;
  }

  private static void renderSection(Section section, int maxWidth, StringBuilder out) {
    List<String> lines = new ArrayList<>();
    int width = maxWidth - section.indent * 2;
    if (section.title != null && !section.title.isEmpty()) {
      lines.add(center(section.title, width, "|", "|"));
      if (section.headers.isEmpty() && section.rows.isEmpty()) {
        lines.add("+" + "-".repeat(width - 2) + "+");
      }
    }
    if (!section.headers.isEmpty()) {
      int[] widths = section.columnWidths(4, width);
      lines.add(lineBreak(widths));
      StringBuilder header = new StringBuilder();
      for (int i = 0; i < widths.length && i < section.headers.size(); i++) {
        header.append(center(section.headers.get(i), widths[i], i == 0 ? "|" : "", "|"));
      }
      lines.add(header.toString());
    }
    if (!section.rows.isEmpty()) {
      int[] widths = section.columnWidths(4, width);
      if (widths.length > 0) {
        lines.add(lineBreak(widths));
        for (List<String> row : section.rows) {
          StringBuilder line = new StringBuilder();
          for (int i = 0; i < widths.length && i < row.size(); i++) {
            line.append(alignLeft(row.get(i), widths[i], i == 0 ? "|" : "", "|"));
          }
          lines.add(line.toString());
        }
        lines.add(lineBreak(widths));
      }
    }
    String edge = "|".repeat(section.indent);
    for (String line : lines) {
      out.append(edge).append(line).append(edge).append('\n');
    }
  }

  private static String lineBreak(int[] widths) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      out.append(i == 0 ? "+" + "-".repeat(widths[i] - 2) + "+" : "-".repeat(widths[i] - 1) + "+");
    }
    return out.toString();
  }

  private static String center(String text, int length, String left, String right) {
    int textLength = Width.of(text);
    int start = Math.floorDiv(length, 2) - Math.floorDiv(textLength, 2) - 1;
    StringBuilder out = new StringBuilder(left).append(" ".repeat(Math.max(0, start))).append(text);
    int soFar = Width.of(left) + start + textLength;
    out.append(" ".repeat(Math.max(0, length - Width.of(right) - soFar))).append(right);
    return out.toString();
  }

  private static String alignLeft(String text, int length, String left, String right) {
    int textLength = Width.of(text);
    int computed = textLength + 2 + left.length() + right.length();
    int padding = length - computed >= 0 ? 2 : 0;
    int soFar = left.length() + padding + textLength;
    return left
        + " ".repeat(padding)
        + text
        + " ".repeat(Math.max(0, length - soFar - right.length()))
        + right;
  }

  /** One titled block of the table. */
  private static final class Section {
    String title = "";
    int indent;
    List<String> headers = List.of();
    final List<List<String>> rows = new ArrayList<>();
    int[] maxWidths = new int[0];

    void addHeader(List<String> header) {
      updateWidths(header);
      headers = header;
    }

    void addRow(List<String> row) {
      rows.add(row);
      updateWidths(row);
    }

    private void updateWidths(List<String> row) {
      if (maxWidths.length == 0) {
        maxWidths = row.stream().mapToInt(Width::of).toArray();
        return;
      }
      for (int i = 0; i < row.size() && i < maxWidths.length; i++) {
        maxWidths[i] = Math.max(maxWidths[i], Width.of(row.get(i)));
      }
    }

    int totalWidth(int padding, int outerPadding) {
      int total = 0;
      for (int w : maxWidths) {
        total += w + padding;
      }
      total += 2 + outerPadding * 2;
      return Math.max(Width.of(title) + 2 + outerPadding * 2, total);
    }

    /** Column widths scaled to fill {@code maxWidth} exactly (Python's round: half to even). */
    int[] columnWidths(int padding, int maxWidth) {
      int[] unscaled = new int[maxWidths.length];
      int sum = 0;
      for (int i = 0; i < maxWidths.length; i++) {
        unscaled[i] = maxWidths[i] + padding;
        sum += unscaled[i];
      }
      if (unscaled.length == 0) {
        return unscaled;
      }
      double scale = maxWidth / (double) sum;
      int[] scaled = new int[unscaled.length];
      int total = 0;
      for (int i = 0; i < unscaled.length; i++) {
        scaled[i] = (int) Math.rint(scale * unscaled[i]);
        total += scaled[i];
      }
      int offBy = total - maxWidth;
      while (offBy != 0) {
        if (offBy > 0) {
          for (int i = 0; i < scaled.length && offBy != 0; i++) {
            scaled[i]--;
            offBy--;
          }
        } else {
          for (int i = scaled.length - 1; i >= 0 && offBy != 0; i--) {
            scaled[i]++;
            offBy++;
          }
        }
      }
      return scaled;
    }
  }

  /** Display width: East Asian wide, full-width and ambiguous characters count two. */
  static final class Width {
    private Width() {}

    static int of(String text) {
      int width = 0;
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        width += wide(cp) ? 2 : 1;
        i += Character.charCount(cp);
      }
      return width;
    }

    private static boolean wide(int cp) {
      if (cp < 0x1100) {
        return false;
      }
      Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
      return block == Character.UnicodeBlock.HANGUL_JAMO
          || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
          || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
          || block == Character.UnicodeBlock.HIRAGANA
          || block == Character.UnicodeBlock.KATAKANA
          || block == Character.UnicodeBlock.HANGUL_SYLLABLES
          || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS && cp < 0xFF61
          || block == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS
          || Character.getType(cp) == Character.OTHER_SYMBOL && cp >= 0x1F300;
    }
  }
}
