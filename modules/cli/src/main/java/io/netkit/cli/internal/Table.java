package io.netkit.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: columns padded to their widest cell, two spaces apart, numbers
 * right-aligned when asked. Not thread-safe.
 */
public final class Table {
  private final List<String> header;
  private final boolean[] rightAligned;
  private final List<List<String>> rows = new ArrayList<>();

  /** A table with these column headings; {@code rightAligned} marks numeric columns. */
  public Table(List<String> header, boolean... rightAligned) {
    this.header = List.copyOf(header);
    this.rightAligned = new boolean[header.size()];
    System.arraycopy(rightAligned, 0, this.rightAligned, 0, rightAligned.length);
  }

  /** Adds a row with one cell per column. */
  public Table row(String... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("expected " + header.size() + " cells");
    }
    rows.add(List.of(cells));
    return this;
  }

  /** Prints the header and rows; the last column is never padded. */
  public void print(PrintStream out) {
    int[] widths = new int[header.size()];
    for (List<String> row : allRows()) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (List<String> row : allRows()) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        boolean last = i == row.size() - 1;
        String pad = " ".repeat(widths[i] - cell.length());
        line.append(rightAligned[i] ? pad + cell : last ? cell : cell + pad);
        if (!last) {
          line.append("  ");
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private List<List<String>> allRows() {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }
}
