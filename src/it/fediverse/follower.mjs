// A fediverse follower built on Fedify (https://fedify.dev), for Broadsheet's integration tests: one actor, `reader`,
// whose inbox records every activity Fedify accepted (its HTTP Signature verified), and a control API on the same
// port with which a test follows, unfollows, reads what arrived and makes the inbox fail for a while.
// Usage: node follower.mjs [port]   (0 or nothing: a free port; "listening on PORT" on stdout once ready)
import { AsyncLocalStorage } from "node:async_hooks";
import { createServer } from "node:http";
import { randomUUID } from "node:crypto";
import {
  Accept, Activity, Create, Delete, Endpoints, Follow, Person, Undo, Update,
  createFederation, doesActorOwnKey, generateCryptoKeyPair, lookupWebFinger, MemoryKvStore, verifyRequest,
} from "@fedify/fedify";
import { configure, getConsoleSink } from "@logtape/logtape";
import { describe } from "./activities.mjs";
import { plainHttpOnLoopback, readBody, toRequest, writeResponse } from "./node-http.mjs";

const MAX_BODY_BYTES = 1024 * 1024;
const INBOXES = new Set(["/users/reader/inbox", "/inbox"]);

plainHttpOnLoopback();
await configure({
  contextLocalStorage: new AsyncLocalStorage(),
  sinks: { console: getConsoleSink() },
  loggers: [
    { category: "fedify", sinks: ["console"], lowestLevel: process.env.FOLLOWER_LOG_LEVEL ?? "error" },
    { category: ["logtape", "meta"], sinks: ["console"], lowestLevel: "warning" },
  ],
});

const keys = await generateCryptoKeyPair("RSASSA-PKCS1-v1_5");
const federation = createFederation({
  kv: new MemoryKvStore(),
  allowPrivateAddress: true, // the followed service runs on loopback in the tests
  skipSignatureVerification: false,
});

/** What the tests read back: activities the listeners got, every inbox POST, and the refusals. */
const state = {
  received: [],
  inboxPosts: [],
  failNext: { count: 0, status: 503 },
  follows: new Map(), // actor id -> the Follow sent
  keyCache: new Map(),
};

federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
    if (identifier !== "reader") return null;
    const [pair] = await ctx.getActorKeyPairs(identifier);
    return new Person({
      id: ctx.getActorUri(identifier),
      preferredUsername: identifier,
      name: "A reader on Fedify",
      inbox: ctx.getInboxUri(identifier),
      endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
      publicKey: pair.cryptographicKey,
      assertionMethods: [pair.multikey],
    });
  })
  .mapHandle((_ctx, username) => username === "reader" ? "reader" : null)
  .setKeyPairsDispatcher(async (_ctx, identifier) => identifier === "reader" ? [keys] : []);

const record = (kind) => async (ctx, activity) => {
  state.received.push({ ...(await describe(activity, ctx)), verified: true, kind });
};
federation
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Accept, record("Accept"))
  .on(Create, record("Create"))
  .on(Update, record("Update"))
  .on(Delete, record("Delete"))
  .on(Follow, async (ctx, follow) => {
    // so that two followers can follow each other when the follower itself is checked
    await record("Follow")(ctx, follow);
    const follower = await follow.getActor();
    if (follower == null) return;
    await ctx.sendActivity({ identifier: "reader" }, follower, new Accept({
      id: new URL(`${ctx.getActorUri("reader").href}#accepts/${randomUUID()}`),
      actor: ctx.getActorUri("reader"),
      object: follow,
    }));
  })
  .onError((_ctx, error) => {
    console.error(`inbox listener failed: ${error?.stack ?? error}`);
  });

/** The inbox POST as it came: its activity id and type, the answer, and Fedify's own signature check. */
async function logInboxPost(request, body, response) {
  let json = null;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    // not JSON: logged without an id
  }
  const entry = { path: new URL(request.url).pathname, id: json?.id ?? null, type: json?.type ?? null,
    status: response.status, signed: request.headers.has("signature"), keyId: null, signerMatchesActor: false };
  if (response.status >= 200 && response.status < 300 && json != null) {
    const ctx = federation.createContext(request, undefined);
    const key = await verifyRequest(request, {
      documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader,
      keyCache: { get: async (id) => state.keyCache.get(id.href), set: async (id, k) => { state.keyCache.set(id.href, k); } },
    });
    entry.keyId = key?.id?.href ?? null;
    entry.signerMatchesActor = key != null && json.actor != null
      && (key.ownerId?.href === (typeof json.actor === "string" ? json.actor : json.actor.id));
    if (key != null && !entry.signerMatchesActor) {
      const activity = await Activity.fromJsonLd(json, ctx);
      entry.signerMatchesActor = await doesActorOwnKey(activity, key, ctx);
    }
  }
  state.inboxPosts.push(entry);
  return entry;
}

async function follow(ctx, handle) {
  const acct = `acct:${handle.replace(/^@/, "")}`;
  const jrd = await lookupWebFinger(acct, { allowPrivateAddress: true });
  const self = jrd?.links?.find((l) => l.rel === "self" && l.type === "application/activity+json");
  if (self == null) throw new Error(`WebFinger found no self link of type application/activity+json for ${acct}`);
  const loader = await ctx.getDocumentLoader({ identifier: "reader" }); // signed GETs, as Mastodon's secure mode wants
  const actor = await ctx.lookupObject(self.href, { documentLoader: loader });
  if (actor == null || actor.id == null || actor.inboxId == null) throw new Error(`no actor at ${self.href}`);
  const activity = new Follow({
    id: new URL(`${ctx.getActorUri("reader").href}#follows/${randomUUID()}`),
    actor: ctx.getActorUri("reader"),
    object: actor.id,
  });
  await ctx.sendActivity({ identifier: "reader" }, actor, activity);
  state.follows.set(actor.id.href, { activity, actor });
  return { subject: jrd.subject, actor: actor.id.href, inbox: actor.inboxId.href, follow: activity.id.href };
}

async function unfollow(ctx) {
  const undone = [];
  for (const [id, { activity, actor }] of state.follows) {
    const undo = new Undo({
      id: new URL(`${ctx.getActorUri("reader").href}#undo/${randomUUID()}`),
      actor: ctx.getActorUri("reader"),
      object: activity,
    });
    await ctx.sendActivity({ identifier: "reader" }, actor, undo);
    undone.push(id);
  }
  state.follows.clear();
  return { undone };
}

async function control(request, body) {
  const { pathname } = new URL(request.url);
  const ctx = federation.createContext(request, undefined);
  const input = body.length > 0 ? JSON.parse(body.toString("utf8")) : {};
  if (request.method === "GET" && pathname === "/control/received") return state.received;
  if (request.method === "GET" && pathname === "/control/inbox-posts") return state.inboxPosts;
  if (request.method === "POST" && pathname === "/control/follow") return await follow(ctx, String(input.handle));
  if (request.method === "POST" && pathname === "/control/unfollow") return await unfollow(ctx);
  if (request.method === "POST" && pathname === "/control/fail") {
    state.failNext = { count: Number(input.count ?? 0), status: Number(input.status ?? 503) };
    return state.failNext;
  }
  if (request.method === "POST" && pathname === "/control/reset") {
    state.received.length = 0;
    state.inboxPosts.length = 0;
    return {};
  }
  return undefined;
}

async function handle(req, res, origin) {
  const body = await readBody(req, MAX_BODY_BYTES);
  const request = toRequest(req, body, origin);
  const { pathname } = new URL(request.url);
  if (pathname.startsWith("/control/")) {
    try {
      const answer = await control(request, body);
      return writeJson(res, answer === undefined ? 404 : 200, answer ?? { error: `no control route ${pathname}` });
    } catch (error) {
      return writeJson(res, 502, { error: String(error?.message ?? error) });
    }
  }
  if (request.method === "POST" && INBOXES.has(pathname) && state.failNext.count > 0) {
    state.failNext.count--;
    const failed = new Response("failing on purpose", { status: state.failNext.status });
    await logInboxPost(request, body, failed);
    return writeResponse(res, failed);
  }
  const response = await federation.fetch(request.clone(), { contextData: undefined });
  if (request.method === "POST" && INBOXES.has(pathname)) await logInboxPost(request, body, response.clone());
  return writeResponse(res, response);
}

function writeJson(res, status, value) {
  const bytes = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": bytes.length });
  res.end(bytes);
}

const server = createServer((req, res) => {
  const origin = `http://${req.headers.host ?? `127.0.0.1:${server.address().port}`}`;
  handle(req, res, origin).catch((error) => {
    console.error(`request ${req.method} ${req.url} failed: ${error?.stack ?? error}`);
    if (!res.headersSent) writeJson(res, error?.status ?? 500, { error: String(error?.message ?? error) });
    else res.destroy();
  });
});
server.listen(Number(process.argv[2] ?? process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`listening on ${server.address().port}`);
});
