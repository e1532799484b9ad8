/**
 * A small glob matcher for include/exclude patterns: `**` (any number of segments), `*` and `?` within
 * a segment, `{a,b}` alternatives. Compiled once to a linear-time segment matcher (no regex backtracking
 * over user-controlled patterns).
 */

type Segment = { kind: 'globstar' } | { kind: 'pattern'; alternatives: string[] };

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

/** Matches one path segment against a pattern with `*` and `?` (iterative, O(n·m) worst case, no recursion). */
function matchSegment(pattern: string, text: string): boolean {
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
    .map((s): Segment => (s === '**' ? { kind: 'globstar' } : { kind: 'pattern', alternatives: expandBraces(s) }));
}

/** Dynamic programming over (segment, path part): linear in their product, never exponential. */
function matchSegments(segs: Segment[], parts: string[]): boolean {
  let reachable = new Array<boolean>(parts.length + 1).fill(false);
  reachable[0] = true;
  for (const seg of segs) {
    const next = new Array<boolean>(parts.length + 1).fill(false);
    for (let i = 0; i <= parts.length; i++) {
      if (!reachable[i]) {
        continue;
      }
      if (seg.kind === 'globstar') {
        for (let j = i; j <= parts.length; j++) {
          next[j] = true;
        }
        break;
      } else if (i < parts.length && seg.alternatives.some((a) => matchSegment(a, parts[i]))) {
        next[i + 1] = true;
      }
    }
    reachable = next;
  }
  return reachable[parts.length];
}

/** Compiles patterns; a pattern without `/` matches the base name anywhere (like .gitignore). */
export function compileGlobs(patterns: string[]): Glob {
  const compiled = patterns.map((p) => {
    const normalised = p.replace(/\\/g, '/').replace(/^\.\//, '');
    return compileOne(normalised.includes('/') ? normalised : `**/${normalised}`);
  });
  return {
    matches(relPath: string): boolean {
      const parts = relPath.split('/').filter((s) => s !== '');
      return compiled.some((segs) => matchSegments(segs, parts));
    },
  };
}
