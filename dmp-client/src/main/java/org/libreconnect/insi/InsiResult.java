package org.libreconnect.insi;

import java.util.List;
import java.util.Optional;
import org.libreconnect.dmp.errors.DmpAnswerException;
import org.libreconnect.dmp.xml.Xml;
import org.libreconnect.protocol.command.InsiCommands.Identity;
import org.libreconnect.protocol.command.InsiCommands.InsSearchAnswer;
import org.libreconnect.protocol.command.InsiCommands.InsValue;
import org.w3c.dom.Element;

/**
 * Reads an INSi {@code RESULTAT}: the report code {@code CR/CodeCR} (00 one identity, 01 none, 02
 * several) and, with 00, the individual: active INS, previous INS and the INS traits.
 */
public final class InsiResult {
  /** {@code i_insIdentityResult}: no identity found. */
  public static final int NONE = 1;
  /** {@code i_insIdentityResult}: one identity found. */
  public static final int SINGLE = 2;
  /** {@code i_insIdentityResult}: several identities found. */
  public static final int MULTIPLE = 3;

  private InsiResult() {}

  /** The JS2 answer of a {@code RESULTAT} element. */
  public static InsSearchAnswer read(Element resultat) {
    if (!"RESULTAT".equals(Xml.localName(resultat)) || !InsiNs.RESULTAT.equals(resultat.getNamespaceURI())) {
      throw new DmpAnswerException("the INSi answer is not a RESULTAT");
    }
    String code = Xml.text(resultat, "CR", "CodeCR").strip();
    return switch (code) {
      case "00" -> new InsSearchAnswer(SINGLE, identity(resultat));
      case "01" -> new InsSearchAnswer(NONE, null);
      case "02" -> new InsSearchAnswer(MULTIPLE, null);
      default -> throw new DmpAnswerException("the INSi answer has an unknown report code");
    };
  }

  private static Identity identity(Element resultat) {
    Element individu = Xml.child(resultat, "INDIVIDU")
        .orElseThrow(() -> new DmpAnswerException("the INSi answer 00 has no INDIVIDU"));
    InsValue active = ins(Xml.child(individu, "INSACTIF")
        .orElseThrow(() -> new DmpAnswerException("the INSi answer has no active INS")));
    List<InsValue> history = Xml.children(individu, "INSHISTO").stream().map(InsiResult::ins).toList();
    Element tiq = Xml.child(individu, "TIQ").orElseThrow(() -> new DmpAnswerException("the INSi answer has no traits"));
    String given = Xml.text(tiq, "Prenom");
    String list = Xml.text(tiq, "ListePrenom");
    return new Identity(active, Xml.text(tiq, "NomNaissance"), given.isEmpty() ? firstOf(list) : given,
        list.isEmpty() ? given : list, IdentityTraits.js2Sex(Xml.text(tiq, "Sexe")), Xml.text(tiq, "DateNaissance"),
        Xml.text(tiq, "LieuNaissance"), history);
  }

  private static String firstOf(String list) {
    int space = list.indexOf(' ');
    return space < 0 ? list : list.substring(0, space);
  }

  private static InsValue ins(Element element) {
    String value = Xml.text(element, "IdIndividu", "NumIdentifiant");
    if (value.isEmpty()) {
      throw new DmpAnswerException("the INSi answer has an INS without matricule");
    }
    return new InsValue(value, Xml.text(element, "IdIndividu", "Cle"), Xml.text(element, "OID"),
        Xml.text(element, "DateDeb"), Xml.text(element, "DateFin"));
  }

  /** Whether {@code identity} holds the INS {@code value}+{@code key} (active or previous), with that OID when given. */
  public static boolean holds(Identity identity, String value, String key, Optional<String> oid) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(identity.ins()), identity.history().stream())
        .anyMatch(ins -> ins.value().equals(value) && ins.key().equals(key)
            && oid.map(o -> o.equals(ins.oid())).orElse(true));
  }
}
