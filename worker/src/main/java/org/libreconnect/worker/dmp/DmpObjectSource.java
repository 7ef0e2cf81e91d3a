package org.libreconnect.worker.dmp;

import static org.libreconnect.protocol.objects.ObjectParameter.CONNECTION_AUTHENTICATION_TOKEN;
import static org.libreconnect.protocol.objects.ObjectParameter.CONNECTION_CA_CERTIFICATE;
import static org.libreconnect.protocol.objects.ObjectParameter.CONNECTION_URL;
import static org.libreconnect.protocol.objects.ObjectParameter.DMP_CONNECTOR_CONNECTION;
import static org.libreconnect.protocol.objects.ObjectParameter.DMP_CONNECTOR_DUMP_PATH;
import static org.libreconnect.protocol.objects.ObjectParameter.DMP_CONNECTOR_PRACTICE_LOCATION;
import static org.libreconnect.protocol.objects.ObjectParameter.DMP_CONNECTOR_UNIQUE_ID;
import static org.libreconnect.protocol.objects.ObjectParameter.DMP_CONNECTOR_USER;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_AUTHORS;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_CLASS_CODE;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_CREATION_DATE;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_DESCRIPTION;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_EVENT_CODES;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_FORMAT;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_HEALTHCARE_FACILITY_TYPE_CODE;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_NEXT_UUID;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_PATIENT_INS;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_PRACTICE_SETTING_CODE;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_PREVIOUS_UUID;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_SERVICE_START_DATE;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_SERVICE_STOP_DATE;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_STATUS;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_SUBMISSION_DATE;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_TITLE;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_TYPE_CODE;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_UNIQUE_ID;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_UUID;
import static org.libreconnect.protocol.objects.ObjectParameter.DOCUMENT_VISIBILITY;
import static org.libreconnect.protocol.objects.ObjectParameter.EVENT_CODE_CLASSIFICATION;
import static org.libreconnect.protocol.objects.ObjectParameter.EVENT_CODE_CODE;
import static org.libreconnect.protocol.objects.ObjectParameter.EVENT_CODE_DESCRIPTION;
import static org.libreconnect.protocol.objects.ObjectParameter.HP_AUTHENTICATION_MODE;
import static org.libreconnect.protocol.objects.ObjectParameter.HP_GIVEN;
import static org.libreconnect.protocol.objects.ObjectParameter.HP_INTERNAL_ID;
import static org.libreconnect.protocol.objects.ObjectParameter.HP_NAME;
import static org.libreconnect.protocol.objects.ObjectParameter.HP_PROFESSION;
import static org.libreconnect.protocol.objects.ObjectParameter.HP_PROFESSION_DESCRIPTION;
import static org.libreconnect.protocol.objects.ObjectParameter.HP_PROFESSION_OID;
import static org.libreconnect.protocol.objects.ObjectParameter.HP_SPECIALITY;
import static org.libreconnect.protocol.objects.ObjectParameter.HP_SPECIALITY_DESCRIPTION;
import static org.libreconnect.protocol.objects.ObjectParameter.PRACTICE_LOCATION_ACTIVITY;
import static org.libreconnect.protocol.objects.ObjectParameter.PRACTICE_LOCATION_HEALTHCARE_SETTINGS;
import static org.libreconnect.protocol.objects.ObjectParameter.PRACTICE_LOCATION_NAME;
import static org.libreconnect.protocol.objects.ObjectParameter.PRACTICE_LOCATION_PRACTICE_SETTINGS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.libreconnect.dmp.DmpConnector;
import org.libreconnect.dmp.DmpHolder;
import org.libreconnect.dmp.DmpPracticeLocation;
import org.libreconnect.dmp.DocumentHandles;
import org.libreconnect.protocol.command.DmpCommands.DocumentAuthor;
import org.libreconnect.protocol.command.DmpCommands.EventCode;
import org.libreconnect.protocol.command.DmpCommands.FoundDocument;
import org.libreconnect.protocol.objects.HandleType;
import org.libreconnect.protocol.objects.ObjectParameter;
import org.libreconnect.worker.SessionContext;
import org.libreconnect.worker.objects.Handles;
import org.libreconnect.worker.objects.ObjectSource;
import org.libreconnect.worker.objects.SessionObject;

/**
 * The objects of a session's DMP connector: the connector, its connection, practice location and
 * user, and the documents of the last {@code hl_findDocuments} with their authors and event codes
 * (handle ranges in {@link Handles}). The values are those the high-level answers carry.
 */
public final class DmpObjectSource implements ObjectSource {
  /** {@code EventCodeType} by the classification names the answers carry. */
  private static final List<String> CLASSIFICATIONS =
      List.of("CCAM", "SNOMED_3_5_VF", "CIM_10", "LOINC", "DRC");

  private final Function<SessionContext, Optional<DmpConnector>> connectors;

  DmpObjectSource(Function<SessionContext, Optional<DmpConnector>> connectors) {
    this.connectors = connectors;
  }

  @Override
  public Optional<SessionObject> find(SessionContext session, int handle) {
    return connectors.apply(session).flatMap(connector -> find(connector, handle));
  }

  /** The object {@code handle} of {@code connector}, if it holds one. */
  public static Optional<SessionObject> find(DmpConnector connector, int handle) {
    return switch (handle) {
      case Handles.DMP_CONNECTION -> Optional.of(connection(connector));
      case Handles.DMP_CONNECTOR -> Optional.of(dmpConnector(connector));
      case Handles.PRACTICE_LOCATION -> Optional.of(practiceLocation(connector));
      case Handles.USER -> Optional.of(user(connector.holder()));
      default -> handle >= Handles.FIRST_DOCUMENT ? documentPart(connector.handles(), handle) : Optional.empty();
    };
  }

  private static SessionObject connection(DmpConnector connector) {
    Map<ObjectParameter, Object> values = new LinkedHashMap<>();
    values.put(CONNECTION_URL, connector.urls().base().toString());
    values.put(CONNECTION_AUTHENTICATION_TOKEN, 0);
    values.put(CONNECTION_CA_CERTIFICATE, 0);
    return SessionObject.of(Handles.DMP_CONNECTION, HandleType.CONNECTION, values);
  }

  private static SessionObject dmpConnector(DmpConnector connector) {
    Map<ObjectParameter, Object> values = new LinkedHashMap<>();
    values.put(DMP_CONNECTOR_UNIQUE_ID, connector.software().instanceId());
    values.put(DMP_CONNECTOR_DUMP_PATH, "");
    values.put(DMP_CONNECTOR_CONNECTION, Handles.DMP_CONNECTION);
    values.put(DMP_CONNECTOR_PRACTICE_LOCATION, Handles.PRACTICE_LOCATION);
    values.put(DMP_CONNECTOR_USER, Handles.USER);
    return SessionObject.of(Handles.DMP_CONNECTOR, HandleType.DMP_CONNECTOR, values);
  }

  private static SessionObject practiceLocation(DmpConnector connector) {
    List<DmpPracticeLocation> locations = connector.holder().practiceLocations();
    Map<ObjectParameter, Object> values = new LinkedHashMap<>();
    DmpPracticeLocation location = locations.isEmpty() ? null : connector.location();
    values.put(PRACTICE_LOCATION_NAME, location == null ? "" : location.name());
    values.put(PRACTICE_LOCATION_ACTIVITY, location == null ? "" : location.activitySector());
    values.put(PRACTICE_LOCATION_PRACTICE_SETTINGS, connector.practiceSetting());
    values.put(PRACTICE_LOCATION_HEALTHCARE_SETTINGS, "");
    return SessionObject.of(Handles.PRACTICE_LOCATION, HandleType.PRACTICE_LOCATION, values);
  }

  private static SessionObject user(DmpHolder holder) {
    Map<ObjectParameter, Object> values = new LinkedHashMap<>();
    values.put(HP_NAME, holder.name());
    values.put(HP_GIVEN, holder.given());
    values.put(HP_PROFESSION, holder.professionCode());
    values.put(HP_PROFESSION_OID, holder.professionOid());
    values.put(HP_PROFESSION_DESCRIPTION, holder.professionLabel());
    values.put(HP_SPECIALITY, holder.specialtyCode());
    values.put(HP_SPECIALITY_DESCRIPTION, holder.specialtyLabel());
    values.put(HP_INTERNAL_ID, holder.psIdNat());
    return SessionObject.of(Handles.USER, HandleType.HP, values);
  }

  /** A document, one of its authors or event codes, or one of its two lists. */
  private static Optional<SessionObject> documentPart(DocumentHandles handles, int handle) {
    if (handle <= Handles.LAST_DOCUMENT) {
      return handles.answer(handle).map(found -> document(handles, handle, found));
    }
    int documentHandle = handle / 100;
    int part = handle % 100;
    if (documentHandle > Handles.LAST_DOCUMENT) {
      return Optional.empty();
    }
    return handles.answer(documentHandle).flatMap(found -> {
      List<DocumentAuthor> authors = found.authors() == null ? List.of() : found.authors();
      List<EventCode> codes = found.eventCodes() == null ? List.of() : found.eventCodes();
      if (part == 0) {
        return Optional.of(SessionObject.list(handle, itemHandles(documentHandle * 100, authors.size())));
      }
      if (part < Handles.EVENT_CODES) {
        return authors.stream().filter(author -> author.handle() == handle).findFirst()
            .map(author -> author(handle, author));
      }
      if (part == Handles.EVENT_CODES) {
        return Optional.of(SessionObject.list(handle, itemHandles(handle, codes.size())));
      }
      int index = part - Handles.EVENT_CODES - 1;
      return index < codes.size() ? Optional.of(eventCode(handle, codes.get(index))) : Optional.empty();
    });
  }

  private static List<Integer> itemHandles(int base, int count) {
    List<Integer> items = new ArrayList<>();
    for (int i = 1; i <= Math.min(count, Handles.MAX_AUTHORS); i++) {
      items.add(base + i);
    }
    return items;
  }

  private static SessionObject document(DocumentHandles handles, int handle, FoundDocument found) {
    Map<ObjectParameter, Object> values = new LinkedHashMap<>();
    values.put(DOCUMENT_UNIQUE_ID, found.uniqueId());
    values.put(DOCUMENT_UUID, found.uuid());
    values.put(DOCUMENT_TITLE, nonNull(found.title()));
    values.put(DOCUMENT_DESCRIPTION, nonNull(found.description()));
    values.put(DOCUMENT_CLASS_CODE, nonNull(found.classCode()));
    values.put(DOCUMENT_TYPE_CODE, nonNull(found.typeCode()));
    values.put(DOCUMENT_HEALTHCARE_FACILITY_TYPE_CODE, nonNull(found.healthCareFacilityTypeCode()));
    values.put(DOCUMENT_PRACTICE_SETTING_CODE, nonNull(found.practiceSettingCode()));
    values.put(DOCUMENT_PATIENT_INS, handles.find(handle).map(DocumentHandles.Entry::ins).orElse(""));
    values.put(DOCUMENT_CREATION_DATE, nonNull(found.creationDate()));
    values.put(DOCUMENT_SERVICE_START_DATE, nonNull(found.serviceStartDate()));
    values.put(DOCUMENT_SERVICE_STOP_DATE, nonNull(found.serviceStopDate()));
    values.put(DOCUMENT_SUBMISSION_DATE, nonNull(found.submissionDate()));
    values.put(DOCUMENT_PREVIOUS_UUID, nonNull(found.previousUuid()));
    values.put(DOCUMENT_NEXT_UUID, nonNull(found.nextUuid()));
    values.put(DOCUMENT_STATUS, found.documentStatus());
    values.put(DOCUMENT_VISIBILITY, found.documentVisibility());
    values.put(DOCUMENT_FORMAT, found.documentFormat());
    values.put(DOCUMENT_AUTHORS, handle * 100);
    values.put(DOCUMENT_EVENT_CODES, handle * 100 + Handles.EVENT_CODES);
    return SessionObject.of(handle, HandleType.DOCUMENT, values);
  }

  private static SessionObject author(int handle, DocumentAuthor author) {
    Map<ObjectParameter, Object> values = new LinkedHashMap<>();
    values.put(HP_NAME, nonNull(author.hpName()));
    values.put(HP_GIVEN, nonNull(author.hpGiven()));
    values.put(HP_PROFESSION, nonNull(author.hpProfession()));
    values.put(HP_PROFESSION_OID, nonNull(author.hpProfessionOid()));
    values.put(HP_PROFESSION_DESCRIPTION, nonNull(author.hpProfessionDescription()));
    values.put(HP_SPECIALITY, nonNull(author.hpSpeciality()));
    values.put(HP_SPECIALITY_DESCRIPTION, nonNull(author.hpSpecialityDescription()));
    values.put(HP_INTERNAL_ID, nonNull(author.hpInternalId()));
    values.put(HP_AUTHENTICATION_MODE, author.hpAuthenticationMode());
    return SessionObject.of(handle, HandleType.HP, values);
  }

  private static SessionObject eventCode(int handle, EventCode code) {
    Map<ObjectParameter, Object> values = new LinkedHashMap<>();
    values.put(EVENT_CODE_CODE, nonNull(code.code()));
    values.put(EVENT_CODE_DESCRIPTION, nonNull(code.description()));
    values.put(EVENT_CODE_CLASSIFICATION, CLASSIFICATIONS.indexOf(nonNull(code.classification())) + 1);
    return SessionObject.of(handle, HandleType.EVENT_CODE, values);
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
