package org.libreconnect.master.worker;

/** Words for a process exit status, for logs and error messages. */
final class ExitStatus {
  private ExitStatus() {}

  static String describe(int status) {
    if (status > 128 && status < 160) {
      int signal = status - 128;
      String name =
          switch (signal) {
            case 9 -> "SIGKILL";
            case 15 -> "SIGTERM";
            case 11 -> "SIGSEGV";
            case 6 -> "SIGABRT";
            case 2 -> "SIGINT";
            default -> "signal " + signal;
          };
      return "killed by " + name + " (exit status " + status + ")";
    }
    if (status == org.libreconnect.protocol.link.LinkMessages.EXIT_REPLACE_ME) {
      return "asked to be replaced (exit status " + status + ": its PC/SC context died)";
    }
    return "exit status " + status;
  }
}
