/**
 * Data that client applications park in the connector: temporary data of one session
 * ({@link org.libreconnect.worker.data.SessionDataStore}) and one persistent blob per application
 * ({@link org.libreconnect.worker.data.PersistentDataStore}).
 *
 * <p>These classes know nothing of JSON or of the wire protocol; command handlers wrap them and map
 * their exceptions to wire errors.
 */
package org.libreconnect.worker.data;
