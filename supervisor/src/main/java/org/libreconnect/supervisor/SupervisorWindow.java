package org.libreconnect.supervisor;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.SwingWorker;
import javax.swing.Timer;
import org.libreconnect.supervisor.service.ServiceException;
import org.libreconnect.supervisor.service.ServiceManager;

/**
 * The supervisor's window: Status, Settings and Support tabs. Everything that waits (status,
 * service manager, bundle) runs in a {@link SwingWorker}; the Swing thread only paints.
 */
public final class SupervisorWindow {
  static final int REFRESH_MILLIS = 5000;

  private final JFrame frame = new JFrame("LibreConnect supervisor");
  final JTabbedPane tabs = new JTabbedPane();
  final JLabel serviceState = new JLabel("…");
  final JTextArea statusText = area();
  final JTextField proxyServer = new JTextField(24);
  final JTextField proxyPort = new JTextField(6);
  final JTextField proxyLogin = new JTextField(16);
  final JPasswordField proxyPassword = new JPasswordField(16);
  final JTextField ntpServer = new JTextField(24);
  final JTextField ntpPort = new JTextField(6);
  final JLabel settingsMessage = new JLabel(" ");
  final JLabel supportMessage = new JLabel(" ");
  final JButton apply = new JButton("Apply and restart");

  private final ServiceManager service;
  private final SettingsController settings;
  private final SupportController support;
  private final Supplier<Path> bundleTarget;

  /**
   * @param bundleTarget where to write the bundle; null asks the user with a file chooser
   */
  public SupervisorWindow(ServiceManager service, SettingsController settings, SupportController support,
      Supplier<Path> bundleTarget) {
    this.service = service;
    this.settings = settings;
    this.support = support;
    this.bundleTarget = bundleTarget;
    tabs.addTab("Status", statusTab());
    tabs.addTab("Settings", settingsTab());
    tabs.addTab("Support", supportTab());
    frame.setDefaultCloseOperation(JFrame.DISPOSE_ON_CLOSE);
    frame.getContentPane().add(tabs);
    frame.setSize(new Dimension(760, 520));
    loadSettings();
    new Timer(REFRESH_MILLIS, e -> refresh()).start();
    refresh();
  }

  public JFrame frame() {
    return frame;
  }

  // Read and driven by the tests on the Swing thread, as a user would.

  public String serviceStateText() {
    return serviceState.getText();
  }

  public String statusTextValue() {
    return statusText.getText();
  }

  public String settingsMessageText() {
    return settingsMessage.getText();
  }

  public String supportMessageText() {
    return supportMessage.getText();
  }

  public void showTab(int index) {
    tabs.setSelectedIndex(index);
  }

  /** Types a proxy into the Settings fields. */
  public void fillProxy(String server, String port, String login, String password) {
    tabs.setSelectedIndex(1);
    proxyServer.setText(server);
    proxyPort.setText(port);
    proxyLogin.setText(login);
    proxyPassword.setText(password);
  }

  private static JTextArea area() {
    JTextArea area = new JTextArea(16, 60);
    area.setEditable(false);
    area.setLineWrap(true);
    area.setWrapStyleWord(true);
    return area;
  }

  private JComponent statusTab() {
    JPanel panel = new JPanel(new BorderLayout(8, 8));
    panel.setBorder(BorderFactory.createEmptyBorder(10, 10, 10, 10));
    JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT));
    top.add(new JLabel("Service:"));
    top.add(serviceState);
    top.add(button("Start", () -> service.start()));
    top.add(button("Stop", () -> service.stop()));
    top.add(button("Restart", () -> service.restart()));
    panel.add(top, BorderLayout.NORTH);
    panel.add(new JScrollPane(statusText), BorderLayout.CENTER);
    return panel;
  }

  private interface ServiceAction {
    void run() throws ServiceException;
  }

  private JButton button(String label, ServiceAction action) {
    JButton button = new JButton(label);
    button.addActionListener(e -> {
      serviceState.setText(label + "…");
      new SwingWorker<String, Void>() {
        @Override
        protected String doInBackground() {
          try {
            action.run();
            return null;
          } catch (ServiceException failure) {
            return failure.getMessage();
          }
        }

        @Override
        protected void done() {
          try {
            String error = get();
            if (error != null) {
              statusText.setText(error);
            }
          } catch (Exception ignored) {
            // the refresh shows the state
          }
          refresh();
        }
      }.execute();
    });
    return button;
  }

  /** Reads the service state and the status off the Swing thread, then shows them. */
  public void refresh() {
    new SwingWorker<Object[], Void>() {
      @Override
      protected Object[] doInBackground() {
        return new Object[] {service.state(), support.status()};
      }

      @Override
      protected void done() {
        try {
          Object[] result = get();
          show((ServiceManager.State) result[0], (StatusView) result[1]);
        } catch (Exception e) {
          serviceState.setText("unknown");
        }
      }
    }.execute();
  }

  void show(ServiceManager.State state, StatusView status) {
    serviceState.setText(state.name().toLowerCase(java.util.Locale.ROOT) + " (" + service.name() + ")"
        + (status.reachable() ? " — answering" : " — not answering"));
    if (!status.reachable()) {
      statusText.setText("The connector does not answer on its port. Start the service; if it stays "
          + "down, export the diagnostics bundle from the Support tab and send it to support.");
      return;
    }
    StringBuilder text = new StringBuilder()
        .append("Version: ").append(status.version()).append('\n')
        .append("Mode: ").append(status.mode()).append('\n')
        .append("Active sessions: ").append(status.activeSessions()).append('\n')
        .append("Worker processes: ").append(status.workers()).append('\n')
        .append("TLS certificate expires: ").append(status.certificateExpiresAt()).append('\n')
        .append("Configuration file: ").append(status.configFile()).append('\n')
        .append("Log folder: ").append(status.logDirectory()).append("\n\nReaders and cards:\n");
    if (status.readers().isEmpty()) {
      text.append("  (not looked at yet)\n");
    }
    status.readers().forEach(r -> text.append("  ").append(r).append('\n'));
    text.append("\nFailed checks: ").append(status.failedChecks().isEmpty() ? "none" : "").append('\n');
    status.failedChecks().forEach(c -> text.append("  ").append(c).append('\n'));
    statusText.setText(text.toString());
  }

  private JComponent settingsTab() {
    JPanel form = new JPanel(new GridBagLayout());
    form.setBorder(BorderFactory.createEmptyBorder(10, 10, 10, 10));
    int row = 0;
    row = field(form, row, "Proxy server", proxyServer);
    row = field(form, row, "Proxy port", proxyPort);
    row = field(form, row, "Proxy login", proxyLogin);
    row = field(form, row, "Proxy password", proxyPassword);
    row = field(form, row, "NTP server (empty: pool servers)", ntpServer);
    row = field(form, row, "NTP port (empty: 123)", ntpPort);
    apply.addActionListener(e -> applySettings());
    GridBagConstraints c = constraints(0, row);
    c.gridwidth = 2;
    form.add(apply, c);
    c = constraints(0, row + 1);
    c.gridwidth = 2;
    form.add(settingsMessage, c);
    return form;
  }

  private static int field(JPanel form, int row, String label, JComponent field) {
    form.add(new JLabel(label), constraints(0, row));
    form.add(field, constraints(1, row));
    return row + 1;
  }

  private static GridBagConstraints constraints(int x, int y) {
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = x;
    c.gridy = y;
    c.anchor = GridBagConstraints.WEST;
    c.insets = new Insets(4, 4, 4, 4);
    return c;
  }

  private void loadSettings() {
    try {
      ConnectorSettings current = settings.load();
      proxyServer.setText(current.proxyServer());
      proxyPort.setText(current.proxyPort());
      proxyLogin.setText(current.proxyLogin());
      proxyPassword.setText(current.proxyPassword());
      ntpServer.setText(current.ntpServer());
      ntpPort.setText(current.ntpPort());
    } catch (RuntimeException e) {
      settingsMessage.setText("The configuration file cannot be read: " + e.getMessage());
    }
  }

  ConnectorSettings typedSettings() {
    return new ConnectorSettings(proxyServer.getText(), proxyPort.getText(), proxyLogin.getText(),
        new String(proxyPassword.getPassword()), ntpServer.getText(), ntpPort.getText());
  }

  public void applySettings() {
    ConnectorSettings typed = typedSettings();
    apply.setEnabled(false);
    settingsMessage.setText("Saving…");
    new SwingWorker<SettingsController.Outcome, Void>() {
      @Override
      protected SettingsController.Outcome doInBackground() {
        return settings.apply(typed);
      }

      @Override
      protected void done() {
        apply.setEnabled(true);
        try {
          settingsMessage.setText(get().message());
        } catch (Exception e) {
          settingsMessage.setText("Not saved.");
        }
        refresh();
      }
    }.execute();
  }

  private JComponent supportTab() {
    JPanel panel = new JPanel(new GridBagLayout());
    panel.setBorder(BorderFactory.createEmptyBorder(10, 10, 10, 10));
    JButton logs = new JButton("Open the log folder");
    logs.addActionListener(e -> supportMessage.setText(support.openLogFolder()
        ? "Log folder: " + support.layout().logDir()
        : "No file manager here; the logs are in " + support.layout().logDir()));
    JButton bundle = new JButton("Export the diagnostics bundle");
    bundle.addActionListener(e -> exportBundle());
    panel.add(new JLabel("Log folder: " + support.layout().logDir()), constraints(0, 0));
    panel.add(logs, constraints(0, 1));
    panel.add(new JLabel("The bundle holds the configuration (secrets masked), recent logs, status and checks."),
        constraints(0, 2));
    panel.add(bundle, constraints(0, 3));
    panel.add(supportMessage, constraints(0, 4));
    return panel;
  }

  public void exportBundle() {
    Path target = bundleTarget == null ? chooseTarget() : bundleTarget.get();
    if (target == null) {
      return;
    }
    supportMessage.setText("Building the bundle…");
    new SwingWorker<String, Void>() {
      @Override
      protected String doInBackground() {
        try {
          long failed = support.exportBundle(target).stream().filter(r -> !r.passed()).count();
          return "Bundle written to " + target + " (" + failed + " failed checks): send it to support.";
        } catch (java.io.IOException e) {
          return "The bundle could not be written: " + e.getMessage();
        }
      }

      @Override
      protected void done() {
        try {
          supportMessage.setText(get());
        } catch (Exception e) {
          supportMessage.setText("The bundle could not be written.");
        }
      }
    }.execute();
  }

  private Path chooseTarget() {
    JFileChooser chooser = new JFileChooser();
    chooser.setSelectedFile(new java.io.File(support.bundleFileName()));
    return chooser.showSaveDialog(frame) == JFileChooser.APPROVE_OPTION ? chooser.getSelectedFile().toPath() : null;
  }
}
