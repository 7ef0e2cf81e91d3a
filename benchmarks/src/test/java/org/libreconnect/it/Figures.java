package org.libreconnect.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one benchmark class: each latency figure is printed as n, p50, p99 (min and max
 * too) when added; {@link #close} writes them all to {@code target/benchmarks/<name>.json} and
 * their distributions to {@code target/benchmarks/<name>.png} ({@link LatencyPlot}).
 *
 * <p>The form comes from the system property {@code libreconnect.benchmark.form}: {@code short}
 * in every build, {@code full} with {@code -Pbench}.
 */
final class Figures implements AutoCloseable {
  static final Path FOLDER = Path.of("target", "benchmarks");

  /** One figure: its samples in the order taken, and its unit ("ms" or "MB"). */
  record Figure(String name, String unit, List<Double> samples) {
    List<Double> sorted() {
      List<Double> sorted = new ArrayList<>(samples);
      Collections.sort(sorted);
      return sorted;
    }

    double percentile(int percent) {
      List<Double> sorted = sorted();
      int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    String line() {
      List<Double> sorted = sorted();
      return String.format(
          Locale.ROOT,
          "%s: n=%d p50=%s %s p99=%s %s min=%s max=%s",
          name, sorted.size(), number(percentile(50)), unit, number(percentile(99)), unit,
          number(sorted.get(0)), number(sorted.get(sorted.size() - 1)));
    }
  }

  /**
   * A figure as printed: two decimals below 10 (a sub-millisecond figure read to 0.1 ms would
   * hide most of a ratio), one above.
   */
  static String number(double value) {
    return String.format(Locale.ROOT, Math.abs(value) < 10 ? "%.2f" : "%.1f", value);
  }

  private final String benchmark;
  private final List<Figure> figures = new ArrayList<>();
  private final List<String> ratios = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  Figures(String benchmark) {
    this.benchmark = benchmark;
  }

  /** Whether this run is the full form ({@code -Pbench}). */
  static boolean full() {
    return "full".equals(System.getProperty("libreconnect.benchmark.form", "short"));
  }

  /** {@code shortForm} samples in every build, {@code fullForm} with {@code -Pbench}. */
  static int samples(int shortForm, int fullForm) {
    return Integer.getInteger("libreconnect.benchmark.samples", full() ? fullForm : shortForm);
  }

  /**
   * Iterations run before samples are kept, so that the JIT has compiled the paths measured in
   * all three processes (the client, the master, the worker): {@code shortForm} in every build,
   * {@code fullForm} with {@code -Pbench}, {@code -Dlibreconnect.benchmark.warmup} for either.
   * The first iterations are reported apart ({@link #COLD}), as a page meeting a fresh connector
   * sees them.
   */
  static int warmUp(int shortForm, int fullForm) {
    return Integer.getInteger("libreconnect.benchmark.warmup", full() ? fullForm : shortForm);
  }

  /** How many of the first (warm-up) iterations make a figure of the cold connector. */
  static final int COLD = 30;

  /** Adds and prints a latency figure in milliseconds. */
  synchronized Figure latency(String name, List<Double> millis) {
    return add(new Figure(name, "ms", List.copyOf(millis)));
  }

  /** Adds and prints a figure in another unit (a memory size in MB). */
  synchronized Figure measure(String name, String unit, List<Double> values) {
    return add(new Figure(name, unit, List.copyOf(values)));
  }

  /** Adds and prints a ratio of two figures' medians (for example to a floor measured in the same run). */
  synchronized void ratio(String name, Figure numerator, Figure denominator) {
    String note = String.format(Locale.ROOT, "%s: %.2fx (p50 %s / %s %s)", name,
        numerator.percentile(50) / denominator.percentile(50), number(numerator.percentile(50)),
        number(denominator.percentile(50)), numerator.unit());
    System.out.println("benchmark " + benchmark + " " + note);
    ratios.add(note);
  }

  /** Adds and prints a line of text that goes with the figures (something left out, and why). */
  synchronized void note(String note) {
    System.out.println("benchmark " + benchmark + " " + note);
    notes.add(note);
  }

  private Figure add(Figure figure) {
    if (figure.samples().isEmpty()) {
      throw new IllegalArgumentException("no samples for " + figure.name());
    }
    figures.add(figure);
    System.out.println("benchmark " + benchmark + " " + figure.line());
    return figure;
  }

  /** Nanoseconds since {@code start}, in milliseconds. */
  static double since(long start) {
    return (System.nanoTime() - start) / 1e6;
  }

  @Override
  public synchronized void close() throws IOException {
    if (figures.isEmpty()) {
      return;
    }
    Files.createDirectories(FOLDER);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("benchmark", benchmark);
    root.put("form", full() ? "full" : "short");
    root.put("cores", Runtime.getRuntime().availableProcessors());
    root.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    root.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    root.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    ArrayNode list = root.putArray("figures");
    for (Figure figure : figures) {
      ObjectNode node = list.addObject();
      node.put("name", figure.name());
      node.put("unit", figure.unit());
      node.put("n", figure.samples().size());
      node.put("p50", figure.percentile(50));
      node.put("p99", figure.percentile(99));
      node.put("min", figure.sorted().get(0));
      node.put("max", figure.sorted().get(figure.samples().size() - 1));
      ArrayNode samples = node.putArray("samples");
      figure.samples().forEach(samples::add);
    }
    ratios.forEach(root.putArray("ratios")::add);
    notes.forEach(root.putArray("notes")::add);
    mapper.writeValue(FOLDER.resolve(benchmark + ".json").toFile(), root);
    LatencyPlot.write(benchmark, figures, FOLDER.resolve(benchmark + ".png"));
  }
}
