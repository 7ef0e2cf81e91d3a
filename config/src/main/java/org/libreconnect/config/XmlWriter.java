package org.libreconnect.config;

import java.nio.charset.StandardCharsets;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Serialises a document as UTF-8, node by node, keeping its whitespace, comments, processing
 * instructions, CDATA sections and attributes. Unlike an identity transform it adds nothing and
 * reflows nothing, so an unchanged document comes out as it went in, apart from the XML
 * declaration, which always names UTF-8, and empty elements, which are written {@code
 * <name></name>} as in DmpConnect-JS2 files.
 */
final class XmlWriter {

  private XmlWriter() {}

  static byte[] write(Document document) {
    StringBuilder out = new StringBuilder(4096);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    for (Node node = document.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node.getNodeType() != Node.DOCUMENT_TYPE_NODE) {
        write(node, out);
        out.append('\n');
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(Node node, StringBuilder out) {
    switch (node.getNodeType()) {
      case Node.ELEMENT_NODE -> element((Element) node, out);
      case Node.TEXT_NODE -> escape(node.getNodeValue(), false, out);
      case Node.CDATA_SECTION_NODE ->
          out.append("<![CDATA[")
              .append(node.getNodeValue().replace("]]>", "]]]]><![CDATA[>"))
              .append("]]>");
      case Node.COMMENT_NODE -> out.append("<!--").append(node.getNodeValue()).append("-->");
      case Node.PROCESSING_INSTRUCTION_NODE -> {
        out.append("<?").append(node.getNodeName());
        String data = node.getNodeValue();
        if (data != null && !data.isEmpty()) {
          out.append(' ').append(data);
        }
        out.append("?>");
      }
      default ->
          throw new IllegalStateException("unexpected XML node type " + node.getNodeType());
    }
  }

  private static void element(Element element, StringBuilder out) {
    out.append('<').append(element.getTagName());
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      out.append(' ').append(attribute.getNodeName()).append("=\"");
      escape(attribute.getNodeValue(), true, out);
      out.append('"');
    }
    out.append('>');
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      write(child, out);
    }
    out.append("</").append(element.getTagName()).append('>');
  }

  private static void escape(String text, boolean attribute, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> out.append("&#13;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        default -> out.append(c);
      }
    }
  }
}
