/**
 * The training scripts take no options: everything they do is fixed so that a rerun reproduces the
 * shipped files. An argument (even --help) prints the usage and stops before anything is overwritten.
 */
export function refuseArguments(usage: string, argv: readonly string[] = process.argv.slice(2)): void {
  if (argv.length === 0) return;
  const asked = argv.every((arg) => arg === '--help' || arg === '-h');
  (asked ? console.log : console.error)(usage);
  process.exit(asked ? 0 : 2);
}
