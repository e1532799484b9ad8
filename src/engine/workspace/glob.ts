/**
 * A small glob matcher for include/exclude patterns: `**` (any number of segments), `*` and `?` within
 * a segment, `{a,b}` alternatives. Compiled once to a linear-time segment matcher (no regex backtracking
 * over user-controlled patterns).
 */

/** `literal`: the alternatives hold no `*` or `?`, so a segment matches by string equality. */
type Segment = { kind: 'globstar' } | { kind: 'pattern'; alternatives: string[]; literal: boolean };

export interface Glob {
  matches(relPath: string): boolean;
}

function expandBraces(p: string): string[] {
  const open = p.indexOf('{');
  const close = open >= 0 ? p.indexOf('}', open) : -1;
  if (open < 0 || close < 0) {
    return [p];
  }
  const head = p.slice(0, open);
  const tail = p.slice(close + 1);
  return p
    .slice(open + 1, close)
    .split(',')
    .flatMap((alt) => expandBraces(head + alt + tail));
}

/**
 * Matches one path segment (or any text without `/`) against a pattern with `*` and `?` (iterative,
 * O(n·m) worst case, no recursion, no regular expression built from the pattern).
 */
export function matchSegment(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === text[t])) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') {
    p++;
  }
  return p === pattern.length;
}

function compileOne(pattern: string): Segment[] {
  return pattern
    .split('/')
    .filter((s) => s !== '')
    .map((s): Segment => {
      if (s === '**') {
        return { kind: 'globstar' };
      }
      const alternatives = expandBraces(s);
      return { kind: 'pattern', alternatives, literal: alternatives.every((a) => !/[*?]/.test(a)) };
    });
}

function segmentMatches(seg: Segment & { kind: 'pattern' }, part: string): boolean {
  for (const a of seg.alternatives) {
    if (seg.literal ? a === part : matchSegment(a, part)) {
      return true;
    }
  }
  return false;
}

/**
 * Dynamic programming over (segment, path part): linear in their product, never exponential. `a` and
 * `b` are scratch rows of at least `parts.length + 1` entries (reused: discovery calls this per entry).
 */
function matchSegments(segs: Segment[], parts: string[], a: Uint8Array, b: Uint8Array): boolean {
  const n = parts.length;
  let reachable = a;
  let next = b;
  reachable.fill(0, 0, n + 1);
  reachable[0] = 1;
  for (const seg of segs) {
    next.fill(0, 0, n + 1);
    let any = false;
    for (let i = 0; i <= n; i++) {
      if (reachable[i] === 0) {
        continue;
      }
      if (seg.kind === 'globstar') {
        next.fill(1, i, n + 1);
        any = true;
        break;
      } else if (i < n && segmentMatches(seg, parts[i])) {
        next[i + 1] = 1;
        any = true;
      }
    }
    if (!any) {
      return false;
    }
    const t = reachable;
    reachable = next;
    next = t;
  }
  return reachable[n] === 1;
}

/**
 * A pattern of one literal segment between two globstars (`**`, name, `**`; every default exclude has this
 * form): the literal, else undefined. Such a pattern matches exactly the paths with a segment equal to it.
 */
function anySegment(segs: Segment[]): string | undefined {
  const [first, mid, last] = segs;
  return segs.length === 3 &&
    first.kind === 'globstar' &&
    last.kind === 'globstar' &&
    mid.kind === 'pattern' &&
    mid.literal &&
    mid.alternatives.length === 1
    ? mid.alternatives[0]
    : undefined;
}

/** Whether `/`-separated `path` has a segment equal to `name` (which holds no `/`), without splitting it. */
function hasSegment(path: string, name: string): boolean {
  for (let at = path.indexOf(name); at >= 0; at = path.indexOf(name, at + 1)) {
    const end = at + name.length;
    if ((at === 0 || path.charCodeAt(at - 1) === 0x2f) && (end === path.length || path.charCodeAt(end) === 0x2f)) {
      return true;
    }
  }
  return false;
}

/** Compiles patterns; a pattern without `/` matches the base name anywhere (like .gitignore). */
export function compileGlobs(patterns: string[]): Glob {
  const all = patterns.map((p) => {
    const normalised = p.replace(/\\/g, '/').replace(/^\.\//, '');
    return compileOne(normalised.includes('/') ? normalised : `**/${normalised}`);
  });
  // Discovery asks about every file and folder: the common form is answered without the general matcher.
  const names = all.map(anySegment).filter((n): n is string => n !== undefined);
  const compiled = all.filter((segs) => !anySegment(segs));
  let a = new Uint8Array(64);
  let b = new Uint8Array(64);
  return {
    matches(relPath: string): boolean {
      for (const name of names) {
        if (hasSegment(relPath, name)) {
          return true;
        }
      }
      if (compiled.length === 0) {
        return false;
      }
      const parts = relPath.split('/').filter((s) => s !== '');
      if (a.length <= parts.length) {
        a = new Uint8Array(2 * parts.length + 1);
        b = new Uint8Array(2 * parts.length + 1);
      }
      for (const segs of compiled) {
        if (matchSegments(segs, parts, a, b)) {
          return true;
        }
      }
      return false;
    },
  };
}
