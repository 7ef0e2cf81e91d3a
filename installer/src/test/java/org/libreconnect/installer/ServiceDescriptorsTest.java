package org.libreconnect.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The Windows and macOS service descriptors the build generates (target/service) parse and name
 * the paths of docs/install.md. They cannot run here; this is what can be checked.
 */
class ServiceDescriptorsTest {
  private static final Path SERVICE = Path.of("target/service");

  @Test
  void theWinswDescriptorRunsTheMasterFromProgramFilesWithItsHomeInProgramData() throws Exception {
    Document xml = parse(SERVICE.resolve("windows/LibreConnect.xml"));
    Element service = xml.getDocumentElement();
    assertThat(service.getTagName()).isEqualTo("service");
    assertThat(text(service, "id")).isEqualTo("LibreConnect");
    assertThat(text(service, "executable")).isEqualTo("%BASE%\\runtime\\bin\\java.exe");
    String arguments = text(service, "arguments");
    assertThat(arguments)
        .contains("org.libreconnect.master.MasterMain --home \"%ProgramData%\\LibreConnect\"")
        .contains("\"-Dlibreconnect.home=%ProgramData%\\LibreConnect\"")
        .contains("-cp \"%BASE%\\lib\\*\"");
    assertThat(text(service, "startmode")).isEqualTo("Automatic");
    assertThat(((Element) service.getElementsByTagName("onfailure").item(0)).getAttribute("action")).isEqualTo("restart");
    assertThat(text(service, "logpath")).isEqualTo("%ProgramData%\\LibreConnect\\logs");
    assertThat(Files.readString(SERVICE.resolve("windows/LibreConnect.xml"))).doesNotContain("${project.version}");
  }

  @Test
  void theLaunchdPlistStartsTheDaemonAsItsUserWithTheMacPaths() throws Exception {
    Path plistFile = SERVICE.resolve("macos/root/Library/LaunchDaemons/org.libreconnect.connector.plist");
    Map<String, Object> plist = plist(parse(plistFile));
    assertThat(plist.get("Label")).isEqualTo("org.libreconnect.connector");
    assertThat(plist.get("ProgramArguments")).isEqualTo(List.of(
        "/Library/LibreConnect/bin/libreconnect", "--home", "/Library/Application Support/LibreConnect"));
    assertThat(plist.get("UserName")).isEqualTo("_libreconnect");
    assertThat(plist.get("RunAtLoad")).isEqualTo(true);
    assertThat(plist.get("KeepAlive")).isEqualTo(Map.of("SuccessfulExit", false));
    assertThat(plist.get("StandardOutPath")).isEqualTo("/Library/Logs/LibreConnect/console.log");
  }

  @Test
  void thePkgbuildLayoutInstallsTheDaemonAndTrustsTheCa() throws Exception {
    String postinstall = Files.readString(SERVICE.resolve("macos/scripts/postinstall"));
    assertThat(postinstall)
        .startsWith("#!/bin/sh")
        .contains("certificate ensure --home \"$home\"")
        .contains("/Library/Keychains/System.keychain")
        .contains("launchctl bootstrap system /Library/LaunchDaemons/org.libreconnect.connector.plist");
    assertThat(Files.readString(SERVICE.resolve("macos/build-pkg.sh")))
        .contains("--identifier org.libreconnect.connector")
        .doesNotContain("${project.version}");
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    // The plist names Apple's DTD: checked for well-formedness only, nothing is fetched.
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static String text(Element parent, String name) {
    return parent.getElementsByTagName(name).item(0).getTextContent().strip();
  }

  /** The property list's top dict as Java values (string, integer, true/false, array, dict). */
  private static Map<String, Object> plist(Document document) {
    Element root = document.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("plist");
    @SuppressWarnings("unchecked")
    Map<String, Object> top = (Map<String, Object>) value(children(root).get(0));
    return top;
  }

  private static Object value(Element element) {
    return switch (element.getTagName()) {
      case "string" -> element.getTextContent();
      case "integer" -> Long.parseLong(element.getTextContent().strip());
      case "true" -> true;
      case "false" -> false;
      case "array" -> children(element).stream().map(ServiceDescriptorsTest::value).toList();
      case "dict" -> {
        Map<String, Object> map = new LinkedHashMap<>();
        List<Element> entries = children(element);
        for (int i = 0; i < entries.size(); i += 2) {
          assertThat(entries.get(i).getTagName()).isEqualTo("key");
          map.put(entries.get(i).getTextContent(), value(entries.get(i + 1)));
        }
        yield map;
      }
      default -> throw new AssertionError("not a plist element: " + element.getTagName());
    };
  }

  private static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }
}
