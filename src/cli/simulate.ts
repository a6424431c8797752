/** `distillguard simulate`: writes a labelled synthetic traffic log (traffic.jsonl + labels.jsonl). */
import { existsSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { SCALES, type Scale } from '../sim/scenario.ts';
import { simulate } from '../sim/simulate.ts';

interface SimulateCliOptions {
  out: string;
  seed: number;
  scale: Scale;
  datasets?: string;
}

function seedValue(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 0xffffffff) throw new InvalidArgumentError('expected an integer from 0 to 4294967295');
  return parsed;
}

function scaleValue(value: string): Scale {
  const scale = SCALES.find((candidate) => candidate === value);
  if (scale === undefined) throw new InvalidArgumentError(`expected one of ${SCALES.join(', ')}`);
  return scale;
}

export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('Write simulated model-API traffic with ground-truth labels: benign populations and distillation/extraction campaigns.')
    .requiredOption('--out <dir>', 'directory for traffic.jsonl and labels.jsonl (created if missing)')
    .option('--seed <n>', 'random seed: the same seed, scale and datasets give byte-identical files', seedValue, 1)
    .option('--scale <scale>', 'small (~20k events), medium (~1M), large (~10M)', scaleValue, 'small' as Scale)
    .option('--datasets <dir>', 'draw real prompts from this datasets directory (e.g. ../shared/datasets)')
    .action(async (options: SimulateCliOptions) => {
      if (options.datasets !== undefined && !existsSync(options.datasets)) {
        process.stderr.write(`simulate: datasets directory not found: ${options.datasets}\n`);
        process.exitCode = 1;
        return;
      }
      const started = Date.now();
      const result = await simulate({ outDir: options.out, seed: options.seed, scale: options.scale, datasetsDir: options.datasets });
      const campaignAccounts = result.accounts.filter((account) => account.campaign_id !== null).length;
      process.stdout.write(
        `wrote ${result.events} events from ${result.accounts.length} accounts (${campaignAccounts} in ${result.campaigns.length} campaigns) ` +
          `to ${options.out} in ${((Date.now() - started) / 1000).toFixed(1)}s\n`,
      );
    });
}
