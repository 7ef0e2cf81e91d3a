package org.libreconnect.config;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Element lookups and edits that keep the file's layout: a new element is indented like its
 * siblings (or one step deeper than its parent), and a removed element takes its indentation with
 * it.
 */
final class DomEdits {

  private static final String DEFAULT_INDENT_STEP = "  ";

  private DomEdits() {}

  static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }

  static boolean hasElementChildren(Element parent) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element) {
        return true;
      }
    }
    return false;
  }

  /** Appends a new element {@code name} as the last child of {@code parent}, on its own line. */
  static Element append(Element parent, String name) {
    Element child = parent.getOwnerDocument().createElement(name);
    String parentIndent = indentOf(parent);
    String childIndent = childIndent(parent, parentIndent);
    if (!hasElementChildren(parent)) {
      removeBlankText(parent);
      parent.appendChild(newLine(parent, childIndent));
      parent.appendChild(child);
      parent.appendChild(newLine(parent, parentIndent));
    } else if (isBlankText(parent.getLastChild())) {
      Node closingLine = parent.getLastChild();
      parent.insertBefore(newLine(parent, childIndent), closingLine);
      parent.insertBefore(child, closingLine);
    } else {
      parent.appendChild(newLine(parent, childIndent));
      parent.appendChild(child);
    }
    return child;
  }

  /** Inserts {@code element} just before {@code anchor}, on its own line, indented alike. */
  static void insertBefore(Element anchor, Element element) {
    Node parent = anchor.getParentNode();
    Node before = anchor.getPreviousSibling();
    if (isBlankText(before)) {
      parent.insertBefore(element, before);
      parent.insertBefore(before.cloneNode(false), element);
    } else {
      parent.insertBefore(element, anchor);
    }
  }

  /** Removes {@code element} with the blank text before it. */
  static void remove(Element element) {
    Element parent = (Element) element.getParentNode();
    Node before = element.getPreviousSibling();
    if (isBlankText(before)) {
      parent.removeChild(before);
    }
    parent.removeChild(element);
    if (!hasElementChildren(parent)) {
      removeBlankText(parent);
    }
  }

  private static String indentOf(Element element) {
    Node before = element.getPreviousSibling();
    if (isBlankText(before) && before.getNodeValue().contains("\n")) {
      String text = before.getNodeValue();
      return text.substring(text.lastIndexOf('\n') + 1);
    }
    return "";
  }

  private static String childIndent(Element parent, String parentIndent) {
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element) {
        Node before = element.getPreviousSibling();
        if (isBlankText(before) && before.getNodeValue().contains("\n")) {
          return indentOf(element);
        }
      }
    }
    return parentIndent + indentStep(parent.getOwnerDocument().getDocumentElement());
  }

  /** The indentation of the root's children, which is one step; two spaces when there is none. */
  private static String indentStep(Element root) {
    for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && !indentOf(element).isEmpty()) {
        return indentOf(element);
      }
    }
    return DEFAULT_INDENT_STEP;
  }

  private static Text newLine(Node parent, String indent) {
    return parent.getOwnerDocument().createTextNode("\n" + indent);
  }

  private static void removeBlankText(Element parent) {
    Node child = parent.getFirstChild();
    while (child != null) {
      Node next = child.getNextSibling();
      if (isBlankText(child)) {
        parent.removeChild(child);
      }
      child = next;
    }
  }

  private static boolean isBlankText(Node node) {
    return node != null && node.getNodeType() == Node.TEXT_NODE && node.getNodeValue().isBlank();
  }
}
