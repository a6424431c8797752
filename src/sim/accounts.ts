/**
 * Account metadata (what the provider knew at sign-up) and the unique ids of a run. Ids are bijective
 * hashes of counters: unique by construction, reproducible, and they say nothing about the role.
 */
import type { AccountInfo } from '../core/traffic-event.ts';
import { hex32, mix32, type Rng } from './random.ts';
import { COMPANY_WORDS } from './prompts/lexicon.ts';
import type { Role, SimAccount } from './types.ts';

export class IdFactory {
  private accounts = 0;
  private keys = 0;
  private events = 0;
  private payments = 0;
  private readonly salt: number;

  constructor(seed: number) {
    this.salt = mix32(seed ^ 0x5bd1e995);
  }

  private id(counter: number, lane: number): string {
    return hex32(mix32((counter ^ this.salt) + lane) ^ this.salt) + hex32(mix32(counter + lane * 0x9e3779b9));
  }

  account(): string {
    return `org_${this.id(this.accounts++, 1)}`;
  }

  key(): string {
    return `key_${this.id(this.keys++, 2)}`;
  }

  event(): string {
    return `evt_${this.id(this.events++, 3)}`;
  }

  /** An opaque payment-instrument hash, as a payment processor would hand it over. */
  payment(): string {
    return `pm_${this.id(this.payments++, 4)}`;
  }
}

const WEBMAIL = ['gmail.com', 'gmail.com', 'gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'icloud.com', 'proton.me', 'gmx.de', 'qq.com', 'naver.com', 'mail.ru'];
const TLDS = ['com', 'io', 'ai', 'co', 'dev', 'net', 'tech'];
const EDU = ['state.edu', 'tech.edu', 'ox.ac.uk', 'ucl.ac.uk', 'tum.de', 'uva.nl', 'unimelb.edu.au', 'university.edu'];

export function webmailDomain(rng: Rng): string {
  return rng.pick(WEBMAIL);
}

export function companyDomain(rng: Rng): string {
  return `${rng.pick(COMPANY_WORDS)}${rng.pick(COMPANY_WORDS)}.${rng.pick(TLDS)}`;
}

export function disposableDomain(rng: Rng): string {
  return `${rng.pick(['temp', 'fast', 'mail', 'inbox', 'drop', 'box'])}${rng.pick(['mail', 'box', 'post', 'zone'])}${rng.int(1, 99)}.${rng.pick(['xyz', 'top', 'site', 'online', 'click'])}`;
}

export function eduDomain(rng: Rng, campus: number): string {
  return `${rng.chance(0.4) ? 'student.' : ''}${EDU[campus % EDU.length]}`;
}

export interface AccountSpec {
  role: Role;
  campaignId: string | null;
  createdAt: number;
  emailDomain: string;
  payment: string;
  signupIp: string;
  tier: NonNullable<AccountInfo['tier']>;
  verified: boolean;
  keys: number;
}

export function createAccount(ids: IdFactory, spec: AccountSpec): SimAccount {
  const keyIds: string[] = [];
  for (let i = 0; i < Math.max(1, spec.keys); i++) keyIds.push(ids.key());
  return {
    id: ids.account(),
    role: spec.role,
    campaignId: spec.campaignId,
    keyIds,
    info: {
      created_at: new Date(spec.createdAt).toISOString(),
      email_domain: spec.emailDomain,
      payment_fingerprint: spec.payment,
      signup_ip: spec.signupIp,
      tier: spec.tier,
      verified: spec.verified,
    },
  };
}

const DAY = 86_400_000;

/** A sign-up time for an established account: weeks to years before the run. */
export function agedSignup(rng: Rng, startMs: number): number {
  return startMs - Math.round(rng.range(14, 900) * DAY + rng.range(0, DAY));
}
