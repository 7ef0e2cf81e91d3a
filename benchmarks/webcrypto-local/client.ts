import { webcrypto } from "node:crypto";
import * as readline from "node:readline";
import { setEngine } from "2key-ratchet";
import * as client from "@webcrypto-local/client";

// webcrypto-local's client, driven one line at a time on stdin. argv: the server's address
// (127.0.0.1:port) and the CKA_ID (hex) of the key to sign with.
//   open            -> connect, log in to the server and the token, find the signature key: "ready <ms>"
//   sign <base64>   -> RSASSA-PKCS1-v1_5 SHA-256 on the open connection: "signed <ms> <base64 signature>"
//   fresh <base64>  -> a new connection for this signature alone (open, sign, close): "signed <ms> <base64>"
// Times are measured here, around the client's own calls, in milliseconds.
const [address, keyId] = process.argv.slice(2);
setEngine("WebCrypto NodeJS", webcrypto as unknown as Crypto);
const storage = new client.MemoryStorage();
const ALGORITHM = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };

interface Open {
  provider: client.SocketProvider;
  key: CryptoKey;
  subtle: SubtleCrypto;
}

async function open(): Promise<Open> {
  const provider = new client.SocketProvider({ storage });
  await new Promise<void>((resolve, reject) => {
    provider.connect(address)
      .on("listening", () => resolve())
      .on("error", (e: any) => reject(e.error || e));
  });
  if (!(await provider.isLoggedIn())) {
    await provider.login();
  }
  const info = await provider.info();
  const token = info.providers.find((p) => p.name === "bench") || info.providers[0];
  const crypto = await provider.getCrypto(token.id);
  if (!(await crypto.isLoggedIn())) {
    await crypto.login();
  }
  let key: CryptoKey | undefined;
  for (const index of await crypto.keyStorage.keys()) {
    // an index is "<class>-<handle>-<CKA_ID in hex>"
    const [type, , id] = index.split("-");
    if (type === "private" && id === keyId) {
      key = await crypto.keyStorage.getItem(index, ALGORITHM, false, ["sign"]);
    }
  }
  if (!key) {
    throw new Error("no private key with this CKA_ID on the token");
  }
  return { provider, key, subtle: crypto.subtle };
}

async function sign(session: Open, data: Buffer) {
  return Buffer.from(await session.subtle.sign(ALGORITHM, session.key, data)).toString("base64");
}

async function main() {
  let session: Open | undefined;
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    const [command, argument] = line.trim().split(" ");
    try {
      const started = process.hrtime.bigint();
      const ms = () => (Number(process.hrtime.bigint() - started) / 1e6).toFixed(3);
      if (command === "open") {
        session = await open();
        console.log("ready " + ms());
      } else if (command === "sign" && session) {
        const signature = await sign(session, Buffer.from(argument, "base64"));
        console.log("signed " + ms() + " " + signature);
      } else if (command === "fresh") {
        const once = await open();
        const signature = await sign(once, Buffer.from(argument, "base64"));
        once.provider.close();
        console.log("signed " + ms() + " " + signature);
      } else {
        console.log("error unknown command");
      }
    } catch (e: any) {
      console.log("error " + String(e && e.message).replace(/\s+/g, " "));
    }
  }
  if (session) {
    session.provider.close();
  }
  process.exit(0);
}

main();
