package org.libreconnect.protocol.objects;

import static org.libreconnect.protocol.objects.ParameterKind.BOOLEAN;
import static org.libreconnect.protocol.objects.ParameterKind.ENUM;
import static org.libreconnect.protocol.objects.ParameterKind.FLOAT;
import static org.libreconnect.protocol.objects.ParameterKind.HANDLE;
import static org.libreconnect.protocol.objects.ParameterKind.INTEGER;
import static org.libreconnect.protocol.objects.ParameterKind.STRING;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The object parameters (JS2 {@code ObjectParameterName}, spec 5.6) that this connector's objects
 * carry, with their wire ids and how they are read. Ids of objects the connector never makes
 * (GALSS resources, filters, certificates, time providers) are not listed: asking for them is an
 * unknown parameter.
 */
public enum ObjectParameter {
  ERROR_DESCRIPTION(1, STRING),
  ERROR_CONTEXT(2, STRING),
  ERROR_EXTENDED_INFORMATIONS(3, STRING),
  CONNECTION_URL(5, STRING),
  CONNECTION_PROXY_IP(6, STRING),
  CONNECTION_PROXY_LOGIN(7, STRING),
  CONNECTION_PROXY_PASSWORD(8, STRING),
  HP_NAME(9, STRING),
  HP_GIVEN(10, STRING),
  HP_PROFESSION(11, STRING),
  HP_PROFESSION_OID(12, STRING),
  HP_PROFESSION_DESCRIPTION(133, STRING),
  HP_SPECIALITY(13, STRING),
  HP_SPECIALITY_DESCRIPTION(134, STRING),
  HP_INTERNAL_ID(14, STRING),
  PRACTICE_LOCATION_NAME(15, STRING),
  PRACTICE_LOCATION_ACTIVITY(16, STRING),
  PRACTICE_LOCATION_PRACTICE_SETTINGS(17, STRING),
  PRACTICE_LOCATION_HEALTHCARE_SETTINGS(112, STRING),
  DMP_CONNECTOR_UNIQUE_ID(18, STRING),
  DMP_CONNECTOR_DUMP_PATH(19, STRING),
  DMP_CONNECTOR_LOCAL_PATIENT_ROOT_OID(94, STRING),
  DOCUMENT_UNIQUE_ID(20, STRING),
  DOCUMENT_CREATION_DATE(48, STRING),
  DOCUMENT_SERVICE_START_DATE(49, STRING),
  DOCUMENT_SERVICE_STOP_DATE(50, STRING),
  EVENT_CODE_CODE(96, STRING),
  EVENT_CODE_DESCRIPTION(97, STRING),
  PCSC_RESOURCE_NAME(109, STRING),
  VITALE_CURRENT_READER_NAME(113, STRING),
  VITALE_PATIENT_NAME(31, STRING),
  VITALE_PATIENT_BIRTHNAME(32, STRING),
  VITALE_PATIENT_GIVEN(33, STRING),
  VITALE_PATIENT_BIRTHDAY(34, STRING),
  VITALE_PATIENT_NIR(37, STRING),
  VITALE_PATIENT_CERTIFIED_NIR(38, STRING),
  DOCUMENT_TITLE(51, STRING),
  DOCUMENT_DESCRIPTION(52, STRING),
  DOCUMENT_CLASS_CODE(53, STRING),
  DOCUMENT_TYPE_CODE(54, STRING),
  DOCUMENT_HEALTHCARE_FACILITY_TYPE_CODE(55, STRING),
  DOCUMENT_PRACTICE_SETTING_CODE(56, STRING),
  DOCUMENT_PATIENT_INS(58, STRING),
  DOCUMENT_SUBMISSION_DATE(61, STRING),
  DOCUMENT_UUID(102, STRING),
  DOCUMENT_PREVIOUS_UUID(62, STRING),
  DOCUMENT_NEXT_UUID(63, STRING),
  CPX_READER_NAME(110, STRING),
  ERROR_CODE(64, INTEGER),
  CONNECTION_TIMEOUT(67, INTEGER),
  CONNECTION_PROXY_PORT(68, INTEGER),
  VITALE_PATIENT_INS_AVAILABLE(72, BOOLEAN),
  CONNECTION_AUTHENTICATION_TOKEN(75, HANDLE),
  CONNECTION_CA_CERTIFICATE(76, HANDLE),
  DMP_CONNECTOR_CONNECTION(77, HANDLE),
  DMP_CONNECTOR_PRACTICE_LOCATION(78, HANDLE),
  DMP_CONNECTOR_USER(79, HANDLE),
  DOCUMENT_AUTHORS(81, HANDLE),
  DOCUMENT_EVENT_CODES(95, HANDLE),
  ERROR_TYPE_CODE(65, ENUM),
  EVENT_CODE_CLASSIFICATION(98, ENUM),
  VITALE_CARD_TYPE(101, ENUM),
  HP_AUTHENTICATION_MODE(86, ENUM),
  CPX_CARD_TYPE(100, ENUM),
  DOCUMENT_STATUS(90, ENUM),
  DOCUMENT_VISIBILITY(91, ENUM),
  DOCUMENT_FORMAT(92, ENUM),
  /** Not produced by any object of this connector; listed so that its id reads as a float id. */
  TIME_PROVIDER_SYNCHRONIZATION_DIFFERENCE(74, FLOAT);

  private static final Map<Integer, ObjectParameter> BY_ID =
      Arrays.stream(values()).collect(Collectors.toMap(ObjectParameter::id, Function.identity()));

  private final int id;
  private final ParameterKind kind;

  ObjectParameter(int id, ParameterKind kind) {
    this.id = id;
    this.kind = kind;
  }

  /** The wire id ({@code i_parameter}, the keys of a dump). */
  public int id() {
    return id;
  }

  public ParameterKind kind() {
    return kind;
  }

  /** The parameter with wire id {@code id}. */
  public static Optional<ObjectParameter> of(int id) {
    return Optional.ofNullable(BY_ID.get(id));
  }
}
