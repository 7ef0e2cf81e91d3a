package org.libreconnect.simulator.insi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The identities the simulated INSi knows ({@code /insi/identities.json}), and its two searches:
 * by traits (birth name, one of the given names or all of them, sex, birth date, and the birth
 * place when given) and by Vitale card data (the beneficiary's own NIR, else the insured person's
 * NIR with the birth date and rank).
 */
final class InsiDirectory {
  /** One identity: its INS and INS traits, and how a Vitale card names it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Identity(String nir, String key, String oid, String birthName, String givenNames, String sex,
      String birthDate, String birthPlace, Vitale vitale) {
    boolean matches(String name, String given, String sexCode, String date, Optional<String> place) {
      List<String> givens = Arrays.asList(givenNames.split(" "));
      return birthName.equals(name) && (givens.contains(given) || givenNames.equals(given)) && sex.equals(sexCode)
          && birthDate.equals(date) && place.map(birthPlace::equals).orElse(true);
    }
  }

  /** How a Vitale card names an identity. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Vitale(String insuredNir, String insuredKey, int rank, String birthDate) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Seed(List<Identity> identities) {}

  private final List<Identity> identities;

  private InsiDirectory(List<Identity> identities) {
    this.identities = List.copyOf(identities);
  }

  /** The shipped identities. */
  static InsiDirectory shipped() {
    try (InputStream in = InsiDirectory.class.getResourceAsStream("/insi/identities.json")) {
      if (in == null) {
        throw new IllegalStateException("the INSi identities are not shipped");
      }
      Seed seed = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .readValue(in, Seed.class);
      return new InsiDirectory(seed.identities());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the INSi identities", e);
    }
  }

  List<Identity> byTraits(String name, String given, String sex, String date, Optional<String> place) {
    return identities.stream().filter(i -> i.matches(name, given, sex, date, place)).toList();
  }

  List<Identity> byVitale(Optional<String> ownNir, Optional<String> ownKey, String insuredNir, String insuredKey,
      String date, int rank) {
    if (ownNir.isPresent()) {
      return identities.stream()
          .filter(i -> i.nir().equals(ownNir.get()) && ownKey.map(i.key()::equals).orElse(false)
              && i.vitale() != null && i.vitale().birthDate().equals(date))
          .toList();
    }
    return identities.stream()
        .filter(i -> i.vitale() != null && i.vitale().insuredNir().equals(insuredNir)
            && i.vitale().insuredKey().equals(insuredKey) && i.vitale().birthDate().equals(date)
            && i.vitale().rank() == rank)
        .toList();
  }
}
