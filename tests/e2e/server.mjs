// A tiny static file server for dist/, on 127.0.0.1 only. Serves the app at `/` or under a
// sub-path (like GitHub Pages' /user/repo/) and records every request it receives.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.data': 'application/octet-stream', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ttf': 'font/ttf', '.ttc': 'font/collection', '.otf': 'font/otf',
};

export function startServer(root, { port = 0, prefix = '/' } = {}) {
  const log = [];
  if (!prefix.endsWith('/')) prefix += '/';
  const server = http.createServer((req, res) => {
    log.push({ method: req.method, url: req.url });
    const url = new URL(req.url, 'http://127.0.0.1');
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405); res.end(); return; }
    if (!url.pathname.startsWith(prefix)) {
      if (url.pathname + '/' === prefix) { res.writeHead(301, { Location: prefix }); res.end(); return; }
      res.writeHead(404); res.end('not found'); return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root) + path.sep)) { res.writeHead(403); res.end(); return; }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) { res.writeHead(404); res.end('not found'); return; }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'no-cache',
      });
      if (req.method === 'HEAD') { res.end(); return; }
      fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const p = server.address().port;
      resolve({ server, log, port: p, url: `http://127.0.0.1:${p}${prefix}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

// `node server.mjs DIR [PORT] [PREFIX]`: serve the built app for a person to use.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] || 'dist';
  const port = Number(process.argv[3] || 8080);
  const prefix = process.argv[4] || '/';
  startServer(root, { port, prefix }).then((s) => {
    console.log(`Rekindle is being served at ${s.url}  (Ctrl+C to stop)`);
  });
}
