/**
 * A stand-in engine for the analyze and evaluate tests: flags every account whose id contains "bad" as
 * member of campaign "c-bad" from its second event on, and records what it was fed so tests can check order.
 */
import type { AccountAssessment, Campaign, Engine, EngineOptions } from '../engine/types.ts';
import type { TrafficEvent } from '../core/traffic-event.ts';
import { CAPABILITIES, type Capability, type Signals } from '../signals/types.ts';

export interface FakeEngine extends Engine {
  fed: string[];
  options: EngineOptions;
  signalsGiven: number;
}

export function createFakeEngine(options: EngineOptions = {}): FakeEngine {
  const accounts = new Map<string, AccountAssessment>();
  const fed: string[] = [];
  let lastMs = -Infinity;
  let from: number | null = null;
  let to: number | null = null;
  let campaign: Campaign | undefined;
  let campaignEvents = 0;
  const engine: FakeEngine = {
    fed,
    options,
    signalsGiven: 0,
    ingest(event: TrafficEvent, signals) {
      const ms = Date.parse(event.ts);
      if (ms < lastMs) throw new Error(`out of order: ${event.id}`);
      lastMs = ms;
      from ??= ms;
      to = ms;
      fed.push(event.id);
      if (signals !== undefined) engine.signalsGiven++;
      const account = accounts.get(event.account_id)
        ?? { accountId: event.account_id, risk: 0.05, verdict: 'benign', campaignId: null, firstFlaggedAt: null, events: 0, signals: [] };
      account.events++;
      accounts.set(event.account_id, account);
      if (!event.account_id.includes('bad')) return;
      campaignEvents++;
      if (account.events < 2) return;
      if (account.verdict !== 'campaign') {
        Object.assign(account, { verdict: 'campaign', risk: 0.9, campaignId: 'c-bad', firstFlaggedAt: ms, signals: [{ name: 'template_share', value: 0.8, detail: 'shared' }] });
      }
      campaign ??= {
        id: 'c-bad', accounts: [], score: 0.9, firstSeen: from, detectedAt: ms, eventsBeforeDetection: campaignEvents - 1,
        techniques: ['template_sweep'], targets: ['math'], evidence: [{ kind: 'shared_template', detail: `same skeleton across ${event.account_id}` }],
      };
      if (!campaign.accounts.includes(event.account_id)) campaign.accounts.push(event.account_id);
    },
    assess: (accountId) => accounts.get(accountId),
    snapshot: () => ({ accounts: [...accounts.values()], campaigns: campaign === undefined ? [] : [campaign], events: fed.length, from, to }),
  };
  return engine;
}

/** Cheap stand-in signals: the skeleton is the first user message with digits masked. */
export function fakeSignalsOf(event: TrafficEvent): Signals {
  const messages = event.request['messages'];
  const first: unknown = Array.isArray(messages) ? messages[0] : undefined;
  const content = typeof first === 'object' && first !== null && 'content' in first ? String(first.content) : '';
  const capability = Object.fromEntries(CAPABILITIES.map((area) => [area, 0])) as Record<Capability, number>;
  return {
    reasoning_elicitation: 0, jailbreak: 0, prompt_extraction: 0, rubric_harvest: 0,
    harvest_params: { score: 0, reasons: [] }, capability, language: 'en',
    template: { minhash: new Uint32Array(0), simhash: '0', lshKeys: [], skeleton: content.replace(/\d+/g, '<num>') },
  };
}
