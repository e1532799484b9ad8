/** POSIX path helpers for engine paths (absolute, forward slashes), independent of the host OS. */

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  if (i <= 0) {
    return i === 0 ? '/' : '.';
  }
  return p.slice(0, i);
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** A path with an empty, `.` or `..` segment, or a trailing slash (so not in normal form). */
const ABNORMAL = /(?:^|\/)\.{0,2}(?:\/|$)/;

/** Joins and normalises `.`/`..` segments; an absolute `rel` replaces `base`. */
export function join(base: string, rel: string): string {
  // Fast path (module paths are joined for every module instance): a normal absolute base and a
  // relative path that is normal after its leading `./` and `../` segments.
  if (base.charCodeAt(0) === 0x2f && rel.charCodeAt(0) !== 0x2f && (base === '/' || !ABNORMAL.test(base.slice(1)))) {
    let dir = base;
    let r = rel;
    for (;;) {
      if (r.startsWith('./')) {
        r = r.slice(2);
      } else if (r.startsWith('../')) {
        dir = dirname(dir);
        r = r.slice(3);
      } else {
        break;
      }
    }
    if (r !== '' && !ABNORMAL.test(r)) {
      return dir === '/' ? `/${r}` : `${dir}/${r}`;
    }
  }
  return joinSlow(base, rel);
}

function joinSlow(base: string, rel: string): string {
  const raw = rel.startsWith('/') ? rel : `${base}/${rel}`;
  const out: string[] = [];
  for (const seg of raw.split('/')) {
    if (seg === '' || seg === '.') {
      continue;
    }
    if (seg === '..') {
      out.pop();
    } else {
      out.push(seg);
    }
  }
  return '/' + out.join('/');
}

/** `to` relative to `from` (a directory), with forward slashes. */
export function relative(from: string, to: string): string {
  // Fast path (discovery asks for every entry below its root): `to` lies inside `from`.
  if (from.charCodeAt(0) === 0x2f && to.length > from.length + 1 && to.startsWith(from === '/' ? '/' : `${from}/`)) {
    const rest = to.slice(from === '/' ? 1 : from.length + 1);
    if ((from === '/' || !ABNORMAL.test(from.slice(1))) && !ABNORMAL.test(rest)) {
      return rest;
    }
  }
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) {
    i++;
  }
  const up = a.slice(i).map(() => '..');
  return [...up, ...b.slice(i)].join('/') || '.';
}

/** Converts an OS path (possibly with backslashes and a drive letter) to an engine path. */
export function toEnginePath(osPath: string): string {
  let p = osPath.replace(/\\/g, '/');
  if (/^[a-zA-Z]:\//.test(p)) {
    p = '/' + p;
  }
  return p;
}

/** `relative` bound to one base directory and memoised: messages name the same files again and again. */
export function relativeTo(base: string): (path: string) => string {
  const cache = new Map<string, string>();
  return (path) => {
    let r = cache.get(path);
    if (r === undefined) {
      r = relative(base, path);
      cache.set(path, r);
    }
    return r;
  };
}

/** Whether `path` is `root` or below it. */
export function isWithin(root: string, path: string): boolean {
  return path === root || path.startsWith(root === '/' ? '/' : `${root}/`);
}
