/**
 * A bounded list of the accounts sharing one value (a template family, a card, a /24): the first few
 * members and a ring of the most recent, plus an exact count. Linking a newcomer to a few members is
 * enough to connect it to the group, so the list never needs to hold everyone.
 */
export interface MemberList {
  count: number;
  first: number[];
  recent: number[];
}

const FIRST = 8;
const RECENT = 24;

export function createMemberList(): MemberList {
  return { count: 0, first: [], recent: [] };
}

/** Adds `account` (call once per account and value). */
export function addMember(list: MemberList, account: number): void {
  list.count++;
  if (list.first.length < FIRST) list.first.push(account);
  else if (list.recent.length < RECENT) list.recent.push(account);
  else list.recent[(list.count - FIRST - 1) % RECENT] = account;
}

/** Calls `visit` for every kept member. */
export function forEachMember(list: MemberList, visit: (account: number) => void): void {
  for (const account of list.first) visit(account);
  for (const account of list.recent) visit(account);
}

/**
 * How much sharing a value says about two accounts, 0..1: an inverse document frequency over
 * accounts. A value held by at most 1/RARITY_SPAN of all accounts counts fully; one held by
 * everyone counts nothing (common boilerplate, a popular SDK's TLS fingerprint, a webmail domain).
 */
export function rarity(count: number, accounts: number): number {
  const reference = Math.max(accounts, RARITY_MIN_ACCOUNTS);
  const idf = Math.log(reference / Math.max(count, 1)) / Math.log(RARITY_SPAN);
  return idf <= 0 ? 0 : idf >= 1 ? 1 : idf;
}
const RARITY_SPAN = 50;
/** Early in a stream few accounts are known; without a floor every value would look common. */
const RARITY_MIN_ACCOUNTS = 1000;
