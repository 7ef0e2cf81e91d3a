package org.libreconnect.worker;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A connection object made by {@code hl_createConnection}: the server it points at, its request
 * timeout and its proxy. The connector opens the network connection when a command uses it; this
 * object only holds the settings (no proxy password is kept).
 *
 * @param server the server, as a URL
 * @param requestTimeout the timeout of each request
 * @param proxy the proxy {@code host:port}, if any
 */
public record ConnectionObject(URI server, Duration requestTimeout, Optional<String> proxy) {}
