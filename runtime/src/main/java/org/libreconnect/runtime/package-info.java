/**
 * What every LibreConnect process (master and workers) shares: the installation layout, the Logback
 * set-up with the JS2 log levels, log tails and the pid files used to clean leftovers.
 */
package org.libreconnect.runtime;
