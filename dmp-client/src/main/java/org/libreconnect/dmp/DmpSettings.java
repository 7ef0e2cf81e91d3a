package org.libreconnect.dmp;

import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.libreconnect.config.Ntp;
import org.libreconnect.config.Proxy;

/**
 * What the DMP client takes from the worker's configuration and installation.
 *
 * @param proxy the configuration's proxy ({@code proxy/*}), used when a command names none
 * @param ntp the configuration's time server ({@code ntp/*}), used when a command names none
 * @param dumpDirectory {@code dmpconnect/transactionDumpDirectory}
 * @param dmpRoots the roots the servers' certificates of a DMP must chain to
 * @param simulatorBase in simulation mode, the base URL of the simulated DMP that replaces
 *     production and training; empty otherwise
 * @param homologationNumber {@code dmpconnect/homologation_number}, the VIHF's
 *     {@code LPS_ID_HOMOLOGATION_DMP}
 */
public record DmpSettings(
    Proxy proxy,
    Ntp ntp,
    Optional<Path> dumpDirectory,
    Function<DmpUrls, KeyStore> dmpRoots,
    Supplier<Optional<URI>> simulatorBase,
    String homologationNumber) {}
