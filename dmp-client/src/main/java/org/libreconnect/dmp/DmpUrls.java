package org.libreconnect.dmp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.libreconnect.protocol.error.InvalidParameterException;

/**
 * Where the DMP is, from {@code s_dmpUrl} (protocol.md §2.8): empty means production, {@code
 * formationN} the training server N, and a value starting with {@code https://} is used as it is,
 * except that in simulation mode the production and training URLs, short or written out, reach the
 * simulator.
 * Service URLs are {@code <base>/<service>} (dmp.md §1.1).
 */
public final class DmpUrls {
  /** The production base URL. */
  public static final URI PRODUCTION = URI.create("https://lps2.dmp.gouv.fr/si-dmp-server/v2/services");

  /** The Web-PS pages of TD0.9, in the order clients expect them. */
  public static final List<String> WEB_PS_PAGES = List.of("TableauDeBord", "DossierPatient",
      "GestionDMPPatient", "Documents", "ParcoursDeSoins", "HistoriqueAcces", "Parametrages",
      "VolontesEtDroits");

  private static final Pattern TRAINING = Pattern.compile("formation\\d{1,2}");

  /**
   * The hosts of the production and training DMPs, which the public JS2 wrapper writes out in full
   * ({@code formationN} becomes {@code https://formationN.lps2.dmp.gouv.fr/si-dmp-server/v2/services}):
   * in simulation mode they reach the simulator too. The REST product documents the training form
   * {@code https://lps.formationN.dmp.gouv.fr/si-dmp-server/v2/services/}, accepted as well.
   */
  private static final Pattern OFFICIAL_HOST =
      Pattern.compile("(formation\\d{1,2}\\.)?lps2\\.dmp\\.gouv\\.fr|lps\\.formation\\d{1,2}\\.dmp\\.gouv\\.fr",
          Pattern.CASE_INSENSITIVE);

  /**
   * The production Web-PS host: the WebPS DMP interface is on the {@code dmp.fr} site (ANS); the
   * JS2 guide gives {@code formationN.ps.dmp.gouv.fr} for training server N.
   */
  public static final String PRODUCTION_WEB_PS_ROOT = "https://www.dmp.fr";

  private static final Pattern TRAINING_HOST =
      Pattern.compile("(?:lps\\.)?(formation\\d{1,2})\\.(?:lps2\\.)?dmp\\.gouv\\.fr", Pattern.CASE_INSENSITIVE);

  private final URI base;
  private final String webPsRoot;

  private DmpUrls(URI base, String webPsRoot) {
    this.base = base;
    this.webPsRoot = webPsRoot;
  }

  /** A DMP at {@code base} taken as it is, whatever its scheme (the loopback rehearsal's). */
  static DmpUrls at(URI base) {
    return new DmpUrls(base, base.getScheme() + "://" + base.getAuthority());
  }

  /**
   * The Web-PS host for the DMP named by {@code s_dmpUrl}: production and training keep their
   * Web-PS hosts in simulation mode too, so that the links are those the real service would give.
   */
  private static String webPsRootOf(String value, URI uri) {
    if (uri == null) {
      return value.isEmpty()
          ? PRODUCTION_WEB_PS_ROOT
          : "https://" + value.toLowerCase(Locale.ROOT) + ".ps.dmp.gouv.fr";
    }
    java.util.regex.Matcher training = TRAINING_HOST.matcher(uri.getHost());
    if (training.matches()) {
      return "https://" + training.group(1).toLowerCase(Locale.ROOT) + ".ps.dmp.gouv.fr";
    }
    if (PRODUCTION.getHost().equalsIgnoreCase(uri.getHost())) {
      return PRODUCTION_WEB_PS_ROOT;
    }
    return uri.getScheme() + "://" + uri.getAuthority();
  }

  /** The DMP named by {@code s_dmpUrl}, with no simulator. */
  public static DmpUrls resolve(String dmpUrl, URI simulatorBase) {
    return resolveWith(dmpUrl, () -> java.util.Optional.ofNullable(simulatorBase));
  }

  /**
   * The DMP named by {@code s_dmpUrl}; in simulation mode {@code simulatorBase} (asked only then)
   * replaces production and training.
   */
  public static DmpUrls resolveWith(String dmpUrl, java.util.function.Supplier<java.util.Optional<URI>> simulatorBase) {
    String value = dmpUrl == null ? "" : dmpUrl.strip();
    if (value.toLowerCase(Locale.ROOT).startsWith("https://")) {
      try {
        URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        if (uri.getHost() == null) {
          throw new InvalidParameterException("s_dmpUrl", "must be empty, formationN or an https:// URL");
        }
        if (OFFICIAL_HOST.matcher(uri.getHost()).matches()) {
          java.util.Optional<URI> simulator = simulatorBase.get();
          if (simulator.isPresent()) {
            return new DmpUrls(simulator.get(), webPsRootOf(value, uri));
          }
        }
        return new DmpUrls(uri, webPsRootOf(value, uri));
      } catch (URISyntaxException e) {
        throw new InvalidParameterException("s_dmpUrl", "must be empty, formationN or an https:// URL");
      }
    }
    if (!value.isEmpty() && !TRAINING.matcher(value).matches()) {
      throw new InvalidParameterException("s_dmpUrl", "must be empty, formationN or an https:// URL");
    }
    java.util.Optional<URI> simulator = simulatorBase.get();
    if (simulator.isPresent()) {
      return new DmpUrls(simulator.get(), webPsRootOf(value, null));
    }
    if (value.isEmpty()) {
      return new DmpUrls(PRODUCTION, webPsRootOf(value, null));
    }
    return new DmpUrls(URI.create("https://" + value + ".lps2.dmp.gouv.fr/si-dmp-server/v2/services"),
        webPsRootOf(value, null));
  }

  /** The base URL, {@code …/si-dmp-server/v2/services}. */
  public URI base() {
    return base;
  }

  /** The URL of a service: {@code patients}, {@code habilitations}, {@code registry}… */
  public URI service(String name) {
    return URI.create(base + "/" + name);
  }

  /** Which IGC-Santé chain a DMP's servers use. */
  public enum Environment {
    /** {@code lps2.dmp.gouv.fr}: the production chain. */
    PRODUCTION("production"),
    /** {@code formationN.lps2.dmp.gouv.fr}: the test chain. */
    TRAINING("training"),
    /** Any other server (one's own, a simulator): no shipped root. */
    OTHER("other");

    private final String directoryName;

    Environment(String directoryName) {
      this.directoryName = directoryName;
    }

    /** The name of its directory under {@code <home>/tls/dmp-roots/}. */
    public String directoryName() {
      return directoryName;
    }
  }

  /** The environment of this DMP, from its host. */
  public Environment environment() {
    if (isProduction()) {
      return Environment.PRODUCTION;
    }
    return OFFICIAL_HOST.matcher(base.getHost()).matches() ? Environment.TRAINING : Environment.OTHER;
  }

  /** Whether this is the production DMP (the host of {@link #PRODUCTION}). */
  public boolean isProduction() {
    return PRODUCTION.getHost().equalsIgnoreCase(base.getHost());
  }

  /**
   * The Web-PS contextual URLs for a patient (TD0.9): {@code https://<Web-PS host>/AccesDirect/<Page>/<INS>},
   * on {@code formationN.ps.dmp.gouv.fr} for training server N, {@link #PRODUCTION_WEB_PS_ROOT} for
   * production, and the server's own host for any other DMP.
   */
  public List<String> webPsUrls(String ins) {
    String root = webPsRoot + "/AccesDirect/";
    return WEB_PS_PAGES.stream().map(page -> root + page + "/" + ins).toList();
  }

  @Override
  public String toString() {
    return base.toString();
  }
}
