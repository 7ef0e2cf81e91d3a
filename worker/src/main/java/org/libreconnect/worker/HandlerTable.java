package org.libreconnect.worker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.libreconnect.protocol.command.CommandCatalogue;
import org.libreconnect.protocol.command.CommandSpec;
import org.libreconnect.protocol.command.Target;

/** The worker's command handlers, by command name, checked against the catalogue. */
public final class HandlerTable {

  /** One registered handler. */
  public sealed interface Entry permits Single, Streaming {
    Class<? extends Record> inputType();
  }

  /** A command with one answer. */
  public record Single<I extends Record>(Class<I> inputType, CommandHandler<I> handler)
      implements Entry {}

  /** A persistent command: an acknowledgement, then events. */
  public record Streaming<I extends Record>(Class<I> inputType, StreamHandler<I> handler)
      implements Entry {}

  private final Map<String, Entry> entries;

  private HandlerTable(Map<String, Entry> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  public Optional<Entry> find(String commandName) {
    return Optional.ofNullable(entries.get(commandName));
  }

  public Set<String> names() {
    return entries.keySet();
  }

  public static Builder builder(CommandCatalogue catalogue) {
    return new Builder(catalogue);
  }

  /**
   * Collects handlers; each must name a worker command of the catalogue, with the catalogue's input
   * type and persistence.
   */
  public static final class Builder {
    private final CommandCatalogue catalogue;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private Builder(CommandCatalogue catalogue) {
      this.catalogue = catalogue;
    }

    public <I extends Record> Builder single(
        String name, Class<I> inputType, CommandHandler<I> handler) {
      return add(name, new Single<>(inputType, handler), false);
    }

    public <I extends Record> Builder streaming(
        String name, Class<I> inputType, StreamHandler<I> handler) {
      return add(name, new Streaming<>(inputType, handler), true);
    }

    public HandlerTable build() {
      return new HandlerTable(new LinkedHashMap<>(entries));
    }

    private Builder add(String name, Entry entry, boolean persistent) {
      CommandSpec spec =
          catalogue
              .find(name)
              .orElseThrow(() -> new IllegalArgumentException(name + " is not in the catalogue"));
      if (spec.target() != Target.WORKER) {
        throw new IllegalArgumentException(name + " is served by the " + spec.target());
      }
      if (spec.inputType() != entry.inputType()) {
        throw new IllegalArgumentException(
            name + " takes " + spec.inputType().getSimpleName() + " in the catalogue");
      }
      if (spec.persistent() != persistent) {
        throw new IllegalArgumentException(
            name + (spec.persistent() ? " is" : " is not") + " persistent in the catalogue");
      }
      if (entries.putIfAbsent(name, entry) != null) {
        throw new IllegalArgumentException(name + " has two handlers");
      }
      return this;
    }
  }
}
