// The comparison of bench/feed-serving.sh: a Node server that builds the same three feeds with the npm `feed`
// package from Broadsheet's JSON Feeds, once, and serves the cached bytes (identity and gzip) with an ETag and
// 304s. Usage: node node-feed-server.js <port> <dir holding world.json, europe.json, science.json>
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const crypto = require('crypto');
const { Feed } = require('feed');

const [port, dir] = process.argv.slice(2);

function build(name, format) {
  const source = JSON.parse(fs.readFileSync(path.join(dir, name + '.json'), 'utf8'));
  const feed = new Feed({
    title: source.title, description: source.description, id: source.home_page_url, link: source.home_page_url,
    feedLinks: { rss: source.feed_url }, copyright: '', updated: new Date(source.items[0].date_modified),
  });
  for (const item of source.items) {
    feed.addItem({
      title: item.title, id: item.id, link: item.url, description: item.summary, content: item.content_html,
      date: new Date(item.date_published), image: item.image,
      author: (item.authors || []).map((a) => ({ name: a.name, link: a.url })),
    });
  }
  const body = Buffer.from(format === 'rss' ? feed.rss2() : format === 'atom' ? feed.atom1() : feed.json1());
  const type = { rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json' }[format];
  const etag = '"' + crypto.createHash('sha256').update(body).digest('base64url').slice(0, 22) + '"';
  return { body, gzip: zlib.gzipSync(body, { level: 9 }), type: type + '; charset=utf-8', etag, gzipEtag: etag.slice(0, -1) + '-gzip"' };
}

const feeds = {
  '/feeds/world.rss': build('world', 'rss'),
  '/feeds/europe.atom': build('europe', 'atom'),
  '/feeds/science.json': build('science', 'json'),
};

http.createServer((req, res) => {
  const f = feeds[req.url];
  if (!f) { res.writeHead(404); res.end(); return; }
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] || '');
  const etag = gzip ? f.gzipEtag : f.etag;
  const headers = { 'Content-Type': f.type, 'ETag': etag, 'Vary': 'Accept-Encoding', 'Cache-Control': 'public, max-age=300' };
  if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers); res.end(); return; }
  const body = gzip ? f.gzip : f.body;
  if (gzip) headers['Content-Encoding'] = 'gzip';
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}).listen(Number(port), '127.0.0.1');
