/**
 * Source size from which a scan trades some speed for a smaller heap. Measured on
 * 50 MB of generated source: peak RSS 1.49 GB → 0.88 GB, 13% slower; the real corpora of the benchmark
 * (8 and 12 MB) stay below it.
 */
export const LARGE_SCAN_BYTES = 24 * 1024 * 1024;
/**
 * A single file from which the trade is made, more strictly: its syntax tree is alive for the whole of its
 * unit's analysis, so the heap grows by 20% only. One 20 MB Terraform file of 142,000 resources, four
 * runs each (alternating): peak RSS 561–605 MB with 20%, 611–647 MB with 40%, about 3% slower; it peaked
 * at 1.20 GB with V8's default growth.
 */
export const LARGE_FILE_BYTES = 8 * 1024 * 1024;

/**
 * How much V8 may grow the heap after a collection, in percent, for a scan whose source has `total` bytes
 * in all and `largest` in its largest file; undefined: V8's default. V8 lets the heap grow to several
 * times what is live on a machine with much memory; a huge scan grows it by 40% instead (measured on
 * 150 MB of generated Terraform: peak RSS 1.5 GB → 0.8 GB, about 15% slower), a huge file by 20%.
 */
export function heapGrowthFor(total: number, largest: number): number | undefined {
  if (largest > LARGE_FILE_BYTES) {
    return 20;
  }
  return total > LARGE_SCAN_BYTES ? 40 : undefined;
}
