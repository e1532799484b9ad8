/** The web build's stand-in for `real-path.ts`: in a web worker there is no local disk to resolve links on. */
export const localRealpath: ((fsPath: string) => Promise<string>) | undefined = undefined;
