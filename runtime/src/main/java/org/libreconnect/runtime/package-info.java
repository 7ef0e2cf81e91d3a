/**
 * What every LibreConnect process (master and workers) shares: the installation layout with its
 * owner-only permissions, the Logback set-up with the JS2 log levels, log tails, the pid files used
 * to clean leftovers, the pruning of old worker log folders, and {@link
 * org.libreconnect.runtime.AtomicFiles}, the one way any module replaces a file.
 */
package org.libreconnect.runtime;
