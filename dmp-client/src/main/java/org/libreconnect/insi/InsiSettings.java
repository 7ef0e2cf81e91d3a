package org.libreconnect.insi;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Optional;
import java.util.function.Supplier;
import org.libreconnect.config.Ntp;
import org.libreconnect.config.Proxy;

/**
 * What the INSi client takes from the worker's configuration and installation.
 *
 * @param proxy the configuration's proxy, used when a command names none
 * @param ntp the configuration's time server, used when a command names none
 * @param dumpDirectory {@code dmpconnect/transactionDumpDirectory} (INSi exchanges are dumped there too)
 * @param roots the roots the INSi server's certificate must chain to
 * @param simulatorEndpoint in simulation mode, the simulated INSi endpoint that replaces the
 *     official ones (asked only when an official URL is named); empty otherwise
 */
public record InsiSettings(
    Proxy proxy,
    Ntp ntp,
    Optional<Path> dumpDirectory,
    Supplier<KeyStore> roots,
    Supplier<Optional<URI>> simulatorEndpoint) {}
