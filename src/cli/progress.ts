/** Progress on stderr for long scans: silent for the first moment, then at most a few updates a second. */

const FIRST_AFTER_MS = 400;
const EVERY_MS = 100;

export interface ProgressLine {
  report(p: { done: number; total: number; files: number }): void;
  /** Clears the line if anything was written. */
  end(): void;
}

export function progressLine(stream: NodeJS.WriteStream, now: () => number = Date.now): ProgressLine {
  const start = now();
  let last = 0;
  let written = false;
  return {
    report({ done, total, files }) {
      const t = now();
      if (t - start < FIRST_AFTER_MS || t - last < EVERY_MS) {
        return;
      }
      last = t;
      written = true;
      stream.write(`\r\x1b[Kscanning: ${done}/${total} units, ${files} files`);
    },
    end() {
      if (written) {
        stream.write('\r\x1b[K');
      }
    },
  };
}

/** Colours by default when stdout is a terminal, honouring NO_COLOR and FORCE_COLOR (no-color.org). */
export function wantColor(flag: boolean | undefined, toFile: boolean, env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (flag !== undefined) {
    return flag;
  }
  if (env.NO_COLOR) {
    return false;
  }
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') {
    return !toFile;
  }
  return !toFile && isTty;
}
