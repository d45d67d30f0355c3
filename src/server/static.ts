/**
 * Serves the built client (Vite's `dist/`) for GET and HEAD requests nothing else answered: the
 * file asked for, or `index.html` for a page address the client routes itself (no file
 * extension, HTML accepted). It never serves outside its directory. Vite's hashed `assets/` are
 * cached for a year; everything else is revalidated.
 */
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type Koa from 'koa';

async function fileAt(file: string): Promise<{ file: string; size: number; mtime: Date } | undefined> {
  try {
    let stat = await fs.stat(file);
    if (stat.isDirectory()) {
      file = path.join(file, 'index.html');
      stat = await fs.stat(file);
    }
    return stat.isFile() ? { file, size: stat.size, mtime: stat.mtime } : undefined;
  } catch {
    return undefined;
  }
}

export function serveStatic(dir: string): Koa.Middleware {
  const root = path.resolve(dir);
  return async (ctx, next) => {
    await next();
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.body != null || ctx.status !== 404) return;
    let wanted: string;
    try {
      wanted = decodeURIComponent(ctx.path);
    } catch {
      return;
    }
    if (wanted.includes('\0')) return;
    const file = path.join(root, path.normalize(`/${wanted}`));
    if (file !== root && !file.startsWith(root + path.sep)) return;
    let found = await fileAt(file);
    if (!found && path.extname(wanted) === '' && ctx.accepts('html') === 'html') found = await fileAt(path.join(root, 'index.html'));
    if (!found) return;
    ctx.status = 200;
    ctx.type = path.extname(found.file) || 'application/octet-stream';
    ctx.length = found.size;
    ctx.lastModified = found.mtime;
    ctx.set('X-Content-Type-Options', 'nosniff');
    const hashed = path.relative(root, found.file).startsWith(`assets${path.sep}`);
    ctx.set('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    ctx.body = createReadStream(found.file);
  };
}
