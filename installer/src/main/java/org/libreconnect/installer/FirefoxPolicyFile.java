package org.libreconnect.installer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Firefox's {@code policies.json}: the {@code LocalNetworkAccess} policy's {@code SkipDomains}
 * list holds the sites whose pages may reach local addresses without a prompt. Firefox reads one
 * file only, so this one is merged: other policies and other domains are kept.
 */
public final class FirefoxPolicyFile {
  /** The system-wide file Firefox reads on Linux before its installation's distribution folder. */
  public static final Path SYSTEM_FILE = Path.of("/etc/firefox/policies/policies.json");
  /** Distribution folders that {@link #SYSTEM_FILE} would hide once it exists. */
  public static final List<Path> DISTRIBUTION_FILES =
      List.of(
          Path.of("/usr/lib/firefox-esr/distribution/policies.json"),
          Path.of("/usr/lib/firefox/distribution/policies.json"),
          Path.of("/opt/firefox/distribution/policies.json"));

  static final String POLICY = "LocalNetworkAccess";
  static final String SKIP_DOMAINS = "SkipDomains";

  private final Path file;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public FirefoxPolicyFile(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /**
   * Refuses to create the system file while a distribution {@code policies.json} exists: Firefox
   * would then ignore the distribution file and every policy in it.
   */
  public void requireNotHiding(List<Path> distributionFiles) {
    if (Files.exists(file)) {
      return;
    }
    for (Path other : distributionFiles) {
      if (Files.exists(other)) {
        throw new InstallerException(
            "Firefox reads " + other + " today; creating " + file + " would make it ignore that file. "
                + "Pass --firefox-policies " + other + " to add the policy there");
      }
    }
  }

  /** Adds these domains to {@code policies.LocalNetworkAccess.SkipDomains}. */
  public void add(List<String> domains) {
    ObjectNode root = read();
    ObjectNode policy = object(object(root, "policies"), POLICY);
    Set<String> merged = new LinkedHashSet<>(list(policy));
    merged.addAll(domains);
    setList(policy, merged);
    write(root);
  }

  /** Removes these domains; an emptied list, then an emptied policy, are removed too. */
  public boolean remove(List<String> domains) {
    if (!Files.exists(file)) {
      return false;
    }
    ObjectNode root = read();
    JsonNode policies = root.get("policies");
    if (!(policies instanceof ObjectNode policiesObject) || !(policiesObject.get(POLICY) instanceof ObjectNode policy)) {
      return false;
    }
    Set<String> kept = new LinkedHashSet<>(list(policy));
    if (!kept.removeAll(domains)) {
      return false;
    }
    if (kept.isEmpty()) {
      policy.remove(SKIP_DOMAINS);
    } else {
      setList(policy, kept);
    }
    if (policy.isEmpty()) {
      policiesObject.remove(POLICY);
    }
    write(root);
    return true;
  }

  /** The domains now listed. */
  public List<String> domains() {
    if (!Files.exists(file)) {
      return List.of();
    }
    JsonNode policy = read().path("policies").path(POLICY);
    return policy instanceof ObjectNode object ? List.copyOf(list(object)) : List.of();
  }

  private ObjectNode read() {
    if (!Files.exists(file)) {
      return json.createObjectNode();
    }
    try {
      JsonNode node = json.readTree(Files.readAllBytes(file));
      if (node instanceof ObjectNode object) {
        return object;
      }
      throw new InstallerException(file + " does not hold a JSON object; fix it by hand first");
    } catch (JsonProcessingException e) {
      throw new InstallerException(
          file + " is not valid JSON (line " + e.getLocation().getLineNr() + "); fix it by hand first", e);
    } catch (IOException e) {
      throw new InstallerException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private void write(ObjectNode root) {
    try {
      SystemFiles.write(file, json.writeValueAsBytes(root));
    } catch (JsonProcessingException e) {
      throw new InstallerException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private ObjectNode object(ObjectNode parent, String name) {
    JsonNode node = parent.get(name);
    if (node instanceof ObjectNode object) {
      return object;
    }
    if (node != null && !node.isNull()) {
      throw new InstallerException(file + ": \"" + name + "\" is not a JSON object; fix it by hand first");
    }
    return parent.putObject(name);
  }

  private static List<String> list(ObjectNode policy) {
    JsonNode node = policy.get(SKIP_DOMAINS);
    if (node == null || !node.isArray()) {
      return List.of();
    }
    return java.util.stream.StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static void setList(ObjectNode policy, Set<String> domains) {
    ArrayNode array = policy.putArray(SKIP_DOMAINS);
    domains.forEach(array::add);
  }
}
