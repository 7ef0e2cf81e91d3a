package org.libreconnect.dmp.tx;

import org.libreconnect.dmp.PatientIds;
import org.libreconnect.protocol.command.DmpCommands.CivilStatus;
import org.libreconnect.protocol.command.DmpCommands.ContactDetails;
import org.libreconnect.protocol.command.DmpCommands.ExtendedCivilStatus;
import org.libreconnect.protocol.command.DmpCommands.ExtendedContactDetails;
import org.libreconnect.protocol.command.DmpCommands.PatientOppositions;
import org.libreconnect.protocol.command.DmpRecordCommands.DmpAdministrativeData;
import org.libreconnect.protocol.command.DmpRecordCommands.PatientDataInput;
import org.libreconnect.protocol.command.DmpRecordCommands.ReactivateDmpInput;
import org.libreconnect.protocol.error.InvalidParameterException;

/**
 * A patient's administrative data as TD1.1, TD1.2 and TD1.3b send them: every text trimmed, never
 * null. {@link #toString()} shows no personal data.
 */
public record PatientRecord(String ins, String prefix, String name, String birthName, String given,
    String sexCode, String birthDate, String address, String complement, String postalCode, String city,
    String country, String landline, String mobile, String mail, boolean opposedToBreakGlass,
    boolean opposedToEmergency) {

  /** From {@code DmpAdministrativeData}; the INS is checked, the civil status is required. */
  public static PatientRecord of(DmpAdministrativeData data) {
    PatientDataInput patient = data == null ? null : data.patientData();
    if (patient == null) {
      throw new InvalidParameterException("PatientData", "is required");
    }
    String ins = PatientIds.checkIns("s_ins", patient.insValue());
    ExtendedCivilStatus civil = patient.extendedCivilStatus();
    if (civil == null || civil.civilStatus() == null) {
      throw new InvalidParameterException("ExtendedCivilStatus", "is required");
    }
    CivilStatus status = civil.civilStatus();
    ExtendedContactDetails extended = patient.extendedContactDetails();
    ContactDetails contact = extended == null || extended.contactDetails() == null
        ? new ContactDetails(null, null, null, null, null, null, null) : extended.contactDetails();
    PatientOppositions oppositions = data.oppositions();
    return build(ins, status.gender(), status.name(), civil.birthName(), status.given(), civil.sex(),
        civil.birthDay(), contact, extended == null ? null : extended.country(),
        oppositions != null && oppositions.brisDeGlaceOpposition() != 0,
        oppositions != null && oppositions.centre15Opposition() != 0);
  }

  /** From the flat keys of {@code hl_reactivateDmp}. */
  public static PatientRecord of(ReactivateDmpInput in) {
    String ins = PatientIds.checkIns("s_ins", in.ins());
    return build(ins, in.gender() == null ? 1 : in.gender(), in.name(), in.birthName(), in.given(),
        in.sex() == null ? 1 : in.sex(), in.birthDay(), new ContactDetails(in.address(), in.addressComplement(),
            in.city(), in.landlinePhone(), in.mail(), in.mobilePhone(), in.postalCode()), in.country(), false, false);
  }

  /** Only the INS and the names, as TD1.4 sends them. */
  static PatientRecord named(String ins, String name, String given) {
    return new PatientRecord(ins, "", clean(name), "", clean(given), "U", "", "", "", "", "", "", "", "", "",
        false, false);
  }

  private static PatientRecord build(String ins, int gender, String name, String birthName, String given, int sex,
      String birthDay, ContactDetails c, String country, boolean breakGlass, boolean emergency) {
    if (clean(name).isEmpty() && clean(birthName).isEmpty()) {
      throw new InvalidParameterException("s_name", "a name or a birth name is required");
    }
    String birth = clean(birthDay);
    if (!birth.isEmpty() && !birth.matches("\\d{8}")) {
      throw new InvalidParameterException("s_birthDay", "must be a date as YYYYMMDD");
    }
    String used = clean(name).isEmpty() ? clean(birthName) : clean(name);
    return new PatientRecord(ins, switch (gender) { case 2 -> "M"; case 3 -> "MME"; default -> ""; }, used,
        clean(birthName), clean(given), switch (sex) { case 2 -> "M"; case 3 -> "F"; default -> "U"; }, birth,
        clean(c.address()), clean(c.addressComplement()), clean(c.postalCode()), clean(c.city()), clean(country),
        clean(c.landlinePhone()), clean(c.mobilePhone()), clean(c.mail()), breakGlass, emergency);
  }

  private static String clean(String value) {
    return value == null ? "" : value.strip();
  }

  @Override
  public String toString() {
    return "PatientRecord[***]";
  }
}
