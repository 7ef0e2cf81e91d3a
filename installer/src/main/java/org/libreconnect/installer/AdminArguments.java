package org.libreconnect.installer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The options after {@code <command> <action>}: {@code --name value} pairs (some repeatable)
 * and {@code --flag}s, checked against what the command accepts.
 */
public final class AdminArguments {
  private final Map<String, List<String>> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();

  private AdminArguments() {}

  /**
   * @param valued options that take a value, e.g. {@code --home}
   * @param flagNames options without a value, e.g. {@code --no-system}
   * @throws IllegalArgumentException naming the option that is unknown or lacks its value
   */
  public static AdminArguments parse(List<String> arguments, Set<String> valued, Set<String> flagNames) {
    AdminArguments parsed = new AdminArguments();
    for (int i = 0; i < arguments.size(); i++) {
      String argument = arguments.get(i);
      if (flagNames.contains(argument)) {
        parsed.flags.add(argument);
      } else if (valued.contains(argument)) {
        if (i + 1 >= arguments.size()) {
          throw new IllegalArgumentException(argument + " needs a value");
        }
        parsed.values.computeIfAbsent(argument, k -> new ArrayList<>()).add(arguments.get(++i));
      } else {
        throw new IllegalArgumentException("unknown option: " + argument);
      }
    }
    return parsed;
  }

  public boolean flag(String name) {
    return flags.contains(name);
  }

  /** The value of a single-valued option; the last one wins when repeated. */
  public Optional<String> value(String name) {
    List<String> given = values.getOrDefault(name, List.of());
    return given.isEmpty() ? Optional.empty() : Optional.of(given.get(given.size() - 1));
  }

  public Optional<Path> path(String name) {
    return value(name).map(Path::of);
  }

  /** Every value of a repeatable option, in order. */
  public List<String> all(String name) {
    return List.copyOf(values.getOrDefault(name, List.of()));
  }
}
