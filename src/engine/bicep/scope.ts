import type { Value } from '../azure/value';
import type { SourceLocation } from '../model';
import type { LineMap } from '../text/line-map';
import { basename } from '../workspace/paths';
import type { BicepFile, ParamDecl, ResourceDecl, VarDecl } from './ast';

/** A parsed `.bicep` or `.bicepparam` file with its line map. */
export interface ParsedDoc {
  path: string;
  file: BicepFile;
  lines: LineMap;
}

/** Values given to a file's parameters from outside: only looked up by name. */
export interface Inputs {
  get(name: string): Value | undefined;
}

/** A file's declarations by name: the same for every instance of the file, so built once per tree. */
interface Declarations {
  readonly params: ReadonlyMap<string, ParamDecl>;
  readonly vars: ReadonlyMap<string, VarDecl>;
  readonly resources: ReadonlyMap<string, ResourceDecl>;
  readonly modules: ReadonlySet<string>;
}

const declarationsOf = new WeakMap<BicepFile, Declarations>();

function declarations(file: BicepFile): Declarations {
  let d = declarationsOf.get(file);
  if (!d) {
    const params = new Map<string, ParamDecl>();
    const vars = new Map<string, VarDecl>();
    const resources = new Map<string, ResourceDecl>();
    const modules = new Set<string>();
    for (const s of file.statements) {
      if (s.kind === 'param') {
        params.set(s.name.name, s);
      } else if (s.kind === 'var') {
        vars.set(s.name.name, s);
      } else if (s.kind === 'resource') {
        resources.set(s.name.name, s);
      } else if (s.kind === 'module') {
        modules.add(s.name.name);
      }
    }
    d = { params, vars, resources, modules };
    declarationsOf.set(file, d);
  }
  return d;
}

/** Where evaluation of one file stands: its declarations, the values supplied from outside, and caches. */
export class FileScope {
  readonly params: ReadonlyMap<string, ParamDecl>;
  readonly vars: ReadonlyMap<string, VarDecl>;
  readonly resources: ReadonlyMap<string, ResourceDecl>;
  readonly modules: ReadonlySet<string>;
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
  /** `deployment().location`, when the configuration gives it (`deploymentLocation`); modules inherit it. */
  deploymentLocation?: Value;
  /**
   * Identity of the resource group (or other scope) this file deploys to: a module without `scope:`
   * shares its caller's, anything else gets its own. Only compared, never inspected.
   */
  target: object = {};

  constructor(
    readonly doc: ParsedDoc,
    /** Values from `--var`, a `.bicepparam` file or a calling module, with provenance. */
    readonly inputs: Inputs,
    /** The label used in messages: the file's base name. */
    readonly label: string = basename(doc.path),
  ) {
    const d = declarations(doc.file);
    this.params = d.params;
    this.vars = d.vars;
    this.resources = d.resources;
    this.modules = d.modules;
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
