// Test-harness extension, packaged and installed by run-integration.mjs next to ours. In
// code-server the extensionTestsPath route of @vscode/test-electron does not load, so this
// extension plays its part: it runs the same mocha suites in the extension host, where the suites'
// `require('vscode')` gets the real API, and writes the results to the file named by
// CAL_TEST_RESULTS. It does nothing when that variable is absent.
import type { EventEmitter } from 'node:events';
import * as fs from 'node:fs';

import * as vscode from 'vscode';

/** Written by run-integration.mjs to the file named by CAL_TEST_CONFIG. */
interface HarnessConfig {
  mochaPath: string;
  files: string[];
  grep?: string;
  timeout?: number;
  /** Uncaught errors fail a test only when their stack passes through one of these paths. */
  ownPaths?: string[];
}

/** One test as the runner prints it. */
interface TestRecord {
  title: string;
  file?: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

type Listener = (...args: unknown[]) => void;
type ErrorEvent = 'uncaughtException' | 'unhandledRejection';
/** `process` seen as a plain emitter: Node's typings overload listeners() per event name. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- process is an EventEmitter at run time
const proc: EventEmitter = process;

export function activate(): void {
  const resultsFile = process.env.CAL_TEST_RESULTS;
  const configFile = process.env.CAL_TEST_CONFIG;
  if (!resultsFile || !configFile) {
    return;
  }
  const write = (data: object): void => {
    // Written aside and renamed, so the runner never reads a half-written file.
    fs.writeFileSync(`${resultsFile}.tmp`, JSON.stringify(data, null, 2));
    fs.renameSync(`${resultsFile}.tmp`, resultsFile);
  };
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as HarnessConfig;
  runSuites(config, write).catch((e: unknown) =>
    write({ vscodeVersion: vscode.version, error: e instanceof Error ? (e.stack ?? e.message) : String(e), tests: [] }),
  );
}

async function runSuites(config: HarnessConfig, write: (data: object) => void): Promise<void> {
  // mocha comes from the repository's node_modules by absolute path: the harness ships no dependencies.
  const { default: MochaClass } = (await import(config.mochaPath)) as { default: typeof Mocha };
  const mocha = new MochaClass({ ui: 'bdd', color: false, timeout: config.timeout ?? 20_000, reporter: 'base' });
  if (config.grep) {
    mocha.grep(config.grep);
  }
  for (const file of config.files) {
    mocha.addFile(file);
  }
  const tests: TestRecord[] = [];
  const started = Date.now();
  console.log(`[cal-harness] VS Code ${vscode.version}: running ${config.files.length} file(s)`);
  const before = listenersOf(['uncaughtException', 'unhandledRejection']);
  const runner = mocha.run();
  onlyOurErrors(before, config.ownPaths ?? []);
  const record =
    (state: TestRecord['state']) =>
    (test: Mocha.Test, err?: unknown): void => {
      tests.push({
        title: test.fullTitle(),
        file: test.file,
        state,
        durationMs: test.duration ?? 0,
        error:
          err === undefined
            ? undefined
            : err instanceof Error
              ? (err.stack ?? err.message) // Whatever was thrown, as text.
              : // eslint-disable-next-line @typescript-eslint/no-base-to-string
                String(err),
      });
    };
  runner.on('pass', record('passed'));
  runner.on('fail', record('failed'));
  runner.on('pending', record('pending'));
  runner.on('end', () => {
    console.log(`[cal-harness] done: ${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed`);
    write({
      vscodeVersion: vscode.version,
      appName: vscode.env.appName,
      uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
      durationMs: Date.now() - started,
      tests,
    });
  });
}

function listenersOf(events: ErrorEvent[]): Map<ErrorEvent, Listener[]> {
  return new Map(events.map((e) => [e, proc.listeners(e) as Listener[]]));
}

/**
 * Mocha fails the running test on any uncaught error in the process. The extension host is shared
 * with built-in extensions whose background work fails here (no network: telemetry, GitHub
 * authentication), so mocha's handlers only receive errors whose stack mentions our own code;
 * the others are logged.
 */
function onlyOurErrors(before: Map<ErrorEvent, Listener[]>, ownPaths: string[]): void {
  for (const [event, old] of before) {
    const added = (proc.listeners(event) as Listener[]).filter((l) => !old.includes(l));
    for (const listener of added) {
      proc.removeListener(event, listener);
      proc.on(event, (err: unknown, ...rest: unknown[]) => {
        const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
        if (ownPaths.some((p) => stack.includes(p))) {
          listener(err, ...rest);
        } else {
          console.log(`[cal-harness] ignored ${event} outside our code: ${stack.split('\n')[0]}`);
        }
      });
    }
  }
}

export function deactivate(): void {
  // Nothing to release: mocha finishes on its own.
}
