/**
 * A handful of hand-made features that carry across data sources where hashed n-grams do not: the
 * shape of optimiser-made suffixes (GCG, random search), token spam, and the few phrases every override
 * or extraction attempt needs whatever its wording. Each value is in [0, 1]. They are computed on the
 * lowercased classifier text; the regular expressions are linear (no nested quantifiers over the same
 * characters) so a hostile prompt cannot make them slow.
 */
import { avalanche, FNV_OFFSET, fnvStep } from './hash.ts';

export const DENSE_FEATURE_NAMES = [
  'odd_token_share',
  'symbol_density_tail',
  'top_token_share',
  'override_phrase',
  'role_play_framing',
  'unrestricted_persona',
  'secret_mention',
  'reveal_secret_request',
  'response_prefix_forcing',
  'decoded_instruction',
  'reasoning_reveal_request',
  'thinking_tags_or_language',
  'grading_request',
  'candidate_responses',
  'log_length',
] as const;

export type DenseFeatureName = (typeof DENSE_FEATURE_NAMES)[number];
export const DENSE_FEATURE_COUNT = DENSE_FEATURE_NAMES.length;

const OVERRIDE =
  /\b(?:ignore|disregard|forget|override|bypass|skip)\b[^.\n]{0,40}\b(?:previous|prior|above|earlier|preceding|all|any|your|the)\b[^.\n]{0,30}\b(?:instructions?|rules?|directions?|prompts?|guidelines?|constraints?|programming|restrictions?)\b|\b(?:end|start|begin)\s+(?:of\s+)?(?:out[- ]of[- ]date\s+|new\s+|old\s+|previous\s+)?(?:instructions?|prompt|system)\b|\bnew\s+(?:instructions?|rules?)\s*:|\bsystem\s*(?:override|message|update)\s*:/;
const ROLE_PLAY =
  /\b(?:you are now|from now on|act as|acting as|pretend(?: to be| you are)?|role[- ]?play|stay in character|in character|imagine you are|you will play|you are going to (?:act|play|pretend)|hypothetical(?:ly)?|fictional|in this story|for a (?:novel|story|screenplay|movie script))\b/;
const UNRESTRICTED =
  /\b(?:no (?:ethical|moral|content) (?:guidelines|restrictions|filters|limits)|without (?:any )?(?:restrictions|filters|censorship|limits|ethics)|unfiltered|uncensored|amoral|do anything now|developer mode|jailbr(?:oken|eak)|dan mode|no longer bound|not bound by|never refuse|don'?t refuse|do not refuse|never (?:say|apologi[sz]e)|without (?:any )?warnings?)\b/;
const SECRET =
  /\b(?:system prompt|system message|pre-?prompt|hidden (?:instructions?|prompt|rules?)|initial (?:instructions?|prompt)|your (?:instructions|rules|prompt|guidelines|directives)|the (?:instructions|prompt) above|password|passcode|pass phrase|passphrase|secret (?:word|key|code|phrase)|access code|api key)\b/;
const REVEAL_SECRET =
  /\b(?:print|repeat|reveal|output|show|display|tell me|say|write (?:out|down)|list|recite|dump|leak|disclose|share|give me|provide|spell out|translate|summari[sz]e|paraphrase|copy|what (?:is|are|was|were))\b[^.\n]{0,50}\b(?:system prompt|system message|pre-?prompt|instructions?|everything (?:above|before)|all (?:text|words) above|text above|prompt above|(?:your|the) (?:prompt|rules|guidelines|directives)|password|passcode|secret|access code|first \d+ (?:words|lines|characters))\b/;
const PREFIX_FORCING =
  /\b(?:(?:start|begin|prefix|prepend|open) (?:your|the|each)? ?(?:response|reply|answer|output)s? (?:with|by)|respond (?:only )?with ["'“]|sure,? here is|say ["'“]?access granted)\b/;
const REASONING_REVEAL =
  /\b(?:reasoning|thought process|thinking|chain[- ]of[- ]thought|internal monologue|inner monologue|thoughts|rationale|scratchpad|deliberation|reasoning trace|hidden steps|intermediate steps)\b/;
const REVEAL_VERB =
  /\b(?:reveal|show|expose|write out|write down|spell out|articulate|reconstruct|output|print|dump|share|verbali[sz]e|narrate|transcribe|externali[sz]e|include|explain|walk me through|describe|lay out|think)\b/;
const THINKING_TAGS =
  /<\/?(?:think|thinking|thought|reasoning|scratchpad|cot|inner_monologue|analysis)>|\bthink (?:in|using) (?:english|chinese|spanish|french|german|japanese|korean|russian|portuguese|italian|arabic|hindi|the same language)|\b(?:reason|thinking) (?:in|language)\b[^.\n]{0,30}\b(?:language|english|chinese|same)/;
const GRADING =
  /\b(?:rate|score|grade|evaluate|judge|rank|assess)\b[^.\n]{0,60}\b(?:response|answer|output|completion|reply|submission|candidate|assistant)s?\b|\b(?:rubric|scoring criteria|score (?:of|from|between) \d|on a scale (?:of|from) \d|\d\s*(?:-|to)\s*10 scale|reward model|preference|which (?:response|answer|completion|output) is better)\b/;
const CANDIDATES =
  /\b(?:response|answer|output|completion|assistant|candidate|model) (?:a|b|1|2)\b|\[\[?(?:a|b)\]?\]|"score"\s*:|\breference answer\b|\bstudent answer\b/;

const TEST_LIMIT = 4096;

/**
 * Literal substrings at least one of which every match of the pattern contains: String.includes is far
 * cheaper than running an alternation-heavy expression over a kilobyte of benign text.
 */
function gated(pattern: RegExp, anchors: readonly string[]): (text: string) => boolean {
  return (text) => anchors.some((a) => text.includes(a)) && pattern.test(text);
}
const hasOverride = gated(OVERRIDE, ['ignor', 'disregard', 'forget', 'overrid', 'bypass', 'skip', 'end ', 'start ', 'begin ', 'new ', 'system']);
const hasRolePlay = gated(ROLE_PLAY, ['you are', 'from now', 'act', 'pretend', 'role', 'character', 'imagine', 'play', 'hypothetic', 'fiction', 'story', 'novel', 'screenplay', 'script']);
const hasUnrestricted = gated(UNRESTRICTED, ['no ', 'without', 'unfilter', 'uncensor', 'amoral', 'anything now', 'developer mode', 'jailbr', 'dan mode', 'bound', 'refuse', 'never', 'warning']);
const hasSecret = gated(SECRET, ['system', 'prompt', 'hidden', 'initial', 'instructions', 'rules', 'guidelines', 'directives', 'pass', 'secret', 'access code', 'api key']);
const hasRevealSecret = gated(REVEAL_SECRET, ['prompt', 'instruction', 'system', 'above', 'before', 'rules', 'guideline', 'directive', 'pass', 'secret', 'access code', 'first ']);
const hasPrefixForcing = gated(PREFIX_FORCING, ['with', 'by', 'sure', 'access granted']);
const hasReasoningNoun = gated(REASONING_REVEAL, ['reason', 'thought', 'thinking', 'chain', 'monologue', 'rationale', 'scratchpad', 'deliberat', 'hidden steps', 'intermediate']);
const hasThinkingTags = gated(THINKING_TAGS, ['<', 'think', 'reason']);
const hasGrading = gated(GRADING, ['rate', 'score', 'grade', 'evaluat', 'judge', 'rank', 'assess', 'rubric', 'scale', 'reward', 'preference', 'better']);
const hasCandidates = gated(CANDIDATES, ['response', 'answer', 'output', 'completion', 'assistant', 'candidate', 'model', '[a', '[b', 'score']);
const TOKEN_TABLE = 1024;
const TOKEN_KEYS = new Uint32Array(TOKEN_TABLE);
const TOKEN_COUNTS = new Uint16Array(TOKEN_TABLE);

function isWordCode(code: number): boolean {
  if (code >= 0x61 && code <= 0x7a) return true;
  if (code >= 0x30 && code <= 0x39) return true;
  if (code < 0xc0) return false;
  if (code >= 0x2000 && code <= 0x2bff) return false;
  if (code >= 0x3000 && code <= 0x303f) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return true;
}

function isVowel(code: number): boolean {
  return code === 97 || code === 101 || code === 105 || code === 111 || code === 117 || code === 121;
}

/**
 * Fills `out[offset .. offset + DENSE_FEATURE_COUNT)` from the lowercased classifier text and the
 * decoded hidden instructions. (The text layer lowercases, so case shape is not available here.)
 */
export function denseFeatures(lower: string, decoded: readonly string[], out: Float32Array, offset: number): void {
  const n = lower.length;
  // Token shape: one scan, counting tokens that no natural language spells (mixed case inside, digits
  // inside letters, long consonant runs, or glued symbols) and the most repeated token.
  let tokens = 0;
  let odd = 0;
  let tokenStart = -1;
  // Most repeated token, counted by hash in a small open-addressing table (no string allocation).
  TOKEN_KEYS.fill(0);
  TOKEN_COUNTS.fill(0);
  let top = 0;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? lower.charCodeAt(i) : 32;
    const space = code === 32 || code === 10 || code === 9 || code === 13;
    if (!space) {
      if (tokenStart < 0) tokenStart = i;
      continue;
    }
    if (tokenStart < 0) continue;
    const end = i;
    tokens++;
    let letters = 0;
    let digits = 0;
    let symbols = 0;
    let consonantRun = 0;
    let maxConsonantRun = 0;
    for (let j = tokenStart; j < end; j++) {
      const c = lower.charCodeAt(j);
      if (c >= 97 && c <= 122) {
        letters++;
        if (isVowel(c)) consonantRun = 0;
        else if (++consonantRun > maxConsonantRun) maxConsonantRun = consonantRun;
      } else if (c >= 48 && c <= 57) digits++;
      else if (!isWordCode(c)) symbols++;
    }
    const len = end - tokenStart;
    const gluedSymbols = letters > 0 && symbols >= 2 && symbols * 3 >= len;
    if ((letters > 0 && digits > 0 && letters + digits === len && len > 3) || maxConsonantRun >= 5 || gluedSymbols) odd++;
    if (tokens <= 400) {
      let h = FNV_OFFSET;
      for (let j = tokenStart; j < end; j++) h = fnvStep(h, lower.charCodeAt(j));
      const key = (avalanche(h) | 1) >>> 0;
      let slot = key & (TOKEN_TABLE - 1);
      while (TOKEN_KEYS[slot] !== 0 && TOKEN_KEYS[slot] !== key) slot = (slot + 1) & (TOKEN_TABLE - 1);
      TOKEN_KEYS[slot] = key;
      const count = (TOKEN_COUNTS[slot] ?? 0) + 1;
      TOKEN_COUNTS[slot] = count;
      if (count > top) top = count;
    }
    tokenStart = -1;
  }
  // Symbol density over the last 160 characters: optimiser suffixes sit at the end of the prompt.
  const tailStart = Math.max(0, n - 160);
  let tailSymbols = 0;
  for (let i = tailStart; i < n; i++) {
    const c = lower.charCodeAt(i);
    if (c !== 32 && c !== 10 && !isWordCode(c)) tailSymbols++;
  }
  const head = n > TEST_LIMIT ? lower.slice(0, TEST_LIMIT) : lower;
  let decodedInstruction = 0;
  for (const text of decoded) {
    const d = text.toLowerCase();
    if (hasOverride(d) || hasSecret(d) || hasUnrestricted(d) || hasRevealSecret(d)) decodedInstruction = 1;
    else if (d.length >= 12 && decodedInstruction < 0.5) decodedInstruction = 0.5;
  }
  const reasoningNoun = hasReasoningNoun(head);
  out[offset + 0] = tokens === 0 ? 0 : odd / tokens;
  out[offset + 1] = n === 0 ? 0 : tailSymbols / (n - tailStart);
  out[offset + 2] = tokens < 8 ? 0 : top / Math.min(tokens, 400);
  out[offset + 3] = hasOverride(head) ? 1 : 0;
  out[offset + 4] = hasRolePlay(head) ? 1 : 0;
  out[offset + 5] = hasUnrestricted(head) ? 1 : 0;
  out[offset + 6] = hasSecret(head) ? 1 : 0;
  out[offset + 7] = hasRevealSecret(head) ? 1 : 0;
  out[offset + 8] = hasPrefixForcing(head) ? 1 : 0;
  out[offset + 9] = decodedInstruction;
  out[offset + 10] = reasoningNoun && REVEAL_VERB.test(head) ? 1 : reasoningNoun ? 0.5 : 0;
  out[offset + 11] = hasThinkingTags(head) ? 1 : 0;
  out[offset + 12] = hasGrading(head) ? 1 : 0;
  out[offset + 13] = hasCandidates(head) ? 1 : 0;
  out[offset + 14] = Math.min(1, Math.log1p(n) / 9);
}
