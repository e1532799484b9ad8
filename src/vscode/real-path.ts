import { realpath } from 'node:fs/promises';

/**
 * Resolves links on the local disk (the extension in a Node host). The web build (esbuild.js) puts
 * `real-path.web.ts` in its place: a web worker has no local disk and no links to follow.
 */
export const localRealpath: ((fsPath: string) => Promise<string>) | undefined = realpath;
