package org.libreconnect.dmp.vihf;

/**
 * The software sending the request (VIHF {@code LPS_*} attributes).
 *
 * @param name {@code LPS_Nom}
 * @param version {@code LPS_Version}
 * @param homologation {@code LPS_ID_HOMOLOGATION_DMP}
 * @param instanceId {@code LPS_ID}: the installation's {@code s_instanceUniqueId}
 */
public record LpsIdentity(String name, String version, String homologation, String instanceId) {
  /** The OID this software uses as HL7 sender device and message-id root (UUID-based 2.25 arc). */
  public String senderOid() {
    return instanceId;
  }
}
