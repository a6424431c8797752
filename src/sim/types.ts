/**
 * The simulator's own model of traffic: accounts with ground truth, and request plans that the wire
 * layer (wire.ts) turns into provider-format bodies. Populations only decide *what* is asked and
 * *when*; they never build JSON.
 */
import type { AccountInfo, ClientInfo } from '../core/traffic-event.ts';

export const BENIGN_ROLES = [
  'human_chat',
  'app_backend',
  'batch_job',
  'benchmark_run',
  'office_team',
  'education',
  'coding_agent',
] as const;

export const CAMPAIGN_ROLES = [
  'reseller_mixed',
  'reasoning_harvest',
  'rubric_harvest',
  'low_and_slow',
  'rotation_worker',
  'model_pivot',
  'jailbreak_probe',
  'logprob_probe',
] as const;

export type BenignRole = (typeof BENIGN_ROLES)[number];
export type CampaignRole = (typeof CAMPAIGN_ROLES)[number];
export type Role = BenignRole | CampaignRole;

/** One simulated account, with the ground truth written to labels.jsonl. */
export interface SimAccount {
  id: string;
  role: Role;
  campaignId: string | null;
  info: AccountInfo;
  keyIds: string[];
}

/** The label line for one account (schemas/simulation-labels.schema.json). */
export interface AccountLabel {
  account_id: string;
  campaign_id: string | null;
  role: Role;
}

export type Api = 'chat' | 'responses' | 'messages' | 'embeddings';

export type Turn =
  | { kind: 'user'; text: string }
  | { kind: 'assistant'; text: string }
  | { kind: 'tool_call'; callId: string; name: string; arguments: Record<string, string> }
  | { kind: 'tool_result'; callId: string; text: string };

export interface ToolDef {
  name: string;
  description: string;
  /** Parameter names, all strings: enough for realistic JSON schemas without bloating events. */
  parameters: string[];
}

export interface RequestParams {
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  n?: number;
  stream?: boolean;
  logprobs?: boolean;
  topLogprobs?: number;
  logitBias?: Record<string, number>;
  tools?: ToolDef[];
  jsonOutput?: boolean;
  reasoningEffort?: 'low' | 'medium' | 'high';
  thinkingBudget?: number;
  seed?: number;
  /** OpenAI `user`: an app's own end-user id. */
  endUser?: string;
}

/** What the answer looks like; the wire layer writes procedural text of this kind. */
export type ReplyStyle =
  | 'chat'
  | 'steps'
  | 'code'
  | 'label'
  | 'grade'
  | 'refusal'
  | 'leak'
  | 'token'
  | 'tool_call'
  | 'essay';

export interface ReplyPlan {
  style: ReplyStyle;
  /** Output length to report, in tokens (the written text is shorter: it only has to look real). */
  outputTokens: number;
  reasoningTokens?: number;
  /** For `label` and `grade`: the literal answer. */
  literal?: string;
  /** For `tool_call`: which tool the model calls. */
  toolName?: string;
}

/** One request an actor decides to send. */
export interface RequestPlan {
  /** Arrival time, epoch milliseconds. */
  at: number;
  keyId: string;
  client: ClientInfo;
  api: Api;
  model: string;
  system?: string;
  turns: Turn[];
  params: RequestParams;
  reply: ReplyPlan;
  /** Forced HTTP status (else the wire layer draws rare 429/400 at `errorRate`). */
  status?: number;
}

/** An account together with its lazily generated, time-ordered requests. */
export interface Actor {
  account: SimAccount;
  timeline: Iterator<RequestPlan, void>;
  /** Chance that one request fails with 429 or 400 without being forced to. */
  errorRate: number;
}

/** A campaign's summary, returned by simulate() for reports and tests. */
export interface CampaignSummary {
  id: string;
  role: CampaignRole;
  accounts: number;
}
