import type { DirEntry, EngineFs, LimitedRead } from '../host';
import { quoteValue } from '../text/quote';
import { LruCache } from './lru';
import { basename, dirname } from './paths';

/** Concurrent reads while files are grouped into units. */
const READ_AHEAD_CONCURRENCY = 16;

const decoder = new TextDecoder('utf-8', { fatal: false });

const MISSING = 'file does not exist or cannot be accessed';

/**
 * The engine's reads of source files and directories, cached: texts (least recently used beyond a
 * budget of characters), why a file could not be read, and directory listings. Concurrent reads of one
 * file share a single read.
 */
export class SourceFiles {
  private readonly texts = new LruCache<string | null>();
  private readonly errors = new Map<string, string>();
  private readonly dirs = new Map<string, DirEntry[]>();
  private readonly pending = new Map<string, Promise<string | undefined>>();
  /** Per path, what {@link probe} said of the text last read (kept when the text itself is dropped). */
  private readonly probed = new Map<string, boolean>();

  constructor(
    private readonly fs: EngineFs,
    budget: number,
    /** Told the size of each file read from the file system (not of cache hits). */
    private readonly onRead?: (bytes: number) => void,
    /**
     * A question asked of each text once, when it is read (the engine: may it hold suppression
     * directives?), so that callers need not search the text again each time they take it.
     */
    private readonly probe?: (text: string) => boolean,
  ) {
    this.texts.budget = budget;
  }

  /** What {@link probe} said of the text of `path` last read from the file system; undefined if unknown. */
  probeResult(path: string): boolean | undefined {
    return this.probed.get(path);
  }

  /** Characters of text kept; entries beyond a lowered budget go as new ones arrive. */
  set budget(chars: number) {
    this.texts.budget = chars;
  }

  /** Why `path` could not be read, or was read with replacements; undefined when it was read cleanly. */
  readError(path: string): string | undefined {
    return this.errors.get(path);
  }

  /** Whether the last read of `path` found no such file. */
  isMissing(path: string): boolean {
    return this.errors.get(path) === MISSING;
  }

  /**
   * Forgets what is cached about `path`: its text, its read error, its own listing and those of every
   * directory above it (a file created in a new directory changes the listings of the directories that
   * now lead to it, which analyzers consult before they list deeper: `.terraform` before
   * `.terraform/modules`).
   */
  forget(path: string): void {
    this.texts.delete(path);
    this.errors.delete(path);
    this.probed.delete(path);
    this.dirs.delete(path);
    for (let dir = dirname(path), prev = path; dir !== prev; prev = dir, dir = dirname(dir)) {
      this.dirs.delete(dir);
    }
  }

  /**
   * The directories whose cached listings lack the directory on the way to `path` (to be called before
   * {@link forget}): a file created there makes that directory exist, so whoever listed them and found
   * nothing must look again.
   */
  listingsWithout(path: string): string[] {
    const out: string[] = [];
    for (let child = dirname(path), dir = dirname(child); dir !== child; child = dir, dir = dirname(dir)) {
      const name = basename(child);
      if (this.dirs.get(dir)?.some((e) => e.name === name) === false) {
        out.push(dir);
      }
    }
    return out;
  }

  clear(): void {
    this.texts.clear();
    this.errors.clear();
    this.probed.clear();
    this.dirs.clear();
  }

  /** The text of `path`; undefined when it is missing, not a file, too large, binary or unreadable. */
  async readText(path: string, maxSize: number): Promise<string | undefined> {
    if (this.texts.has(path)) {
      return this.texts.get(path) ?? undefined;
    }
    const pending = this.pending.get(path);
    if (pending) {
      return pending;
    }
    const promise = this.readUncached(path, maxSize).finally(() => this.pending.delete(path));
    this.pending.set(path, promise);
    return promise;
  }

  /** Directory listing; empty when the directory is missing or unreadable. */
  async listDir(path: string): Promise<DirEntry[]> {
    const hit = this.dirs.get(path);
    if (hit) {
      return hit;
    }
    let entries: DirEntry[] = [];
    try {
      entries = await this.fs.readDirectory(path);
    } catch {
      entries = [];
    }
    this.dirs.set(path, entries);
    return entries;
  }

  /**
   * A file system for discovery that records the listings it makes; `keep` then caches those of the
   * directories holding `files` (analyzers list them again: Terraform reads every file of a module
   * directory) and drops the rest.
   */
  listingRecorder(): { fs: EngineFs; keep(files: string[]): void } {
    const listed = new Map<string, DirEntry[]>();
    const base = this.fs;
    const fs: EngineFs = Object.create(base) as EngineFs;
    fs.readDirectory = async (dir) => {
      const entries = await base.readDirectory(dir);
      listed.set(dir, entries.slice());
      return entries;
    };
    const keep = (files: string[]) => {
      for (const f of files) {
        const dir = dirname(f);
        const entries = listed.get(dir);
        if (entries && !this.dirs.has(dir)) {
          this.dirs.set(dir, entries);
        }
      }
      listed.clear();
    };
    return { fs, keep };
  }

  /**
   * Reads `files` in order, a few at a time, ahead of an analyzer that consumes them in the same order
   * (`skip`: files whose text comes from elsewhere). Stops early when the text cache is full, so that
   * memory stays bounded on huge workspaces.
   */
  readAhead(
    files: string[],
    maxSize: number,
    skip: (path: string) => boolean,
    signal?: AbortSignal,
  ): { stop(): Promise<void> } {
    let next = 0;
    let stopped = false;
    const worker = async () => {
      while (!stopped && next < files.length && !signal?.aborted && !this.texts.full()) {
        const file = files[next++];
        if (!this.texts.has(file) && !skip(file)) {
          await this.readText(file, maxSize);
        }
      }
    };
    const workers = Array.from({ length: READ_AHEAD_CONCURRENCY }, worker);
    return {
      async stop() {
        stopped = true;
        await Promise.all(workers);
      },
    };
  }

  /** Starts reading `files` that are neither cached nor being read, without waiting for them. */
  prefetch(files: string[], maxSize: number, skip: (path: string) => boolean): void {
    for (const file of files) {
      if (!this.texts.has(file) && !skip(file) && !this.pending.has(file)) {
        void this.readText(file, maxSize);
      }
    }
  }

  private async readBytes(path: string, maxSize: number): Promise<LimitedRead> {
    if (this.fs.readFileLimited) {
      return this.fs.readFileLimited(path, maxSize);
    }
    const st = await this.fs.stat(path);
    if (!st) {
      return { kind: 'missing' };
    }
    if (st.type !== 'file') {
      return { kind: 'not-a-file' };
    }
    if (st.size > maxSize) {
      return { kind: 'too-large', size: st.size };
    }
    return { kind: 'ok', bytes: await this.fs.readFile(path) };
  }

  private async readUncached(path: string, maxSize: number): Promise<string | undefined> {
    let text: string | null = null;
    try {
      const read = await this.readBytes(path, maxSize);
      if (read.kind === 'ok') {
        this.onRead?.(read.bytes.length);
      }
      if (read.kind === 'missing') {
        this.errors.set(path, MISSING);
      } else if (read.kind === 'outside') {
        this.errors.set(path, 'lies outside the scanned folder (after following links); not read');
      } else if (read.kind === 'not-a-file') {
        this.errors.set(path, 'not a regular file; skipped without opening');
      } else if (read.kind === 'too-large') {
        this.errors.set(
          path,
          `file is ${(read.size / 1048576).toFixed(1)} MB, over the size limit of ${(maxSize / 1048576).toFixed(0)} MB; skipped`,
        );
      } else if (read.bytes.includes(0)) {
        this.errors.set(path, 'binary file (contains NUL bytes); skipped');
      } else {
        text = decoder.decode(read.bytes);
        if (text.includes('\uFFFD') && !read.bytes.includes(0xef)) {
          this.errors.set(path, 'file is not valid UTF-8; invalid bytes were replaced');
        }
      }
    } catch (e) {
      // The system's message names the path as the machine knows it (absolute): the report names the file
      // already, relative to the scan, so only its name stays in the message.
      const message = ((e as Error).message ?? String(e)).split(path).join(basename(path));
      this.errors.set(path, `cannot read file: ${quoteValue(message, 160)}`);
    }
    this.texts.set(path, text, text?.length ?? 0);
    if (this.probe && text !== null) {
      this.probed.set(path, this.probe(text));
    } else {
      this.probed.delete(path);
    }
    return text ?? undefined;
  }
}
