// Fedify speaks the Fetch API (Request in, Response out); Node's http server speaks IncomingMessage and
// ServerResponse. These few functions adapt one to the other, with a bound on what a request body may take.

/** The body of a Node request, refused with 413 past maxBytes. */
export function readBody(req, maxBytes) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(Object.assign(new Error(`request body over ${maxBytes} bytes`), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** A Fetch API Request of a Node request whose body was read already. */
export function toRequest(req, body, origin) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value != null) headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url, origin), { method: req.method, headers, body: hasBody ? body : undefined });
}

/** Writes a Fetch API Response to a Node response. */
export async function writeResponse(res, response) {
  const bytes = Buffer.from(await response.arrayBuffer());
  const headers = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers["content-length"] = bytes.length;
  res.writeHead(response.status, headers);
  res.end(bytes);
}

/**
 * Loopback has no TLS in the tests, and Fedify asks WebFinger for an acct: handle over https only; so a request
 * to https://127.0.0.1, https://[::1] or https://localhost goes out as http. Nothing else is rewritten.
 */
export function plainHttpOnLoopback() {
  const original = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol === "https:" && ["127.0.0.1", "[::1]", "localhost"].includes(url.hostname)) {
      url.protocol = "http:";
      return original(input instanceof Request ? new Request(url, input) : url, init);
    }
    return original(input, init);
  };
}
