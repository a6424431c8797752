/**
 * Every knob of a simulated run in one typed object. `scenarioFor(scale, seed)` gives the presets;
 * callers may change any field (simulate() takes a full ScenarioConfig) to build other scenarios.
 */

export type Scale = 'small' | 'medium' | 'large';
export const SCALES: readonly Scale[] = ['small', 'medium', 'large'];

export interface ModelCatalog {
  openai: string[];
  anthropic: string[];
  embedding: string[];
  /** A model that does not exist before `atDay`; the pivot campaign jumps to it, humans adopt it slowly. */
  release: { openai: string; anthropic: string; atDay: number };
}

export interface HumanChatConfig {
  accounts: number;
  /** Median across accounts; each account's own rate is log-normal around it. */
  sessionsPerDayMedian: number;
  turnsPerSessionMean: number;
  thinkSecondsMedian: number;
  /** Share of accounts using the web playground (browser UA) instead of an SDK. */
  playgroundShare: number;
  /** Daily growth of the share of traffic sent to the new release once it exists. */
  releaseAdoptionPerDay: number;
}

export interface AppBackendConfig {
  accounts: number;
  peakRequestsPerHourMedian: number;
  multiTurnShare: number;
}

export interface BatchJobConfig {
  accounts: number;
  runsPerAccount: number;
  itemsPerRunMedian: number;
  maxTokens: number;
  itemsPerSecond: number;
}

export interface BenchmarkRunConfig {
  accounts: number;
  problemsPerRun: number;
  stepByStepShare: number;
  requestsPerSecond: number;
}

export interface OfficeTeamConfig {
  teams: number;
  membersMin: number;
  membersMax: number;
  requestsPerWorkdayMedian: number;
  /** Share of teams whose members all pay with the company card (one payment fingerprint). */
  sharedCardShare: number;
}

export interface EducationConfig {
  accounts: number;
  campuses: number;
  requestsPerDayMedian: number;
  /** Share of the run that falls in a term break (activity drops to a tenth). */
  breakShare: number;
}

export interface CodingAgentConfig {
  accounts: number;
  sessionsPerDayMedian: number;
  stepsPerSessionMean: number;
  maxHistoryTurns: number;
}

export interface BenignConfig {
  humanChat: HumanChatConfig;
  appBackend: AppBackendConfig;
  batchJob: BatchJobConfig;
  benchmarkRun: BenchmarkRunConfig;
  officeTeam: OfficeTeamConfig;
  education: EducationConfig;
  codingAgent: CodingAgentConfig;
}

/** Which infrastructure links a campaign leaks; each campaign leaks a different subset. */
export interface InfraStyle {
  proxyKind: 'hosting' | 'residential';
  /** Distinct /24 networks in the proxy pool (hosting) or distinct residential ASNs used (residential). */
  subnets: number;
  /** Distinct TLS fingerprints; with `mimicCommonJa4` they are the common SDK ones and do not stand out. */
  ja4Count: number;
  mimicCommonJa4: boolean;
  /** Cards shared across accounts; 0 means every account pays with its own. */
  paymentPool: number;
  /** Share of accounts paying with a pooled card. */
  paymentShare: number;
  /** Accounts created within this many hours of each other; null spreads sign-ups over months. */
  signupBurstHours: number | null;
  emailStyle: 'disposable' | 'webmail' | 'custom';
  /** Share of requests leaving through ordinary residential IPs that benign users also use. */
  benignOverlap: number;
}

/** How an operator drives its accounts. */
export interface OperatorStyle {
  /** How many phrasings the operator draws from the wrapper pool (the pool has hundreds). */
  wrapperCount: number;
  requestsPerAccountPerDay: number;
  /** Hours per day the operator's scheduler runs; 24 = around the clock. */
  activeHoursPerDay: number;
  /** Spread of request times around the shared schedule, in seconds (loose synchronisation). */
  jitterSeconds: number;
  temperature: number;
  maxTokens: number;
}

interface CampaignBase {
  id: string;
  accounts: number;
  startDay: number;
  endDay: number;
  infra: InfraStyle;
  operator: OperatorStyle;
}

export interface ResellerMixedConfig extends CampaignBase {
  role: 'reseller_mixed';
  /** Share of each account's traffic that is genuine downstream customers. */
  customerShare: number;
}
export interface ReasoningHarvestConfig extends CampaignBase {
  role: 'reasoning_harvest';
  bank: 'math' | 'code' | 'mixed';
  /** Share of requests asking n > 1 completions. */
  multiChoiceShare: number;
  thinkingShare: number;
}
export interface RubricHarvestConfig extends CampaignBase {
  role: 'rubric_harvest';
  pairwiseShare: number;
}
export interface LowAndSlowConfig extends CampaignBase {
  role: 'low_and_slow';
}
export interface RotationConfig extends CampaignBase {
  role: 'rotation_worker';
  /** `accounts` is per generation. */
  generations: number;
  /** Days a generation lives before the provider bans it and the next one starts. */
  banAfterDays: number;
}
export interface ModelPivotConfig extends CampaignBase {
  role: 'model_pivot';
  pivotShare: number;
  pivotDelayHours: number;
}
export interface JailbreakProbeConfig extends CampaignBase {
  role: 'jailbreak_probe';
  extractionShare: number;
}
export interface LogprobProbeConfig extends CampaignBase {
  role: 'logprob_probe';
  topLogprobs: number;
  biasTokensPerRequest: number;
  choices: number;
}

export type CampaignConfig =
  | ResellerMixedConfig
  | ReasoningHarvestConfig
  | RubricHarvestConfig
  | LowAndSlowConfig
  | RotationConfig
  | ModelPivotConfig
  | JailbreakProbeConfig
  | LogprobProbeConfig;

export interface ScenarioConfig {
  scale: Scale;
  seed: number;
  /** Start of the simulated period, RFC 3339 UTC at midnight. */
  start: string;
  days: number;
  models: ModelCatalog;
  /** Baseline chance of a 429 or 400 on any request. */
  errorRate: number;
  benign: BenignConfig;
  campaigns: CampaignConfig[];
}

interface ScaleSize {
  days: number;
  /** Multiplies account counts of the medium preset. */
  factor: number;
  /** Multiplies per-account rates of the heavy roles (small runs keep every behaviour at a fraction of the volume). */
  volume: number;
}

const SIZES: Record<Scale, ScaleSize> = {
  small: { days: 7, factor: 0.07, volume: 0.3 },
  medium: { days: 14, factor: 1, volume: 1 },
  large: { days: 28, factor: 5, volume: 1 },
};

function count(base: number, factor: number, minimum: number): number {
  return Math.max(minimum, Math.round(base * factor));
}

const MODELS: ModelCatalog = {
  openai: ['gpt-4.1', 'gpt-4.1-mini', 'o4-mini', 'gpt-5-mini'],
  anthropic: ['claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-opus-4-1'],
  embedding: ['text-embedding-3-small', 'text-embedding-3-large'],
  release: { openai: 'gpt-5.5', anthropic: 'claude-opus-5', atDay: 4 },
};

export function scenarioFor(scale: Scale, seed = 1): ScenarioConfig {
  const { days, factor: f, volume: v } = SIZES[scale];
  const last = days;
  const releaseDay = Math.floor(days / 2);
  const campaigns: CampaignConfig[] = [
    {
      role: 'reseller_mixed', id: 'hydra-reseller', accounts: count(70, f, 8), startDay: 0, endDay: last, customerShare: 0.45,
      infra: { proxyKind: 'hosting', subnets: 4, ja4Count: 3, mimicCommonJa4: false, paymentPool: 3, paymentShare: 0.8, signupBurstHours: 48, emailStyle: 'custom', benignOverlap: 0 },
      operator: { wrapperCount: 24, requestsPerAccountPerDay: 90 * v, activeHoursPerDay: 24, jitterSeconds: 40, temperature: 0.8, maxTokens: 4096 },
    },
    {
      role: 'reasoning_harvest', id: 'cot-sweep-a', accounts: count(24, f, 5), startDay: 0, endDay: last, bank: 'math', multiChoiceShare: 0.3, thinkingShare: 0.5,
      infra: { proxyKind: 'residential', subnets: 6, ja4Count: 1, mimicCommonJa4: false, paymentPool: 0, paymentShare: 0, signupBurstHours: 12, emailStyle: 'webmail', benignOverlap: 0.3 },
      operator: { wrapperCount: 40, requestsPerAccountPerDay: 140 * v, activeHoursPerDay: 20, jitterSeconds: 90, temperature: 0.7, maxTokens: 8192 },
    },
    {
      role: 'rubric_harvest', id: 'reward-grader', accounts: count(12, f, 3), startDay: 1, endDay: last, pairwiseShare: 0.4,
      infra: { proxyKind: 'hosting', subnets: 2, ja4Count: 2, mimicCommonJa4: true, paymentPool: 2, paymentShare: 1, signupBurstHours: null, emailStyle: 'custom', benignOverlap: 0 },
      operator: { wrapperCount: 12, requestsPerAccountPerDay: 100 * v, activeHoursPerDay: 10, jitterSeconds: 20, temperature: 0, maxTokens: 600 },
    },
    {
      role: 'low_and_slow', id: 'slow-drip', accounts: count(60, f, 12), startDay: 0, endDay: last,
      infra: { proxyKind: 'residential', subnets: 20, ja4Count: 2, mimicCommonJa4: true, paymentPool: 5, paymentShare: 0.6, signupBurstHours: 96, emailStyle: 'webmail', benignOverlap: 0.6 },
      operator: { wrapperCount: 8, requestsPerAccountPerDay: 9, activeHoursPerDay: 24, jitterSeconds: 3600, temperature: 0.6, maxTokens: 4096 },
    },
    {
      role: 'rotation_worker', id: 'ban-evader', accounts: count(8, f, 2), startDay: 0, endDay: last, generations: 3, banAfterDays: Math.max(2, Math.floor(days / 3)),
      infra: { proxyKind: 'hosting', subnets: 2, ja4Count: 1, mimicCommonJa4: false, paymentPool: 0, paymentShare: 0, signupBurstHours: 6, emailStyle: 'disposable', benignOverlap: 0 },
      operator: { wrapperCount: 6, requestsPerAccountPerDay: 120 * v, activeHoursPerDay: 24, jitterSeconds: 15, temperature: 1, maxTokens: 8192 },
    },
    {
      role: 'model_pivot', id: 'release-chaser', accounts: count(10, f, 3), startDay: 0, endDay: last, pivotShare: 0.5, pivotDelayHours: 10,
      infra: { proxyKind: 'hosting', subnets: 3, ja4Count: 2, mimicCommonJa4: false, paymentPool: 1, paymentShare: 0.5, signupBurstHours: null, emailStyle: 'custom', benignOverlap: 0.1 },
      operator: { wrapperCount: 16, requestsPerAccountPerDay: 150 * v, activeHoursPerDay: 24, jitterSeconds: 60, temperature: 0.7, maxTokens: 8192 },
    },
    {
      role: 'jailbreak_probe', id: 'prompt-breaker', accounts: count(6, f, 2), startDay: 2, endDay: last, extractionShare: 0.4,
      infra: { proxyKind: 'residential', subnets: 3, ja4Count: 1, mimicCommonJa4: false, paymentPool: 1, paymentShare: 1, signupBurstHours: 24, emailStyle: 'disposable', benignOverlap: 0.2 },
      operator: { wrapperCount: 30, requestsPerAccountPerDay: 30 * v, activeHoursPerDay: 8, jitterSeconds: 300, temperature: 1, maxTokens: 1024 },
    },
    {
      role: 'logprob_probe', id: 'logit-prober', accounts: count(4, f, 2), startDay: 1, endDay: last, topLogprobs: 20, biasTokensPerRequest: 30, choices: 4,
      infra: { proxyKind: 'hosting', subnets: 1, ja4Count: 1, mimicCommonJa4: true, paymentPool: 1, paymentShare: 1, signupBurstHours: 2, emailStyle: 'webmail', benignOverlap: 0 },
      operator: { wrapperCount: 4, requestsPerAccountPerDay: 200 * v, activeHoursPerDay: 24, jitterSeconds: 2, temperature: 1, maxTokens: 1 },
    },
  ];
  if (scale !== 'small') {
    // A second reasoning sweep with a different operator: coding bank, hosting proxies, tighter timing.
    campaigns.push({
      role: 'reasoning_harvest', id: 'cot-sweep-b', accounts: count(16, f, 4), startDay: 3, endDay: last, bank: 'code', multiChoiceShare: 0.1, thinkingShare: 0.2,
      infra: { proxyKind: 'hosting', subnets: 2, ja4Count: 2, mimicCommonJa4: true, paymentPool: 2, paymentShare: 0.5, signupBurstHours: null, emailStyle: 'custom', benignOverlap: 0 },
      operator: { wrapperCount: 10, requestsPerAccountPerDay: 110 * v, activeHoursPerDay: 16, jitterSeconds: 30, temperature: 0.9, maxTokens: 6000 },
    });
  }
  return {
    scale,
    seed,
    start: '2026-03-02T00:00:00.000Z',
    days,
    models: { ...MODELS, release: { ...MODELS.release, atDay: releaseDay } },
    errorRate: 0.012,
    benign: {
      humanChat: { accounts: count(3800, f, 200), sessionsPerDayMedian: 0.35, turnsPerSessionMean: 3.5, thinkSecondsMedian: 70, playgroundShare: 0.25, releaseAdoptionPerDay: 0.04 },
      appBackend: { accounts: count(10, f, 2), peakRequestsPerHourMedian: 160 * v * v, multiTurnShare: 0.3 },
      batchJob: { accounts: count(8, f, 2), runsPerAccount: Math.max(2, Math.floor(days * 0.7)), itemsPerRunMedian: 1600 * v, maxTokens: 8, itemsPerSecond: 4 },
      benchmarkRun: { accounts: count(3, f, 1), problemsPerRun: Math.round(1319 * Math.min(1, 1.3 * v)), stepByStepShare: 0.6, requestsPerSecond: 0.6 },
      officeTeam: { teams: count(10, f, 2), membersMin: 10, membersMax: scale === 'small' ? 20 : 50, requestsPerWorkdayMedian: 7, sharedCardShare: 0.5 },
      education: { accounts: count(500, f, 30), campuses: count(5, f, 2), requestsPerDayMedian: 1.2, breakShare: 0.15 },
      codingAgent: { accounts: count(80, f, 6), sessionsPerDayMedian: 1.5, stepsPerSessionMean: 18, maxHistoryTurns: 14 },
    },
    campaigns,
  };
}
