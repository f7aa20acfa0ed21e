// The far side of bench/fediverse-delivery.sh: N fediverse accounts on one port, each with an actor document
// (/actors/N, its own key id, no shared inbox) and an inbox of its own (/inbox/N) that answers 202 at once, so that
// what is measured is the service's delivery, not the receiver. It also sends the N signed Follows (draft-cavage
// rsa-sha256 with a signed Digest, as Mastodon signs) that make the accounts followers of a feed.
// Node 20, no packages. Usage: node bench/fediverse-stub.mjs PORT   ("listening on PORT" once ready)
//   POST /control/follow {"object": ACTOR, "inbox": INBOX, "count": 1000, "concurrency": 8}
//        -> {"accepted": 1000, "busy": n, "failed": [...]}   (503 and 429 are tried again after Retry-After)
//   GET  /control/stats -> {"posts", "byType": {...}, "inboxes", "firstAt", "lastAt", "unsigned"}
// The accounts share one RSA key pair (each under its own key id): the service fetches and caches each of them all
// the same, and making 1,000 keys would only slow the start.
import { createServer, request as httpRequest } from "node:http";
import { createHash, createSign, generateKeyPairSync } from "node:crypto";

const port = Number(process.argv[2] ?? 0);
const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const publicKeyPem = publicKey.export({ type: "spki", format: "pem" });
const stats = { posts: 0, byType: {}, inboxes: new Set(), firstAt: null, lastAt: null, unsigned: 0 };
let base = null;

function actor(n) {
  const id = `${base}/actors/${n}`;
  return {
    "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
    id, type: "Person", preferredUsername: `reader${n}`, inbox: `${base}/inbox/${n}`,
    outbox: `${base}/outbox/${n}`, followers: `${base}/followers/${n}`,
    publicKey: { id: `${id}#main-key`, owner: id, publicKeyPem },
  };
}

function json(res, status, value, type = "application/json") {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { "Content-Type": type, "Content-Length": body.length });
  res.end(body);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function count(body, req) {
  const now = Date.now();
  stats.posts++;
  stats.firstAt ??= now;
  stats.lastAt = now;
  stats.inboxes.add(req.url);
  if (req.headers.signature == null && !(req.headers.authorization ?? "").startsWith("Signature ")) stats.unsigned++;
  let type = "unreadable";
  try {
    type = JSON.parse(body.toString("utf8")).type ?? "untyped";
  } catch {
    // counted as unreadable
  }
  stats.byType[type] = (stats.byType[type] ?? 0) + 1;
}

/** One signed POST of a Follow by account n; resolves to [status, Retry-After seconds]. */
function sendFollow(n, object, inbox) {
  const id = `${base}/actors/${n}`;
  const body = Buffer.from(JSON.stringify({
    "@context": "https://www.w3.org/ns/activitystreams",
    id: `${id}#follows/${Date.now()}`, type: "Follow", actor: id, object,
  }));
  const url = new URL(inbox);
  const date = new Date().toUTCString();
  const digest = `SHA-256=${createHash("sha256").update(body).digest("base64")}`;
  const type = "application/activity+json";
  const signed = `(request-target): post ${url.pathname}${url.search}\nhost: ${url.host}\ndate: ${date}\n`
    + `digest: ${digest}\ncontent-type: ${type}`;
  const signature = createSign("RSA-SHA256").update(signed).sign(privateKey, "base64");
  const headers = {
    // no Accept, as Fedify sends none with an activity: the inbox answers 202 without a body
    Host: url.host, Date: date, Digest: digest, "Content-Type": type, "Content-Length": body.length,
    Signature: `keyId="${id}#main-key",algorithm="rsa-sha256",headers="(request-target) host date digest content-type",`
      + `signature="${signature}"`,
  };
  return new Promise((resolve) => {
    const req = httpRequest(url, { method: "POST", headers }, (res) => {
      res.resume();
      res.on("end", () => resolve([res.statusCode, Number(res.headers["retry-after"] ?? 1)]));
    });
    req.on("error", (error) => resolve([0, 1, String(error)]));
    req.end(body);
  });
}

async function followAll({ object, inbox, count: total = 1000, concurrency = 8 }) {
  const result = { accepted: 0, busy: 0, failed: [] };
  let next = 0;
  async function worker() {
    while (next < total) {
      const n = next++;
      for (let attempt = 1; ; attempt++) {
        const [status, retryAfter, error] = await sendFollow(n, object, inbox);
        if (status >= 200 && status < 300) {
          result.accepted++;
          break;
        }
        if ((status === 503 || status === 429) && attempt < 30) {
          result.busy++;
          await new Promise((r) => setTimeout(r, Math.min(retryAfter, 5) * 1000));
          continue;
        }
        result.failed.push({ n, status, error });
        break;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return result;
}

const server = createServer(async (req, res) => {
  try {
    const path = new URL(req.url, base).pathname;
    if (req.method === "POST" && path.startsWith("/inbox/")) {
      const body = await readBody(req);
      res.writeHead(202, { "Content-Length": 0 });
      res.end();
      count(body, req);
      return;
    }
    const actorMatch = /^\/actors\/(\d+)$/.exec(path);
    if (req.method === "GET" && actorMatch) return json(res, 200, actor(Number(actorMatch[1])), "application/activity+json");
    if (req.method === "GET" && path === "/control/stats") {
      return json(res, 200, { ...stats, inboxes: stats.inboxes.size });
    }
    if (req.method === "POST" && path === "/control/follow") {
      return json(res, 200, await followAll(JSON.parse((await readBody(req)).toString("utf8"))));
    }
    json(res, 404, { error: `nothing at ${req.method} ${path}` });
  } catch (error) {
    if (!res.headersSent) json(res, 500, { error: String(error) });
  }
});
server.keepAliveTimeout = 60_000;
server.listen(port, "127.0.0.1", () => {
  base = `http://127.0.0.1:${server.address().port}`;
  console.log(`listening on ${server.address().port}`);
});
