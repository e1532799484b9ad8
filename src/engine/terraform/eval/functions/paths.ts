import { quoteValue } from '../../../text/quote';
import { failure, str, unknown, type Val } from '../values';
import { type Fn, strArg } from './support';

/** Go's `filepath.Clean` for slash-separated paths. */
function cleanPath(p: string): string {
  if (p === '') {
    return '.';
  }
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') {
        out.pop();
      } else if (!rooted) {
        out.push('..');
      }
    } else {
      out.push(part);
    }
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

/** Go's `filepath.Base` for slash-separated paths. */
function basePath(p: string): string {
  if (p === '') {
    return '.';
  }
  const trimmed = p.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Go's `filepath.Dir` for slash-separated paths. */
function dirPath(p: string): string {
  return cleanPath(p.slice(0, p.lastIndexOf('/') + 1));
}

/** Path functions over slash-separated paths, as Go's `filepath` computes them (the file-reading ones need the module directory and are in file-functions.ts). */
export const PATH_FUNCTIONS: Record<string, Fn> = {
  basename: (args) => strArg(args, 'basename', (s, a) => str(basePath(s), a.o)),
  dirname: (args) => strArg(args, 'dirname', (s, a) => str(dirPath(s), a.o)),
  pathexpand: (args) => strArg(args, 'pathexpand', (s, a) => expandHome(s, a)),
};

/**
 * `pathexpand`: a path that does not start with `~` is returned as it is, as Terraform returns it; one
 * under the home directory (`~`, `~/x`) names a place that differs from machine to machine, outside the
 * repository, and is not known; `~user/x` is an error in Terraform too.
 */
function expandHome(s: string, a: Val): Val {
  if (!s.startsWith('~')) {
    return str(s, a.o);
  }
  if (s.length > 1 && s[1] !== '/' && s[1] !== '\\') {
    return failure('pathexpand() cannot expand a user-specific home directory (~user)');
  }
  return unknown(`pathexpand(${quoteValue(s)}) is under the home directory of the machine that runs Terraform`);
}
