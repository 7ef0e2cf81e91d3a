package org.libreconnect.worker.card;

import java.security.Provider;
import java.util.List;
import java.util.Map;

/**
 * A JCA provider whose only services sign with a {@link CardRsaKey} (SHA256/384/512withRSA): what
 * JSSE looks for among the installed providers to sign a TLS 1.2 CertificateVerify with a key that
 * stays on the card. Software keys are left to the JDK's providers.
 */
final class CardRsaProvider extends Provider {
  private static final long serialVersionUID = 1L;

  /** A provider named {@code name} (unique per registration, so that removal is exact). */
  CardRsaProvider(String name) {
    super(name, "1.0", "RSA PKCS#1 v1.5 signatures computed by a CPS card");
    for (String digest : List.of("SHA-256", "SHA-384", "SHA-512")) {
      putService(new CardSignatureService(this, digest.replace("-", "") + "withRSA", digest));
    }
  }

  /** One signature algorithm; built directly, and offered for card keys only. */
  private static final class CardSignatureService extends Provider.Service {
    private final String digest;

    CardSignatureService(Provider provider, String algorithm, String digest) {
      super(provider, "Signature", algorithm, CardRsaSignature.class.getName(), null,
          Map.of("SupportedKeyClasses", CardRsaKey.class.getName()));
      this.digest = digest;
    }

    @Override
    public Object newInstance(Object constructorParameter) {
      return new CardRsaSignature(digest);
    }

    @Override
    public boolean supportsParameter(Object parameter) {
      return parameter instanceof CardRsaKey;
    }
  }
}
