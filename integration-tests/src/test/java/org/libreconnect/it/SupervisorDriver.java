package org.libreconnect.it;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.libreconnect.diagnostics.StatusFetcher;
import org.libreconnect.runtime.InstallationLayout;
import org.libreconnect.supervisor.SettingsController;
import org.libreconnect.supervisor.SupervisorWindow;
import org.libreconnect.supervisor.SupportController;
import org.libreconnect.supervisor.service.ServiceException;
import org.libreconnect.supervisor.service.ServiceManager;
import org.libreconnect.testsupport.ConnectorProcess;

/**
 * Runs the real supervisor window on the X display of {@code DISPLAY} (Xvfb in {@link
 * SupervisorXvfbIT}) against a real connector it starts and restarts, changes the proxy in the
 * Settings tab, and screenshots each tab. Arguments: home, proxy port, proxy login, proxy
 * password, screenshot folder. Prints {@code SUPERVISOR-OK} and exits 0 when every step passed.
 */
public final class SupervisorDriver {
  private SupervisorDriver() {}

  /** The connector as a child process, started and restarted as a service manager would. */
  static final class ProcessService implements ServiceManager {
    private final Path home;
    private volatile ConnectorProcess process;

    ProcessService(Path home) {
      this.home = home;
    }

    @Override
    public String name() {
      return "test process";
    }

    @Override
    public State state() {
      return process != null && ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false)
          ? State.RUNNING : State.STOPPED;
    }

    @Override
    public synchronized void start() throws ServiceException {
      try {
        process = ConnectorProcess.start(home);
      } catch (java.io.IOException | RuntimeException e) {
        throw new ServiceException("start failed: " + e.getMessage());
      }
    }

    @Override
    public synchronized void stop() {
      if (process != null) {
        try {
          process.close();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public synchronized void restart() throws ServiceException {
      stop();
      start();
    }

    int port() {
      return process == null ? 1 : process.port();
    }
  }

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    String proxyPort = args[1];
    String login = args[2];
    String password = args[3];
    Path shots = Files.createDirectories(Path.of(args[4]));
    Files.createDirectories(home);
    Files.writeString(home.resolve("libreconnect.xml"),
        ConnectorProcess.config(1, ConnectorFixture.APP_ORIGIN).replace("</libreconnect>",
            "  <future_setting>kept</future_setting>\n</libreconnect>\n"));
    ProcessService service = new ProcessService(home);
    int status = 1;
    try {
      service.start();
      InstallationLayout layout = new InstallationLayout(home);
      SupportController support = new SupportController(layout, Clock.systemUTC(), service::port);
      Path bundle = shots.resolve("supervisor-bundle.zip");
      AtomicReference<SupervisorWindow> window = new AtomicReference<>();
      SwingUtilities.invokeAndWait(() -> {
        SupervisorWindow w = new SupervisorWindow(service,
            new SettingsController(layout.configFile(), service), support, () -> bundle);
        w.frame().setLocation(0, 0);
        w.frame().setVisible(true);
        window.set(w);
      });
      SupervisorWindow w = window.get();
      await("the Status tab shows a running connector", Duration.ofSeconds(40),
          () -> text(() -> w.serviceStateText()).contains("answering") && text(w::statusTextValue).contains("Version:"));
      shoot(w, 0, shots.resolve("supervisor-status.png"));

      SwingUtilities.invokeAndWait(() -> w.fillProxy("127.0.0.1", proxyPort, login, password));
      shoot(w, 1, shots.resolve("supervisor-settings.png"));
      SwingUtilities.invokeAndWait(w::applySettings);
      await("the settings are saved and the service restarted", Duration.ofSeconds(60),
          () -> text(w::settingsMessageText).contains("restarted"));
      String xml = Files.readString(home.resolve("libreconnect.xml"));
      check(xml.contains("<port>" + proxyPort + "</port>") && xml.contains("<future_setting>kept</future_setting>"),
          "the XML holds the new proxy and keeps unknown elements");
      StatusFetcher fetcher = new StatusFetcher(layout.tlsDir().resolve("ca.crt"), service.port(), Duration.ofSeconds(5));
      await("the restarted connector checks through the proxy", Duration.ofSeconds(40),
          () -> fetcher.fetchOrExplain().contains("through the proxy 127.0.0.1:" + proxyPort));
      SwingUtilities.invokeAndWait(w::refresh);
      await("the Status tab answers again after the restart", Duration.ofSeconds(20),
          () -> text(() -> w.serviceStateText()).contains("answering"));
      shoot(w, 1, shots.resolve("supervisor-settings-applied.png"));

      SwingUtilities.invokeAndWait(w::exportBundle);
      await("the Support tab exports the bundle", Duration.ofSeconds(40),
          () -> text(w::supportMessageText).contains("Bundle written"));
      check(Files.size(bundle) > 0, "the bundle file is written");
      check(!new String(Files.readAllBytes(bundle), java.nio.charset.StandardCharsets.ISO_8859_1).contains(password),
          "the bundle does not hold the proxy password");
      shoot(w, 2, shots.resolve("supervisor-support.png"));
      SwingUtilities.invokeAndWait(() -> w.frame().dispose());
      System.out.println("SUPERVISOR-OK");
      status = 0;
    } catch (Throwable e) {
      System.out.println("SUPERVISOR-FAILED " + e);
    } finally {
      service.stop();
    }
    System.out.flush();
    System.exit(status);
  }

  private static String text(Supplier<String> onSwingThread) {
    AtomicReference<String> value = new AtomicReference<>("");
    try {
      SwingUtilities.invokeAndWait(() -> value.set(onSwingThread.get()));
    } catch (Exception e) {
      return "";
    }
    return value.get();
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        System.out.println("step ok: " + what);
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("timed out: " + what);
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError("failed: " + what);
    }
    System.out.println("step ok: " + what);
  }

  /** Shows tab {@code index} and captures the window from the X screen. */
  private static void shoot(SupervisorWindow w, int index, Path file) throws Exception {
    SwingUtilities.invokeAndWait(() -> w.showTab(index));
    Thread.sleep(400);
    AtomicReference<Rectangle> bounds = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> bounds.set(w.frame().getBounds()));
    BufferedImage image = new Robot().createScreenCapture(bounds.get());
    ImageIO.write(image, "png", file.toFile());
    System.out.println("screenshot: " + file);
  }
}
