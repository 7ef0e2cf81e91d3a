package org.libreconnect.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.libreconnect.dmp.DmpHolder;
import org.libreconnect.dmp.DmpPracticeLocation;
import org.libreconnect.dmp.vihf.IndirectAuthentication;
import org.libreconnect.protocol.error.InvalidParameterException;
import org.libreconnect.protocol.error.MissingParameterException;

/**
 * The health professional and the practice location a request names (server mode, indirect
 * authentication): {@code HP} and {@code PracticeLocation}, inside the outer object {@value
 * #KEY} or one of {@link #ALTERNATIVE_KEYS}, or at the top level of the body. The structure
 * itself comes from the establishment certificate, never from the request.
 */
public record RequestIdentity(DmpHolder holder, String subjectId, String authnContextClassRef,
    String practiceSetting) {
  /** The outer key we document. */
  public static final String KEY = "UserIdentity";
  /** Other spellings accepted for the outer key (the public documentation cuts it off). */
  public static final List<String> ALTERNATIVE_KEYS = List.of("userIdentity", "Identity", "identity",
      "UserInfos", "userInfos", "User", "user", "Author", "author");
  private static final String PROFESSION_SYSTEM = "1.2.250.1.71.1.2.7";
  private static final String UNSPECIFIED = "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified";
  /** {@code i_authenticationMode} values we map onto SAML authentication context classes. */
  private static final List<String> AUTHN_CLASSES = List.of(UNSPECIFIED,
      "urn:oasis:names:tc:SAML:2.0:ac:classes:Password",
      "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport",
      "urn:oasis:names:tc:SAML:2.0:ac:classes:TLSClient",
      "urn:oasis:names:tc:SAML:2.0:ac:classes:X509",
      "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI",
      "urn:oasis:names:tc:SAML:2.0:ac:classes:Kerberos",
      "urn:oasis:names:tc:SAML:2.0:ac:classes:TimeSyncToken",
      "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorUnregistered");

  /** The identity in {@code body}, against the structure {@code structureId} of the certificate. */
  public static RequestIdentity of(ObjectNode body, String structureId) {
    JsonNode outer = outer(body);
    JsonNode hp = outer.get("HP");
    JsonNode location = outer.get("PracticeLocation");
    if (hp == null || !hp.isObject()) {
      throw new MissingParameterException(KEY + ".HP");
    }
    if (location == null || !location.isObject()) {
      throw new MissingParameterException(KEY + ".PracticeLocation");
    }
    String name = required(hp, "s_name", "HP");
    String given = optional(hp, "s_given").orElse("");
    String internalId = required(hp, "s_internalId", "HP");
    String profession = required(hp, "s_codeProfession", "HP");
    if (!profession.matches("[0-9]{1,3}")) {
      throw new InvalidParameterException("HP.s_codeProfession", "must be a TRE_G15 code such as 10");
    }
    String professionOid = optional(hp, "s_professionOid").orElse(PROFESSION_SYSTEM);
    String specialty = optional(hp, "s_codeSpecialty").orElse("");
    String service = optional(hp, "s_serviceName").orElse("");
    String sector = required(location, "s_activitySector", "PracticeLocation");
    if (!sector.matches("SA[0-9]{2}")) {
      throw new InvalidParameterException("PracticeLocation.s_activitySector", "must be a TRE_R02 code such as SA01");
    }
    String locationName = optional(location, "s_name").orElse(structureId);
    String setting = optional(location, "s_practiceSettings").orElse("AMBULATOIRE");
    DmpHolder holder = new DmpHolder(internalId, name, given, profession, professionOid, profession,
        specialty, specialty, List.of(new DmpPracticeLocation(locationName, structureId, sector)));
    String subject = (name + " " + given).strip() + (service.isEmpty() ? "" : ", " + service);
    return new RequestIdentity(holder, subject, authnClass(hp.get("i_authenticationMode")), setting);
  }

  /** The VIHF additions of this identity, signed by {@code establishment}. */
  public IndirectAuthentication indirect(EstablishmentCredential establishment) {
    return new IndirectAuthentication(IndirectAuthentication.INDIRECTE, subjectId, authnContextClassRef,
        establishment.key(), establishment.certificate());
  }

  private static JsonNode outer(ObjectNode body) {
    JsonNode found = body.get(KEY);
    for (int i = 0; (found == null || !found.isObject()) && i < ALTERNATIVE_KEYS.size(); i++) {
      found = body.get(ALTERNATIVE_KEYS.get(i));
    }
    return found != null && found.isObject() ? found : body;
  }

  private static String authnClass(JsonNode mode) {
    if (mode == null || mode.isNull()) {
      return UNSPECIFIED;
    }
    int value;
    if (mode.canConvertToInt()) {
      value = mode.asInt();
    } else if (mode.isTextual() && mode.asText().strip().matches("[0-9]{1,2}")) {
      value = Integer.parseInt(mode.asText().strip());
    } else {
      throw new InvalidParameterException("HP.i_authenticationMode", "must be a whole number");
    }
    if (value < 0 || value >= AUTHN_CLASSES.size()) {
      throw new InvalidParameterException("HP.i_authenticationMode",
          "must be between 0 and " + (AUTHN_CLASSES.size() - 1));
    }
    return AUTHN_CLASSES.get(value);
  }

  private static String required(JsonNode object, String key, String where) {
    return optional(object, key).orElseThrow(() -> new MissingParameterException(where + "." + key));
  }

  private static Optional<String> optional(JsonNode object, String key) {
    JsonNode value = object.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isValueNode()) {
      throw new InvalidParameterException(key, "must be a string");
    }
    String text = value.asText().strip();
    if (text.length() > 256) {
      throw new InvalidParameterException(key, "is longer than 256 characters");
    }
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }
}
