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
    node.elements().forEachRemaining(item -> {
      String id = item.path("s_hpInternalId").asText("").strip();
      String profession = item.path("s_hpProfession").asText("").strip();
      if (id.isEmpty() || profession.isEmpty()) {
        throw new InvalidParameterException("AdditionalAuthors",
            "each author needs s_hpInternalId and s_hpProfession");
      }
      authors.add(new DmpHolder(id, item.path("s_hpName").asText("").strip(),
          item.path("s_hpGiven").asText("").strip(), profession,
          item.path("s_hpProfessionOid").asText("1.2.250.1.71.1.2.7").strip(),
          item.path("s_hpProfessionDescription").asText("").strip(),
          item.path("s_hpSpeciality").asText("").strip(),
          item.path("s_hpSpecialityDescription").asText("").strip(), List.of()));
    });
    return authors;
  }
}
