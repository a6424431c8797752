/**
 * The adjusted Rand index of two partitions of the same items (Hubert and Arabie 1985): pair agreement
 * corrected for chance, 1 for identical partitions, about 0 for independent ones, negative when worse
 * than chance. Partitions are given as parallel arrays of cluster labels, one per item.
 */

function pairs(count: number): number {
  return (count * (count - 1)) / 2;
}

function sizes<T>(labels: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return counts;
}

/**
 * ARI of `truth` against `predicted` (same length). When chance agreement already equals the maximum
 * (fewer than two items, or both partitions all singletons, or both one cluster) the partitions cannot be
 * told apart from chance and the index is defined as 1, the usual convention (e.g. scikit-learn's).
 */
export function adjustedRandIndex(truth: readonly string[], predicted: readonly string[]): number {
  if (truth.length !== predicted.length) throw new Error(`partitions of different sizes: ${truth.length} and ${predicted.length}`);
  // One key per (truth, predicted) pair; the length prefix keeps "a"+"bc" and "ab"+"c" apart.
  const joint = truth.map((label, index) => `${label.length}:${label}${predicted[index] ?? ''}`);
  const index = [...sizes(joint).values()].reduce((sum, count) => sum + pairs(count), 0);
  const truthPairs = [...sizes(truth).values()].reduce((sum, count) => sum + pairs(count), 0);
  const predictedPairs = [...sizes(predicted).values()].reduce((sum, count) => sum + pairs(count), 0);
  const allPairs = pairs(truth.length);
  if (allPairs === 0) return 1;
  const expected = (truthPairs * predictedPairs) / allPairs;
  const maximum = (truthPairs + predictedPairs) / 2;
  if (maximum === expected) return 1;
  return (index - expected) / (maximum - expected);
}
