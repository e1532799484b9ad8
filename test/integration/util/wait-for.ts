// Polling helpers for integration tests: the extension works asynchronously (activation, analysis,
// debounced updates), so tests wait for a condition instead of sleeping for a fixed time.

/** Options for {@link waitFor}. */
export interface WaitForOptions {
  /** Give up after this many milliseconds (default 15000). */
  timeoutMs?: number;
  /** Pause between attempts (default 100). */
  intervalMs?: number;
  /** Describes what was awaited, for the timeout message. */
  description?: string;
}

/**
 * Calls `probe` until it returns a value other than `undefined`, `null` or `false`, and returns that
 * value. Throws after the timeout with the description and the last error `probe` threw, if any.
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: WaitForOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) {
        return value;
      }
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${options.description ?? 'a condition'}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
