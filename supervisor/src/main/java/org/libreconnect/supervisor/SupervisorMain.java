package org.libreconnect.supervisor;

import java.awt.AWTException;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.time.Clock;
import javax.swing.SwingUtilities;
import org.libreconnect.runtime.InstallationLayout;
import org.libreconnect.supervisor.service.ServiceManager;
import org.libreconnect.supervisor.service.ServiceManagers;

/**
 * Starts the supervisor: an icon in the system tray where the desktop has one (its menu opens the
 * window), the window itself otherwise. Started at login by the XDG autostart entry.
 */
public final class SupervisorMain {
  private SupervisorMain() {}

  public static void main(String[] args) {
    InstallationLayout layout = InstallationLayout.fromSystem();
    ServiceManager service = ServiceManagers.forPlatform();
    SwingUtilities.invokeLater(() -> {
      SupervisorWindow window = new SupervisorWindow(service,
          new SettingsController(layout.configFile(), service),
          new SupportController(layout, Clock.systemUTC()), null);
      if (!SystemTray.isSupported() || !addTrayIcon(window)) {
        window.frame().setVisible(true);
      }
    });
  }

  private static boolean addTrayIcon(SupervisorWindow window) {
    PopupMenu menu = new PopupMenu();
    MenuItem open = new MenuItem("Open LibreConnect supervisor");
    open.addActionListener(e -> window.frame().setVisible(true));
    menu.add(open);
    TrayIcon icon = new TrayIcon(icon(), "LibreConnect", menu);
    icon.setImageAutoSize(true);
    icon.addActionListener(e -> window.frame().setVisible(true));
    try {
      SystemTray.getSystemTray().add(icon);
      return true;
    } catch (AWTException e) {
      return false;
    }
  }

  private static Image icon() {
    BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
    var g = image.createGraphics();
    g.setColor(new java.awt.Color(0x1d, 0x5f, 0xa8));
    g.fillRoundRect(1, 1, 14, 14, 5, 5);
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(5, 4, 2, 8);
    g.fillRect(5, 10, 6, 2);
    g.dispose();
    return image;
  }
}
