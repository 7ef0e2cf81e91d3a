import { webcrypto } from "node:crypto";
import { writeFileSync } from "node:fs";
import { setEngine } from "2key-ratchet";
import * as x509 from "@peculiar/x509";
import * as server from "@webcrypto-local/server";

// webcrypto-local's server on one SoftHSM2 slot, approving the client and answering the token PIN
// as its user would. argv: address (127.0.0.1:port), PKCS#11 library, slot index, PIN, and the file
// where its TLS certificate (self-signed, made at each start) is written for the client to trust.
const [address, library, slot, pin, certificateFile] = process.argv.slice(2);
setEngine("WebCrypto NodeJS", webcrypto as unknown as Crypto);
x509.cryptoProvider.set(webcrypto as unknown as Crypto);

async function tlsMaterial() {
  const alg = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
  const keys = await webcrypto.subtle.generateKey(alg, true, ["sign", "verify"]);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: "01", name: "CN=127.0.0.1", notBefore: new Date(Date.now() - 3600_000),
    notAfter: new Date(Date.now() + 86400_000), signingAlgorithm: alg, keys,
    extensions: [new x509.SubjectAlternativeNameExtension([{ type: "ip", value: "127.0.0.1" }])],
  });
  const pkcs8 = await webcrypto.subtle.exportKey("pkcs8", keys.privateKey);
  return {
    cert: Buffer.from(cert.toString("pem")),
    key: Buffer.from(x509.PemConverter.encode(pkcs8, "PRIVATE KEY")),
  };
}

async function main() {
  const tls = await tlsMaterial();
  writeFileSync(certificateFile, tls.cert);
  new server.LocalServer({
    ...tls,
    storage: new server.MemoryStorage(),
    disablePCSC: true,
    config: {
      cardConfigPath: "card.json",
      providers: [{ lib: library, slots: [Number(slot)], name: "bench" }],
      cards: [],
    },
  } as server.IServerOptions)
    .listen(address)
    .on("listening", () => console.log("listening"))
    .on("error", (e: Error) => console.error("error", e))
    .on("notify", (p: any) => {
      if (p.type === "2key") {
        p.resolve(true);
      } else if (p.type === "pin" || p.type === "operation-pin") {
        p.resolve(pin);
      } else {
        p.reject(new Error("unexpected notification " + p.type));
      }
    });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
