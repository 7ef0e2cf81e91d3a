package org.libreconnect.master;

import java.nio.file.Path;
import java.util.OptionalInt;

/** Command-line options of the master. */
record MasterOptions(Path home, Path configFile, boolean console, OptionalInt port) {

  static final String USAGE =
      "usage: libreconnect [--home DIR] [--config FILE] [--console] [--port N]\n"
          + "  --home DIR     installation directory (default: $LIBRECONNECT_HOME or ~/.libreconnect)\n"
          + "  --config FILE  configuration file (default: DIR/libreconnect.xml)\n"
          + "  --console      also log to standard error\n"
          + "  --port N       listen on port N instead of server/port (0 = any free port)\n";

  static MasterOptions parse(String[] args, Path defaultHome) {
    Path home = defaultHome;
    Path config = null;
    boolean console = false;
    OptionalInt port = OptionalInt.empty();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--home" -> home = Path.of(value(args, ++i, "--home"));
        case "--config" -> config = Path.of(value(args, ++i, "--config"));
        case "--console" -> console = true;
        case "--port" -> {
          String text = value(args, ++i, "--port");
          try {
            int number = Integer.parseInt(text);
            if (number < 0 || number > 65535) {
              throw new NumberFormatException();
            }
            port = OptionalInt.of(number);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port: \"" + text + "\" is not a port (0-65535)");
          }
        }
        default -> throw new IllegalArgumentException("unknown option: " + args[i]);
      }
    }
    home = home.toAbsolutePath().normalize();
    return new MasterOptions(home, config == null ? null : config.toAbsolutePath(), console, port);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }
}
