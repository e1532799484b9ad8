import type { SourceLocation } from '../model';
import { basename } from '../workspace/paths';
import type { BicepFile, ParamDecl, ResourceDecl, VarDecl } from './ast';
import type { LineMap } from '../text/line-map';
import type { Value } from './values';

/** A parsed `.bicep` or `.bicepparam` file with its line map. */
export interface ParsedDoc {
  path: string;
  file: BicepFile;
  lines: LineMap;
}

/** Where evaluation of one file stands: its declarations, the values supplied from outside, and caches. */
export class FileScope {
  readonly params = new Map<string, ParamDecl>();
  readonly vars = new Map<string, VarDecl>();
  readonly resources = new Map<string, ResourceDecl>();
  readonly modules = new Set<string>();
  /** Evaluated params and vars, by name. */
  readonly cache = new Map<string, Value>();
  /** Names being evaluated, to cut reference cycles. */
  readonly active = new Set<string>();
  /** Current evaluation depth, to bound recursion through chains of variables. */
  depth = 0;
  /**
   * The location of the resource group this file deploys to, when a calling template declares that
   * resource group (`module m './m.bicep' = { scope: rg }`): `resourceGroup().location` is then known.
   */
  resourceGroupLocation?: Value;

  constructor(
    readonly doc: ParsedDoc,
    /** Values from `--var`, a `.bicepparam` file or a calling module, with provenance. */
    readonly inputs: ReadonlyMap<string, Value>,
    /** The label used in messages: the file's base name. */
    readonly label: string = basename(doc.path),
  ) {
    for (const s of doc.file.statements) {
      if (s.kind === 'param') {
        this.params.set(s.name.name, s);
      } else if (s.kind === 'var') {
        this.vars.set(s.name.name, s);
      } else if (s.kind === 'resource') {
        this.resources.set(s.name.name, s);
      } else if (s.kind === 'module') {
        this.modules.add(s.name.name);
      }
    }
  }

  loc(start: number, end: number): SourceLocation {
    return { file: this.doc.path, range: this.doc.lines.range(start, end) };
  }
}

/** A file scope plus loop variables and lambda parameters, innermost first. */
export interface Scope {
  fs: FileScope;
  locals?: ReadonlyMap<string, Value>;
  parent?: Scope;
}

export function withLocals(scope: Scope, locals: ReadonlyMap<string, Value>): Scope {
  return { fs: scope.fs, locals, parent: scope };
}

export function lookupLocal(scope: Scope, name: string): Value | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const v = s.locals?.get(name);
    if (v) {
      return v;
    }
  }
  return undefined;
}
