/**
 * The array itself when empty, else a copy without spare room. An array grown by `push` keeps room for
 * 17 elements after its first one; most lists in a syntax tree hold one to three, so a real-corpus tree
 * was a fifth spare capacity, all of which the garbage collector copied while the tree was young.
 */
export function fit<T>(items: T[]): T[] {
  return items.length === 0 ? items : items.slice();
}
