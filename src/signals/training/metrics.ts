/** Ranking metrics for a score over positives and negatives (ties count half, as in the Mann-Whitney U). */

export function rocAuc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  const all = [...positives.map((s) => ({ s, p: 1 })), ...negatives.map((s) => ({ s, p: 0 }))].sort((a, b) => a.s - b.s);
  let rankSum = 0;
  let i = 0;
  while (i < all.length) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]!.s === all[i]!.s) j++;
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) if (all[k]!.p === 1) rankSum += rank;
    i = j + 1;
  }
  return (rankSum - (positives.length * (positives.length + 1)) / 2) / (positives.length * negatives.length);
}

/**
 * True positive rate at the strictest threshold whose false positive rate is <= maxFpr: a positive
 * counts only if it scores strictly above the (k+1)-th highest negative, k = floor(maxFpr * negatives).
 * Ties with that negative count as misses, so a constant (boolean) score cannot game the figure.
 */
export function tprAtFpr(positives: readonly number[], negatives: readonly number[], maxFpr: number): number {
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  const sorted = [...negatives].sort((a, b) => b - a);
  const allowed = Math.floor(maxFpr * negatives.length);
  const threshold = sorted[allowed] ?? Number.NEGATIVE_INFINITY;
  let hits = 0;
  for (const s of positives) if (s > threshold) hits++;
  return hits / positives.length;
}
