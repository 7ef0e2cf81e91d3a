package org.libreconnect.installer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.libreconnect.config.AllowedOrigin;

/**
 * {@code browser-policy write|remove}: lets the allowed origins' pages reach the connector
 * without the browser's Local Network Access prompt, through Chromium's and Chrome's managed
 * {@code LocalNetworkAccessAllowedForUrls} and Firefox's {@code LocalNetworkAccess.SkipDomains}.
 */
final class BrowserPolicyCommand {
  static final Set<String> VALUED =
      Set.of("--home", "--origin", "--chromium-dir", "--chrome-dir", "--firefox-policies");
  static final Set<String> FLAGS = Set.of("--no-chromium", "--no-chrome", "--no-firefox");

  private final AdminEnvironment environment;
  private final PrintStream out;

  BrowserPolicyCommand(AdminEnvironment environment, PrintStream out) {
    this.environment = environment;
    this.out = out;
  }

  void run(String action, AdminArguments arguments) {
    if (!action.equals("write") && !action.equals("remove")) {
      throw new IllegalArgumentException("browser-policy: unknown action \"" + action + "\" (write, remove)");
    }
    boolean write = action.equals("write");
    List<String> origins = origins(arguments);
    List<String> chrome = OriginPatterns.chrome(origins);
    List<String> firefox = OriginPatterns.firefox(origins);
    if (write && chrome.isEmpty()) {
      throw new InstallerException(
          "no web origin to allow: list them in server/allowed_origins of the configuration, or pass --origin");
    }
    if (!arguments.flag("--no-chromium")) {
      chromium("Chromium", arguments.path("--chromium-dir").orElse(ChromiumPolicyFile.CHROMIUM_DIRECTORY), write, chrome);
    }
    if (!arguments.flag("--no-chrome")) {
      chromium("Google Chrome", arguments.path("--chrome-dir").orElse(ChromiumPolicyFile.CHROME_DIRECTORY), write, chrome);
    }
    if (!arguments.flag("--no-firefox")) {
      Path file = arguments.path("--firefox-policies").orElse(FirefoxPolicyFile.SYSTEM_FILE);
      FirefoxPolicyFile policies = new FirefoxPolicyFile(file);
      if (write) {
        if (arguments.path("--firefox-policies").isEmpty()) {
          policies.requireNotHiding(FirefoxPolicyFile.DISTRIBUTION_FILES);
        }
        policies.add(firefox);
        out.println("Firefox: " + file + " LocalNetworkAccess.SkipDomains " + policies.domains());
      } else {
        out.println("Firefox: " + file + (policies.remove(firefox) ? " updated" : " had none of " + firefox));
      }
    }
  }

  private void chromium(String browser, Path directory, boolean write, List<String> patterns) {
    ChromiumPolicyFile file = new ChromiumPolicyFile(directory);
    if (write) {
      file.write(patterns);
      out.println(browser + ": " + file.file() + " " + ChromiumPolicyFile.LNA_ALLOWED + " " + patterns);
    } else {
      out.println(browser + ": " + file.file() + (file.remove() ? " removed" : " was not there"));
    }
  }

  /** The --origin values, else the allowed origins of the installation's configuration. */
  private List<String> origins(AdminArguments arguments) {
    List<String> given = arguments.all("--origin");
    List<String> origins = new ArrayList<>();
    for (String origin : given) {
      try {
        origins.add(AllowedOrigin.parse(origin).pattern());
      } catch (IllegalArgumentException e) {
        throw new InstallerException("--origin: " + e.getMessage(), e);
      }
    }
    if (origins.isEmpty() || arguments.value("--home").isPresent()) {
      origins.addAll(Installation.at(environment.home(arguments)).allowedOrigins());
    }
    return origins;
  }
}
