package org.libreconnect.simulator.pki;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** Object identifiers of the French health sector found in IGC-Santé certificates. */
public final class HealthOids {
  /** Certificate extension: DER INTEGER profession code (TRE_G15), e.g. 10 for Médecin. */
  public static final ASN1ObjectIdentifier PROFESSION =
      new ASN1ObjectIdentifier("1.2.250.1.71.1.2.7");

  /** Certificate extension: SEQUENCE { UTF8String specialty code (TRE_R01) }, e.g. SM26. */
  public static final ASN1ObjectIdentifier SPECIALTY =
      new ASN1ObjectIdentifier("1.2.250.1.71.4.2.5");

  /** Certificate extension: a one-byte OCTET STRING, 0x83 on IGC-Santé cards (meaning unknown). */
  public static final ASN1ObjectIdentifier ISSUING_SYSTEM =
      new ASN1ObjectIdentifier("1.2.250.1.71.1.2.5");

  /** The IGC-Santé TEST certificate policy seen on person and organisation test certificates. */
  public static final ASN1ObjectIdentifier TEST_POLICY =
      new ASN1ObjectIdentifier("1.2.250.1.213.1.7.2.1.1.1.1");

  /** The CPS URI that goes with {@link #TEST_POLICY}. */
  public static final String TEST_POLICY_CPS_URI = "http://igc-sante.esante.gouv.fr/PC%20TEST";

  /** The value of {@link #ISSUING_SYSTEM} on IGC-Santé certificates. */
  public static final byte IGC_SANTE_MARKER = (byte) 0x83;

  private HealthOids() {}
}
