package org.libreconnect.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The configuration file as an editable document, for tools that change settings and write them
 * back. Edits touch only the elements named; unknown elements, attributes, comments and the file's
 * indentation survive. {@link #save(FileReplacer)} validates first and replaces the file atomically.
 *
 * <p>Paths are element names below the root joined by {@code /}, such as {@code proxy/server}.
 * When a name appears more than once on the way, the first is used. Not thread-safe.
 */
public final class ConfigDocument {

  /** Root element of a new file. */
  public static final String ROOT_ELEMENT = "libreconnect";

  private static final Pattern ELEMENT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private final Path file;
  private final Document document;

  private ConfigDocument(Path file, Document document) {
    this.file = file;
    this.document = document;
  }

  /**
   * Opens {@code file} for editing, or starts an empty {@code <libreconnect/>} document when it
   * does not exist. Opening does not validate values, so a file with a bad value can be fixed.
   *
   * @throws ConfigException when the file is unreadable or not well-formed XML
   */
  public static ConfigDocument open(Path file) {
    Document document =
        ConfigLoader.read(file)
            .map(bytes -> SecureXml.parse(bytes, file.toString()))
            .orElseGet(() -> SecureXml.emptyDocument(ROOT_ELEMENT));
    return new ConfigDocument(file, document);
  }

  /** The file this document was opened from and saves to. */
  public Path file() {
    return file;
  }

  /**
   * Sets the text of the element at {@code path}, creating it and its missing parents.
   *
   * @throws IllegalArgumentException when the path is malformed or names an element that holds
   *     other elements
   * @throws ConfigException when the value holds a character an XML file cannot hold
   */
  public ConfigDocument set(String path, String value) {
    List<String> names = names(path);
    requireXmlText(path, value);
    Element element = ensure(names);
    if (DomEdits.hasElementChildren(element)) {
      throw new IllegalArgumentException(path + " holds other elements; set one of them instead");
    }
    element.setTextContent(value);
    return this;
  }

  /** Removes every element at {@code path}; does nothing when there is none. */
  public ConfigDocument remove(String path) {
    find(names(path)).forEach(DomEdits::remove);
    return this;
  }

  /** The trimmed text of the first element at {@code path}; empty when absent or blank. */
  public Optional<String> value(String path) {
    return values(path).stream().findFirst();
  }

  /**
   * The trimmed text of every element at {@code path}, such as {@code
   * server/allowed_origins/origin}, in document order; blank ones are left out, as the loader
   * ignores them.
   */
  public List<String> values(String path) {
    return find(names(path)).stream()
        .map(element -> element.getTextContent().strip())
        .filter(text -> !text.isEmpty())
        .toList();
  }

  /**
   * Replaces every element at {@code path} by one element per value, where the first of them
   * stood, or at the end of the parent when there was none. An empty list removes them all.
   */
  public ConfigDocument setAll(String path, List<String> values) {
    List<String> names = names(path);
    values.forEach(value -> requireXmlText(path, value));
    List<Element> old = find(names);
    Element parent = ensure(names.subList(0, names.size() - 1));
    String name = names.get(names.size() - 1);
    for (String value : values) {
      Element element;
      if (old.isEmpty()) {
        element = DomEdits.append(parent, name);
      } else {
        element = document.createElement(name);
        DomEdits.insertBefore(old.get(0), element);
      }
      element.setTextContent(value);
    }
    old.forEach(DomEdits::remove);
    return this;
  }

  /**
   * The configuration this document describes, validated exactly as {@link ConfigLoader} does.
   *
   * @throws ConfigException naming the first invalid element and its value
   */
  public ConnectorConfig toConfig() {
    return ConfigBinder.bind(document.getDocumentElement());
  }

  /**
   * Validates, then writes the document to its file through {@code replacer}, which is {@code
   * AtomicFiles::write} of the runtime module outside tests: a concurrent reader sees the old file
   * or the new one, never a part, and the file is owner-only, as it may hold the proxy password.
   *
   * @throws ConfigException when the document does not validate or the file cannot be written; the
   *     file is then unchanged
   */
  public void save(FileReplacer replacer) {
    toConfig();
    try {
      replacer.replace(file, XmlWriter.write(document));
    } catch (IOException e) {
      throw new ConfigException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The document as it would be saved. */
  byte[] toBytes() {
    return XmlWriter.write(document);
  }

  private List<Element> find(List<String> names) {
    Element parent = document.getDocumentElement();
    for (String name : names.subList(0, names.size() - 1)) {
      List<Element> found = DomEdits.children(parent, name);
      if (found.isEmpty()) {
        return List.of();
      }
      parent = found.get(0);
    }
    return DomEdits.children(parent, names.get(names.size() - 1));
  }

  private Element ensure(List<String> names) {
    Element current = document.getDocumentElement();
    for (String name : names) {
      List<Element> found = DomEdits.children(current, name);
      current = found.isEmpty() ? DomEdits.append(current, name) : found.get(0);
    }
    return current;
  }

  private static List<String> names(String path) {
    Objects.requireNonNull(path, "path");
    List<String> names = new ArrayList<>(List.of(path.split("/", -1)));
    if (path.isEmpty() || !names.stream().allMatch(name -> ELEMENT_NAME.matcher(name).matches())) {
      throw new IllegalArgumentException(
          "\"" + path + "\" is not an element path such as proxy/server");
    }
    return names;
  }

  private static void requireXmlText(String path, String value) {
    Objects.requireNonNull(value, path);
    boolean valid =
        value
            .codePoints()
            .allMatch(
                c ->
                    c == 0x9
                        || c == 0xA
                        || c == 0xD
                        || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD)
                        || c >= 0x10000);
    if (!valid) {
      throw ConfigException.badValue(path, value, "holds a character that XML cannot hold");
    }
  }
}
