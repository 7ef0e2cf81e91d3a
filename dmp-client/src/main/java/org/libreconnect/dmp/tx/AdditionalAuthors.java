package org.libreconnect.dmp.tx;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.libreconnect.dmp.DmpHolder;
import org.libreconnect.protocol.error.InvalidParameterException;

/**
 * The {@code AdditionalAuthors} of hl_sendDocument (an array of HP objects, objects keyed
 * {@code "#0"} also accepted): professionals who wrote the document with the card holder. Each
 * needs a national id ({@code s_hpInternalId}) and a profession ({@code s_hpProfession}, TRE_G15);
 * they become authors of the document entry and of the CDA, beside the holder.
 */
final class AdditionalAuthors {
  private AdditionalAuthors() {}

  static List<DmpHolder> of(JsonNode node) {
    List<DmpHolder> authors = new ArrayList<>();
    if (node == null || !node.isContainerNode()) {
      return authors;
    }
    node.elements().forEachRemaining(item -> authors.add(hp(item, "AdditionalAuthors")));
    return authors;
  }

  /**
   * One JS2 HP object (protocol.md §2.8: {@code s_hpInternalId}, {@code s_hpName}, {@code
   * s_hpGiven}, {@code s_hpProfession}, {@code s_hpProfessionOid}, {@code s_hpSpecialty}; the
   * output spelling {@code s_hpSpeciality} is accepted too), given as {@code parameter}.
   */
  static DmpHolder hp(JsonNode item, String parameter) {
    String id = item.path("s_hpInternalId").asText("").strip();
    String profession = item.path("s_hpProfession").asText("").strip();
    if (!item.isObject() || id.isEmpty() || profession.isEmpty()) {
      throw new InvalidParameterException(parameter, "each professional needs s_hpInternalId and s_hpProfession");
    }
    String specialty = item.path("s_hpSpecialty").asText("").strip();
    if (specialty.isEmpty()) {
      specialty = item.path("s_hpSpeciality").asText("").strip();
    }
    String specialtyLabel = item.path("s_hpSpecialtyDescription").asText("").strip();
    if (specialtyLabel.isEmpty()) {
      specialtyLabel = item.path("s_hpSpecialityDescription").asText("").strip();
    }
    return new DmpHolder(id, item.path("s_hpName").asText("").strip(),
        item.path("s_hpGiven").asText("").strip(), profession,
        item.path("s_hpProfessionOid").asText("1.2.250.1.71.1.2.7").strip(),
        item.path("s_hpProfessionDescription").asText("").strip(), specialty, specialtyLabel, List.of());
  }
}
