package dev.iotctl.cli.certs;

import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The devices of a bulk run: from a CSV file or generated from a prefix and a count. */
record BulkDevices(String name, String thingType, Map<String, String> attributes) {

  static List<BulkDevices> read(Path csv, String prefix, Integer count) {
    if ((csv == null) == (prefix == null)) {
      throw new CliException(ExitCodes.USAGE, "bulk issue needs exactly one of --from or --prefix");
    }
    if (prefix != null) {
      if (count == null || count < 1) {
        throw new CliException(ExitCodes.USAGE, "--prefix needs --count N (N >= 1)");
      }
      int width = Math.max(4, Integer.toString(count).length());
      List<BulkDevices> out = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        out.add(new BulkDevices(prefix + String.format("%0" + width + "d", i), null, Map.of()));
      }
      return out;
    }
    return parseCsv(csv);
  }

  /**
   * Header row required: {@code name} first, optional {@code thingType}, every other column an
   * attribute. No quoting: names and attributes of AWS IoT cannot contain commas.
   */
  private static List<BulkDevices> parseCsv(Path csv) {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new CliException(ExitCodes.USAGE, "no such file: " + csv);
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, "cannot read " + csv + ": " + e.getMessage());
    }
    lines = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    if (lines.isEmpty() || !lines.get(0).split(",")[0].trim().equals("name")) {
      throw new CliException(
          ExitCodes.USAGE, csv + ": the first line must be a header starting with 'name'");
    }
    String[] header = lines.get(0).split(",", -1);
    List<BulkDevices> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (int row = 1; row < lines.size(); row++) {
      String[] cells = lines.get(row).split(",", -1);
      if (cells.length != header.length) {
        throw new CliException(
            ExitCodes.USAGE,
            csv
                + " line "
                + (row + 1)
                + ": "
                + cells.length
                + " cells, header has "
                + header.length);
      }
      String name = cells[0].trim();
      if (!seen.add(name)) {
        throw new CliException(ExitCodes.USAGE, csv + ": device " + name + " is listed twice");
      }
      String thingType = null;
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int c = 1; c < header.length; c++) {
        String column = header[c].trim();
        String value = cells[c].trim();
        if (column.equals("thingType")) {
          thingType = value.isEmpty() ? null : value;
        } else if (!value.isEmpty()) {
          attributes.put(column, value);
        }
      }
      out.add(new BulkDevices(name, thingType, attributes));
    }
    return out;
  }
}
