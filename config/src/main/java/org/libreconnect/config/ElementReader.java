package org.libreconnect.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Typed reads of the child elements of one element, each failure reported as a {@link
 * ConfigException} naming the element path and the value. Text is trimmed; empty text counts as
 * absent; an element read as a value must not hold elements. Elements it is not asked about are
 * ignored.
 */
final class ElementReader {

  private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

  private final Element element;
  private final String path;

  private ElementReader(Element element, String path) {
    this.element = element;
    this.path = path;
  }

  /** A reader of the children of the root element, whatever its name; paths start below it. */
  static ElementReader root(Element root) {
    return new ElementReader(root, "");
  }

  /** A reader of the single child element {@code name}; reads nothing when there is none. */
  ElementReader section(String name) {
    return new ElementReader(single(name).orElse(null), pathOf(name));
  }

  /** The trimmed text of the single child {@code name}; empty when absent or blank. */
  Optional<String> text(String name) {
    return single(name).map(child -> valueText(pathOf(name), child)).filter(text -> !text.isEmpty());
  }

  /**
   * The text of {@code name} converted by {@code parser}, which throws {@link
   * IllegalArgumentException} with the problem ("is not ...") as its message.
   */
  <T> Optional<T> value(String name, Function<String, T> parser) {
    return text(name).map(text -> parse(pathOf(name), text, parser));
  }

  /** A whole number from {@code min} to {@code max}. */
  int integer(String name, int defaultValue, int min, int max) {
    return text(name).map(text -> wholeNumber(name, text, min, max)).orElse(defaultValue);
  }

  /** A TCP or UDP port, 1 to 65535. */
  int port(String name, int defaultValue) {
    return optionalPort(name).orElse(defaultValue);
  }

  OptionalInt optionalPort(String name) {
    Optional<String> text = text(name);
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    Optional<Long> port = number(text.get());
    if (port.isEmpty() || port.get() < 1 || port.get() > 65535) {
      throw ConfigException.badValue(pathOf(name), text.get(), "is not a port (1-65535)");
    }
    return OptionalInt.of(port.get().intValue());
  }

  /** true, yes, on or 1; false, no, off or 0; in any case. */
  boolean bool(String name, boolean defaultValue) {
    return text(name)
        .map(
            text ->
                switch (text.toLowerCase(Locale.ROOT)) {
                  case "true", "yes", "on", "1" -> true;
                  case "false", "no", "off", "0" -> false;
                  default ->
                      throw ConfigException.badValue(
                          pathOf(name), text, "is not a boolean (true/false, yes/no, on/off, 1/0)");
                })
        .orElse(defaultValue);
  }

  /** A reader of each child element {@code name}, in order. */
  List<ElementReader> sections(String name) {
    List<ElementReader> sections = new ArrayList<>();
    List<Element> found = children(name);
    for (int i = 0; i < found.size(); i++) {
      sections.add(new ElementReader(found.get(i), pathOf(name) + "[" + (i + 1) + "]"));
    }
    return sections;
  }

  /** Every child {@code name}, in order, converted; empty ones are skipped. */
  <T> List<T> all(String name, Function<String, T> parser) {
    List<T> values = new ArrayList<>();
    for (Element child : children(name)) {
      String text = valueText(pathOf(name), child);
      if (!text.isEmpty()) {
        values.add(parse(pathOf(name), text, parser));
      }
    }
    return values;
  }

  String pathOf(String name) {
    return path.isEmpty() ? name : path + "/" + name;
  }

  private int wholeNumber(String name, String text, int min, int max) {
    Optional<Long> number = number(text);
    if (number.isEmpty()) {
      throw ConfigException.badValue(pathOf(name), text, "is not a whole number");
    }
    if (number.get() < min || number.get() > max) {
      String range =
          max == Integer.MAX_VALUE && number.get() < min
              ? "must be at least " + min
              : "must be between " + min + " and " + max;
      throw ConfigException.badValue(pathOf(name), text, range);
    }
    return number.get().intValue();
  }

  /** The number in {@code text}, clamped to the long range, which no limit comes near. */
  private static Optional<Long> number(String text) {
    if (!WHOLE_NUMBER.matcher(text).matches()) {
      return Optional.empty();
    }
    BigInteger number = new BigInteger(text);
    return Optional.of(number.bitLength() < Long.SIZE
        ? number.longValue()
        : number.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
  }

  private static <T> T parse(String path, String text, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw ConfigException.badValue(path, text, e.getMessage());
    }
  }

  private Optional<Element> single(String name) {
    List<Element> found = children(name);
    if (found.size() > 1) {
      boolean sections = found.stream().anyMatch(DomEdits::hasElementChildren);
      throw ConfigException.repeated(
          pathOf(name),
          found.size(),
          sections ? List.of() : found.stream().map(ElementReader::trimmedText).toList());
    }
    return found.stream().findFirst();
  }

  private List<Element> children(String name) {
    if (element == null) {
      return List.of();
    }
    return DomEdits.children(element, name);
  }

  private static String trimmedText(Element element) {
    return element.getTextContent().strip();
  }

  /**
   * The trimmed text of an element that holds a value. One that holds elements is refused without
   * showing its text, which would include theirs (a password put there by mistake, for instance).
   */
  private static String valueText(String path, Element element) {
    if (DomEdits.hasElementChildren(element)) {
      throw new ConfigException(path + ": holds elements where a value is expected");
    }
    return trimmedText(element);
  }
}
