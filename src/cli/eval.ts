/**
 * `distillguard eval --log FILE --labels FILE [--report FILE]`: scores detection against ground truth
 * (a simulator's labels.jsonl): precision/recall/F1 of verdict campaign, benign false-positive rates,
 * campaign purity (adjusted Rand index) and detection delay, overall and per role and true campaign.
 */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { analyzeLogs } from '../analyze/analyze.ts';
import type { AnalysisReport } from '../analyze/report.ts';
import { campaignActivity, type CampaignActivity } from '../evaluate/delay.ts';
import { renderEvaluation } from '../evaluate/format.ts';
import { readLabels } from '../evaluate/labels.ts';
import { detectionTimes, evaluate } from '../evaluate/metrics.ts';
import type { AnalyzeDeps, AnalyzeIo } from './analyze.ts';

export interface EvalFlags {
  log?: string;
  labels: string;
  report?: string;
  format: string;
  seed?: string;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A report read from disk: enough of its shape checked that evaluation cannot trip over it. */
function parseReport(text: string): AnalysisReport {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null) throw new Error('not a JSON object');
  const { accounts, campaigns } = value as Record<string, unknown>;
  if (!Array.isArray(accounts) || !Array.isArray(campaigns)) throw new Error('expected "accounts" and "campaigns" arrays (schemas/analysis-report.schema.json)');
  for (const account of accounts as unknown[]) {
    const { account_id: id, verdict } = (account ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || (verdict !== 'campaign' && verdict !== 'suspicious' && verdict !== 'benign')) {
      throw new Error(`an account without account_id or verdict: ${JSON.stringify(account).slice(0, 120)}`);
    }
  }
  return value as AnalysisReport;
}

export async function evalCommand(flags: EvalFlags, io: AnalyzeIo, deps: AnalyzeDeps): Promise<number> {
  const fail = (code: number, text: string) => {
    io.stderr.write(`distillguard: eval: ${text}\n`);
    return code;
  };
  if (flags.format !== 'text' && flags.format !== 'json') return fail(2, `--format must be text or json, got ${JSON.stringify(flags.format)}`);
  if (flags.log === undefined && flags.report === undefined) return fail(2, 'give --log (analysed now) or --report (an existing analysis), or both');
  const seed = flags.seed === undefined ? undefined : Number(flags.seed);
  if (seed !== undefined && !(Number.isInteger(seed) && seed > 0)) return fail(2, `--seed must be a positive integer, got ${JSON.stringify(flags.seed)}`);
  try {
    let badLabels = 0;
    const labels = await readLabels(flags.labels, ({ line, reason }) => {
      if (++badLabels <= 20) io.stderr.write(`${flags.labels}:${line}: skipped label: ${reason}\n`);
    });
    if (labels.length === 0) return fail(1, `${flags.labels}: no labels`);
    let report: AnalysisReport;
    if (flags.report !== undefined) {
      report = parseReport(await readFile(flags.report, 'utf8'));
    } else {
      const result = await analyzeLogs([flags.log as string], { ...deps, ...(seed === undefined ? {} : { seed }) });
      report = result.report;
      if (report.input.rejected_lines > 0) io.stderr.write(`distillguard: eval: ${report.input.rejected_lines} invalid log lines skipped (see distillguard analyze for each)\n`);
    }
    let activity: Map<string, CampaignActivity> | undefined;
    if (flags.log !== undefined) {
      const campaignOf = new Map(labels.flatMap((label) => (label.campaign_id === null ? [] : [[label.account_id, label.campaign_id] as const])));
      activity = await campaignActivity([flags.log], campaignOf, detectionTimes(report, labels));
    }
    const evaluation = evaluate(report, labels, activity);
    io.stdout.write(flags.format === 'json' ? `${JSON.stringify(evaluation, null, 2)}\n` : renderEvaluation(evaluation));
    return 0;
  } catch (error) {
    return fail(1, message(error));
  }
}

export function registerEval(program: Command, deps: AnalyzeDeps, io: AnalyzeIo = { stdout: process.stdout, stderr: process.stderr }): void {
  program
    .command('eval')
    .description('Score detection against ground-truth labels (e.g. a simulator\'s labels.jsonl).')
    .requiredOption('--labels <file>', 'ground truth, JSON Lines: {account_id, campaign_id|null, role}')
    .option('--log <file>', 'the traffic log: analysed now unless --report is given; also used to count detection delays')
    .option('--report <file>', 'an existing analysis report (JSON) instead of analysing the log')
    .option('--format <format>', 'text or json', 'text')
    .option('--seed <n>', 'engine seed when analysing')
    .addHelpText('after', [
      '',
      'Conventions:',
      '  precision/recall/F1: positive = labelled with a campaign; predicted positive = verdict campaign.',
      '  Labelled accounts missing from the report count as benign verdicts.',
      '  benign FPR: benign accounts (campaign_id null) with verdict campaign, overall and per role.',
      '  ARI: over the labelled accounts; true cluster = campaign_id, predicted cluster = campaign_id of a',
      '    verdict-campaign account; every other account is a singleton on its side. 1 = same partition.',
      '  delay: a true campaign is detected at the earliest first_flagged_at of its accounts; delay = its',
      '    requests strictly before then (counted in --log; without it, events_before_detection of the',
      '    best-matching predicted campaign). Median/p90 nearest-rank over detected campaigns.',
      '',
      'Example:',
      '  distillguard simulate --out sim --scale small && distillguard eval --log sim/traffic.jsonl --labels sim/labels.jsonl',
      '',
    ].join('\n'))
    .action(async (flags: EvalFlags) => {
      process.exitCode = await evalCommand(flags, io, deps);
    });
}
