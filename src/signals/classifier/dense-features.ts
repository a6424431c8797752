/**
 * Hand-made features that carry across data sources where hashed n-grams do not: the shape of
 * optimiser-made suffixes (GCG, random search) and token spam, harmful-intent vocabulary and the framing
 * that wraps it (role play, persuasion), and the few phrases every override or extraction attempt needs
 * whatever its wording. Each value is in [0, 1].
 *
 * Cost: everything is gathered during the single character pass of features.ts (PassStats): each word
 * is looked up once in LEXICON, a small open-addressing table keyed by the word hash and by its 5- and
 * 7-character prefix hashes, which yields the regex anchor flags, harm categories and framing words. A
 * regular expression then runs only when one of its anchor words was seen (every match of the pattern
 * contains one) and, where those are everyday words, when the words of one of its alternatives were seen
 * together (the tight gates below), so benign text usually runs none. The expressions are linear (no nested quantifiers
 * over the same characters), so a hostile prompt cannot make them slow.
 */
import { avalanche, Fnv, fnvStep } from './hash.ts';

export const DENSE_FEATURE_NAMES = [
  'odd_token_share',
  'symbol_density_tail',
  'top_word_share',
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
  'harm_terms',
  'harm_categories',
  'harm_with_framing',
  'harm_density',
  'persuasion_framing',
  'mixed_symbol_token_share',
  'symbol_run_rate',
  'repeated_word_ratio',
  'long_token_share',
  'say_only_hijack',
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
  /\b(?:response|answer|output|completion|assistant|candidate|model) (?:b|2)\b|\[\[?(?:a|b)\]?\]|"score"\s*:|\breference answer\b|\bstudent answer\b/;

/** Hijack phrasing: make the model print a fixed phrase and nothing else. */
const SAY_ONLY =
  /\b(?:say|print|output|reply with|respond with|answer with|write)\b[^.\n]{0,60}\b(?:and nothing else|nothing else|only|exactly|verbatim|as your (?:entire|whole|only) (?:reply|response|answer))\b|\b(?:only|just) (?:say|print|output|reply|respond|write)\b|\baccess granted\b/;

const TEST_LIMIT = 4096;

// ---- the word lexicon: regex anchors, harm categories, framing words ----

/**
 * The flags and lexicon constants the classifier's word pass (features.ts) reads at every word, as a const enum so
 * that the bundle writes them as literals (a module-level const is a module variable there, which V8 reloads and
 * checks at every use). Their bits sit among the other flags below, where a comment marks each.
 */
export const enum Lex {
  /** Anchor flag, also set by the token pass on '<'. */
  CHAR_FLAG_LT = 1 << 12,
  /** Anchor flag, also set by the token pass on '['. */
  CHAR_FLAG_BRACKET = 1 << 14,
  /** Persuasion / legitimacy framing words (education, research, fiction, urgency). */
  F_PERSUASION = 1 << 17,
  F_SCORE = 1 << 22,
  /** Gate set by the word pass: a one-letter word "a" or "b" right after '[' (CANDIDATES' "[[a]]", "[b]"). */
  G_BRACKETED_AB = 1 << 6,
  /** Gate set by the word pass: the word "score" between double quotes (CANDIDATES' '"score":'). */
  G_QUOTED_SCORE = 1 << 7,
  /** Gate of THINKING_TAGS' tag words (see its gates below). */
  G_TAG_WORD = 1 << 29,
  /** Slots of the lexicon table. */
  SIZE = 4096,
  /** Seeds that separate the three key kinds of one word: the whole word, its 5- and its 7-character prefix. */
  PREFIX5_SEED = 0x2545f491,
  PREFIX7_SEED = 0x68e31da4,
}

/**
 * Anchor flags. A pattern runs only when both of its flags are set: its A flag (a word every match
 * contains, usually the verb or the first word) and its B flag (another word every match contains,
 * usually the object); single-flag patterns use the same bit twice.
 */
const O_A = 1 << 0;
const O_B = 1 << 1;
const F_ROLE_PLAY = 1 << 2;
const F_UNRESTRICTED_A = 1 << 3;
const F_UNRESTRICTED_B = 1 << 4;
const S_A = 1 << 5;
const S_B = 1 << 6;
const R_A = 1 << 7;
const R_B = 1 << 8;
const P_A = 1 << 9;
const P_B = 1 << 10;
const F_REASONING = 1 << 11;
// 1 << 12: Lex.CHAR_FLAG_LT
const F_THINK_TAGS = Lex.CHAR_FLAG_LT;
const F_GRADING = 1 << 13;
// 1 << 14: Lex.CHAR_FLAG_BRACKET
const Y_A = 1 << 15;
const Y_B = 1 << 16;
// 1 << 17: Lex.F_PERSUASION
const C_A = 1 << 18;
const C_B = 1 << 19;
const D_A = 1 << 20;
const D_B = 1 << 21;
// 1 << 22: Lex.F_SCORE

/**
 * Anchor words per flag. "stem*" matches any word starting with the stem (stems match on their first 7
 * characters if they have 7+, else on their first 5: the prefix lengths hashed during the pass); a bare
 * word matches only itself. Words split at anything that is not a letter or digit, like the tokenizer of
 * features.ts. Checked against every alternative of each pattern (dense-features.test.ts).
 */
const ANCHORS: ReadonlyArray<readonly [number, string]> = [
  [O_A, 'ignor* disre* forge* overr* bypas* skip end start begin new syste*'],
  [O_B, 'instr* rule rules* direc* promp* guide* const* progr* restr* syste* overr* messa* updat*'],
  [F_ROLE_PLAY, 'now act actin* prete* role rolep* chara* imagi* play going hypot* ficti* story novel* scree* scrip*'],
  [F_UNRESTRICTED_A, 'no without unfil* uncen* amora* anyth* devel* jailb* dan not never don do'],
  [F_UNRESTRICTED_B, 'guide* restr* filte* censo* limit* ethic* warni* unfil* uncen* amora* now mode jailb* bound refus* say apolo*'],
  [S_A, 'syste* pre prepr* hidde* initi* your the passw* passc* pass passp* secre* acces* api'],
  [S_B, 'promp* messa* instr* rule rules* guide* direc* passw* passc* phras* passp* secre* acces* api prepr*'],
  [R_A, 'print* repea* revea* outpu* show displ* tell say write list recit* dump leak discl* share give provi* spell trans* summa* parap* copy what'],
  [R_B, 'syste* pre prepr* instr* above befor* promp* rules* guide* direc* passw* passc* secre* acces* first'],
  [P_A, 'start begin prefi* prepe* open respo* sure say'],
  [P_B, 'respo* reply answe* outpu* sure grant*'],
  [F_REASONING, 'reaso* thoug* think* chain monol* ratio* scrat* delib* steps'],
  [F_THINK_TAGS, 'think* reaso*'],
  [F_GRADING, 'rate score* grade* evalu* judge* rank asses* rubri* scori* scale* rewar* prefe* bette*'],
  [C_A, 'respo* answe* outpu* compl* assis* candi* model*'],
  [C_B, 'b 2'],
  [D_A, 'refer* stude*'],
  [D_B, 'answe*'],
  [Lex.F_SCORE, 'score*'],
  [Y_A, 'say print* outpu* reply respo* answe* write only just acces*'],
  [Y_B, 'nothi* only exact* verba* entir* whole say print* outpu* reply respo* write grant*'],
  [Lex.F_PERSUASION, 'educa* academ* researc* hypot* ficti* novel* scree* grand* purely theor* profe* exper* scena* prete* imagi* rolep* story thriller villa* chara* urgen* emergen* please desperate lives life depends'],
];

/**
 * The two-word patterns, as (A flag, B flag, span): in every match an A word starts at most span
 * characters before a B word starts (the same word may be both). The span is the longest gap the
 * pattern allows between them, rounded up (the text layer collapses whitespace runs, so "\\s+" is one
 * character there). The pass records, per pair, whether that happened (PassStats.near, bit i for pair
 * i) and where; the pattern runs only then, and only from there.
 */
const PAIRS: ReadonlyArray<readonly [number, number, number]> = [
  // verb {0,40} word {0,30} object
  [O_A, O_B, 160],
  // "no ethical guidelines", "without any restrictions", "do anything now", "don't refuse"
  [F_UNRESTRICTED_A, F_UNRESTRICTED_B, 24],
  // "system prompt", "the instructions above", "pass phrase"
  [S_A, S_B, 20],
  // verb {0,50} object
  [R_A, R_B, 100],
  // "start your response with", 'say "access granted"'
  [P_A, P_B, 28],
  // verb {0,60} "nothing else"
  [Y_A, Y_B, 110],
  // "response b", "answer 2"
  [C_A, C_B, 14],
  // "reference answer", "student answer"
  [D_A, D_B, 14],
];
const PAIR_OVERRIDE = 0;
const PAIR_UNRESTRICTED = 1;
const PAIR_SECRET = 2;
const PAIR_REVEAL = 3;
const PAIR_PREFIX = 4;
const PAIR_SAY_ONLY = 5;
const NEAR_CANDIDATE = 1 << 6;
const NEAR_REFERENCE = 1 << 7;
export const PAIR_COUNT = PAIRS.length;

/** A list of (A flag, B flag, span) pairs over one flag word, as updateNear reads it. */
export interface PairTable {
  a: Int32Array;
  b: Int32Array;
  spans: Int32Array;
  /** Every flag of every pair: words without one skip the table. */
  mask: number;
  /** Per flag bit: the pairs (bit i for pair i) it is the A or B flag of, so a word visits only those. */
  pairsOfFlag: Int32Array;
}

function pairTable(pairs: ReadonlyArray<readonly [number, number, number]>): PairTable {
  const pairsOfFlag = new Int32Array(32);
  pairs.forEach(([a, b], i) => {
    for (let bit = 0; bit < 32; bit++) if (((a | b) & (1 << bit)) !== 0) pairsOfFlag[bit] = pairsOfFlag[bit]! | (1 << i);
  });
  return {
    a: Int32Array.from(pairs, ([a]) => a),
    b: Int32Array.from(pairs, ([, b]) => b),
    spans: Int32Array.from(pairs, ([, , span]) => span),
    mask: pairs.reduce((mask, [a, b]) => mask | a | b, 0),
    pairsOfFlag,
  };
}

export const ANCHOR_PAIRS = pairTable(PAIRS);
const PAIR_SPANS = ANCHOR_PAIRS.spans;

/**
 * Called by the word pass for each word with flags `lex` (of the word `table` reads) starting at
 * `position`; `lastA` (one entry per pair, initially very negative) keeps where each pair's last A word
 * started. Returns the updated near bits.
 */
export function updateNear(table: PairTable, lex: number, position: number, lastA: Int32Array, firstB: Int32Array, near: number): number {
  let flags = lex & table.mask;
  if (flags === 0) return near;
  const { a, b, spans, pairsOfFlag } = table;
  let pairs = 0;
  for (; flags !== 0; flags &= flags - 1) pairs |= pairsOfFlag[31 - Math.clz32(flags & -flags)]!;
  for (; pairs !== 0; pairs &= pairs - 1) {
    const i = 31 - Math.clz32(pairs & -pairs);
    if ((lex & a[i]!) !== 0) lastA[i] = position;
    if ((lex & b[i]!) !== 0 && position - lastA[i]! <= spans[i]! && (near & (1 << i)) === 0) {
      near |= 1 << i;
      firstB[i] = position;
    }
  }
  return near;
}

// ---- tight gates: which alternative of an expression can match ----

/**
 * The anchor flags above open an expression on any of its words, and some of them are everyday words
 * ("now", "play", "only", "write", "score", "steps", "["), so benign text runs most expressions over its
 * whole length. A second flag word per lexicon entry (LEX_GATES) gates them tighter, alternative by
 * alternative: an exact word every match of the alternative contains (G_*_WORD), or two words every match
 * contains, the first at most `span` characters before the second (the pairs of GATE_PAIRS; the spans are
 * exact, for these alternatives are literal, without \s+). An expression then runs only when its anchor
 * gate and its tight gate are both open.
 *
 * Why the values do not change: a match's words are lexicon words as they stand in the match, unless a
 * non-ASCII letter is glued to them ("sayé": \b splits it, the lexicon does not; PassStats.glued), and then
 * only the anchor gates are used. Otherwise every match opens its tight gate, and an expression that
 * matches gives 1 both ways; one that does not gives 0 both ways.
 */
// SAY_ONLY: verb {0,60} "nothing else" ("respond with" (12) {0,60} "as your " (8) "entire": 80);
// "only say", "just respond" (5); "access granted" (7).
const G_SAY_VERB = 1 << 0;
const G_SAY_END = 1 << 1;
const G_ONLY = 1 << 2;
const G_ONLY_VERB = 1 << 3;
const G_ACCESS = 1 << 4;
const G_GRANTED = 1 << 5;
// 1 << 6: Lex.G_BRACKETED_AB; 1 << 7: Lex.G_QUOTED_SCORE
// ROLE_PLAY: "you are now", "from now on", "role play", "you will play" (5); "act as", "acting as" (7);
// "going to act|play" (9); "in character", "imagine you are" (8); "in this story", "for a novel" (6).
const G_RP_NOW_A = 1 << 8;
const G_RP_NOW_B = 1 << 9;
const G_RP_AS_A = 1 << 10;
const G_RP_AS_B = 1 << 11;
const G_RP_GOING = 1 << 12;
const G_RP_GOING_B = 1 << 13;
const G_RP_IN_A = 1 << 14;
const G_RP_IN_B = 1 << 15;
const G_RP_STORY_A = 1 << 16;
const G_RP_STORY_B = 1 << 17;
const G_RP_WORD = 1 << 18;
// GRADING: verb {0,60} object ("evaluate" (8) {0,60}: 68); "score of|from|between" (6); "reward model",
// "which completion is better" (20); rubric, scoring (criteria), preference, scale.
const G_GR_VERB = 1 << 19;
const G_GR_OBJECT = 1 << 20;
const G_GR_WORD = 1 << 21;
const G_GR_SCORE = 1 << 22;
const G_GR_SCORE_B = 1 << 23;
const G_GR_WHICH = 1 << 24;
const G_GR_WHICH_B = 1 << 25;
// REASONING_REVEAL: its single words; "thought process", "chain of thought", "hidden steps",
// "intermediate steps" (13).
const G_RS_WORD = 1 << 26;
const G_RS_A = 1 << 27;
const G_RS_B = 1 << 28;
// THINKING_TAGS: a tag word (1 << 29: Lex.G_TAG_WORD; the word pass keeps this flag only on a tag word right after
// '<' or '</': "<think>", "</inner_monologue>"). "think in", "thinking in", "reason in", "thinking language" (9).
const G_TT_A = 1 << 30;
const G_TT_B = 1 << 31;

/** Tight-gate words per flag, written as in ANCHORS (a bare word matches only itself). */
const GATE_ANCHORS: ReadonlyArray<readonly [number, string]> = [
  [G_SAY_VERB, 'say print* outpu* reply respo* answe* write'],
  [G_SAY_END, 'nothi* only exact* verba* entir* whole'],
  [G_ONLY, 'only just'],
  [G_ONLY_VERB, 'say print* outpu* reply respo* write'],
  [G_ACCESS, 'acces*'],
  [G_GRANTED, 'grant*'],
  [G_RP_NOW_A, 'are from role will'],
  [G_RP_NOW_B, 'now play'],
  [G_RP_AS_A, 'act acting'],
  [G_RP_AS_B, 'as'],
  [G_RP_GOING, 'going'],
  [G_RP_GOING_B, 'act play'],
  [G_RP_IN_A, 'in imagine'],
  [G_RP_IN_B, 'character you'],
  [G_RP_STORY_A, 'this for'],
  [G_RP_STORY_B, 'story novel screenplay movie'],
  [G_RP_WORD, 'pretend roleplay hypothetical hypothetically fictional'],
  [G_GR_VERB, 'rate score grade evaluate judge rank assess'],
  [G_GR_OBJECT, 'response responses answer answers output outputs completion completions reply replys submission submissions candidate candidates assistant assistants'],
  [G_GR_WORD, 'rubric scoring preference scale'],
  [G_GR_SCORE, 'score'],
  [G_GR_SCORE_B, 'of from between'],
  [G_GR_WHICH, 'reward which'],
  [G_GR_WHICH_B, 'model better'],
  [G_RS_WORD, 'reasoning thinking thoughts rationale scratchpad deliberation monologue'],
  [G_RS_A, 'thought chain hidden intermediate'],
  [G_RS_B, 'process of steps'],
  [Lex.G_TAG_WORD, 'think thinking thought reasoning scratchpad cot inner analysis'],
  [G_TT_A, 'think reason thinking'],
  [G_TT_B, 'in using language'],
];

const GATE_PAIR_LIST: ReadonlyArray<readonly [number, number, number]> = [
  [G_SAY_VERB, G_SAY_END, 80],
  [G_ONLY, G_ONLY_VERB, 5],
  [G_ACCESS, G_GRANTED, 7],
  [G_RP_NOW_A, G_RP_NOW_B, 5],
  [G_RP_AS_A, G_RP_AS_B, 7],
  [G_RP_GOING, G_RP_GOING_B, 9],
  [G_RP_IN_A, G_RP_IN_B, 8],
  [G_RP_STORY_A, G_RP_STORY_B, 6],
  [G_GR_VERB, G_GR_OBJECT, 68],
  [G_GR_SCORE, G_GR_SCORE_B, 6],
  [G_GR_WHICH, G_GR_WHICH_B, 20],
  [G_RS_A, G_RS_B, 13],
  [G_TT_A, G_TT_B, 9],
];
export const GATE_PAIRS = pairTable(GATE_PAIR_LIST);
export const GATE_PAIR_COUNT = GATE_PAIR_LIST.length;
/** Near bits of GATE_PAIRS per expression (bit i for GATE_PAIR_LIST[i]). */
const GATE_PAIRS_SAY_ONLY = [0, 1, 2] as const;
const GATE_NEAR_ROLE_PLAY = 0b11111 << 3;
const GATE_NEAR_GRADING = 0b111 << 8;
const GATE_NEAR_REASONING = 1 << 11;
const GATE_NEAR_THINKING = 1 << 12;

/**
 * Whether pair `pair`'s pattern matches. Every match has its B word at or after the pair's first near B
 * word, and its A word at most the pair's span before its B word, so the search starts that far before the
 * first B word (backed up to a word start, so that \b means what it meant in the whole text).
 */
function pairTest(pattern: RegExp, text: string, stats: PassStats, pair: number): boolean {
  if ((stats.near & (1 << pair)) === 0) return false;
  let start = Math.max(0, stats.firstB[pair]! - PAIR_SPANS[pair]! - 1);
  while (start > 0 && isAsciiWordChar(text.charCodeAt(start - 1))) start--;
  return pattern.test(start === 0 ? text : text.slice(start));
}

/**
 * Whether `pattern` matches, when each of its alternatives has its own gate pair in `pairs`, its A word
 * where the match starts: every match then starts after the earliest of their first near B words less
 * their spans.
 */
function gatePairsTest(pattern: RegExp, text: string, stats: PassStats, pairs: readonly number[]): boolean {
  let start = -1;
  for (const pair of pairs) {
    if ((stats.gateNear & (1 << pair)) === 0) continue;
    const from = Math.max(0, stats.gateFirstB[pair]! - GATE_PAIRS.spans[pair]! - 1);
    if (start < 0 || from < start) start = from;
  }
  if (start < 0) return false;
  while (start > 0 && isAsciiWordChar(text.charCodeAt(start - 1))) start--;
  return pattern.test(start === 0 ? text : text.slice(start));
}

function isAsciiWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || (code >= 65 && code <= 90);
}

/**
 * Harmful-intent vocabulary by category, written for this project from general knowledge of what
 * jailbreaks try to obtain. A word may be benign on its own (the model weighs counts, categories and
 * co-occurrence with framing, not single hits).
 */
const HARM_CATEGORIES: readonly string[] = [
  // weapons
  'weapo* gun guns gunpowder firearm* rifle rifles pistol pistols ammunit* sniper bioweap* sarin ricin anthrax toxin toxins poison* nerve untrace* silencer',
  // explosives
  'bomb bombs bombing explosi* detonat* grenade grenades ied napalm thermite molotov tnt nitrogl* pipebomb',
  // malware and intrusion
  'malware ransomw* keylogg* botnet trojan rootkit exploit exploits exploiting hack hacks hacked hacking hacker hackers phishing phish ddos backdoor spyware crack cracking unauthor* breach brute',
  // fraud, theft, financial crime
  'fraud* scam scams scammer scammers launder* counterfeit steal stealing stole stolen theft embezzl* shoplif* extort extorti* blackma* ponzi forged forgery evasion evade insider bribe bribery',
  // drugs
  'meth methamp* cocaine heroin fentanyl lsd mdma narcoti* drug drugs cartel smuggl* trafficking',
  // self-harm
  'suicide suicidal overdose anorexi* bulimi* starve selfharm cutting',
  // violence
  'kill killing killed murde* assassi* torture kidnap* massacre terrori* violenc* violent shoot stab hostage',
  // hate and harassment
  'racist racism hate hateful harass harassing harassm* bully* slur slurs inferior genocide nazi nazis suprema* xenopho* sexist misogyn* stalk stalking stalker dox doxx doxing doxxing threaten threatening',
  // defamation
  'defamat* libel slander* smear',
  // sexual content, minors
  'underage pedophi* csam explicit sexual porn porno* nude nudes erotic',
  // privacy
  'ssn spy spying surveil* consent tracking track personal locate',
  // disinformation
  'disinfo* misinfo* propaganda fake hoax conspiracy rigged',
  // generic illegality and evasion
  'illegal illegally illicit harmful dangerous lethal deadly undetec* caught police unlawful weaponize',
];

const LEX_KEYS = new Uint32Array(Lex.SIZE);
/** Per slot: anchor flags, tight-gate flags, and harm category bits (bit c for HARM_CATEGORIES[c]). */
export const LEX_ANCHORS = new Int32Array(Lex.SIZE);
export const LEX_GATES = new Int32Array(Lex.SIZE);
export const LEX_HARM = new Uint16Array(Lex.SIZE);


function wordFnv(text: string, length: number): number {
  let h = Fnv.OFFSET;
  for (let i = 0; i < length; i++) h = fnvStep(h, text.charCodeAt(i));
  return h;
}

/** The key of a whole word from its running FNV hash (features.ts hashes words the same way). */
/** The lexicon key of a whole word from its avalanched hash (as features.ts computes it). */
export function wordKey(word: number): number {
  return (word | 1) >>> 0;
}

/** The lexicon key of a 5- or 7-character prefix from its running FNV hash (one multiply: keys only index a small table). */
export function prefixKey(fnv: number, seed: number): number {
  return (Math.imul(fnv ^ seed, 0x85ebca6b) ^ (fnv >>> 13) | 1) >>> 0;
}

function lexAdd(key: number, bits: number, harm: number, gates: number): void {
  let slot = key & (Lex.SIZE - 1);
  while (LEX_KEYS[slot] !== 0 && LEX_KEYS[slot] !== key) slot = (slot + 1) & (Lex.SIZE - 1);
  LEX_KEYS[slot] = key;
  LEX_ANCHORS[slot] = LEX_ANCHORS[slot]! | bits;
  LEX_HARM[slot] = LEX_HARM[slot]! | harm;
  LEX_GATES[slot] = LEX_GATES[slot]! | gates;
}

function addEntry(entry: string, bits: number, harm: number, gates = 0): void {
  if (entry.endsWith('*')) {
    const stem = entry.slice(0, -1);
    // Stems of 7+ characters match on their first 7, of 5-6 on their first 5 (only those prefixes are
    // hashed); a shorter stem is the word itself.
    if (stem.length >= 7) lexAdd(prefixKey(wordFnv(stem, 7), Lex.PREFIX7_SEED), bits, harm, gates);
    else if (stem.length >= 5) lexAdd(prefixKey(wordFnv(stem, 5), Lex.PREFIX5_SEED), bits, harm, gates);
    else lexAdd(wordKey(avalanche(wordFnv(stem, stem.length))), bits, harm, gates);
  } else {
    lexAdd(wordKey(avalanche(wordFnv(entry, entry.length))), bits, harm, gates);
  }
}

for (const [flag, list] of ANCHORS) for (const entry of list.split(' ')) addEntry(entry, flag, 0);
HARM_CATEGORIES.forEach((list, category) => {
  for (const entry of list.split(' ')) addEntry(entry, 0, 1 << category);
});
for (const [gate, list] of GATE_ANCHORS) for (const entry of list.split(' ')) addEntry(entry, 0, 0, gate);

/** The lexicon slot of a key (read LEX_ANCHORS / LEX_HARM there), or -1 when absent. */
export function lexicon(key: number): number {
  let slot = key & (Lex.SIZE - 1);
  for (;;) {
    const k = LEX_KEYS[slot]!;
    if (k === key) return slot;
    if (k === 0) return -1;
    slot = (slot + 1) & (Lex.SIZE - 1);
  }
}

/** What the character pass of features.ts gathers for the dense features. */
export interface PassStats {
  /** Anchor and framing flags. */
  flags: number;
  /**
   * A word mixes ASCII letters or digits with non-ASCII letters ("résumé"). The expressions' \b splits
   * such a word where the lexicon keeps it whole, so an expression may match around an anchor word the
   * lexicon never saw: the tight gates (which trust the lexicon's words) then give way to the broad ones,
   * which compute what the broad ones always computed.
   */
  glued: boolean;
  /** Harm categories seen (bit c for HARM_CATEGORIES[c]). */
  harm: number;
  /** Bit i: pair i's A word started at most its span before one of its B words (see updateNear). */
  near: number;
  /** Per pair: where its first near B word starts (valid when its near bit is set). */
  firstB: Int32Array;
  /** Tight-gate flags seen, near bits and first near B words of GATE_PAIRS, as the three above. */
  gates: number;
  gateNear: number;
  gateFirstB: Int32Array;
  /** Words with a harm category. */
  harmWords: number;
  /** Persuasion-framing words. */
  persuasionWords: number;
  words: number;
  /** Whitespace-separated tokens. */
  tokens: number;
  /** Tokens no natural language spells (digits inside letters, long consonant runs, glued symbols). */
  oddTokens: number;
  /** Tokens mixing letters and symbols with >= 3 class changes (e.g. "x.\\+y", "](me"). */
  mixedTokens: number;
  /** Tokens of 25+ characters. */
  longTokens: number;
  /** Runs of >= 3 symbol characters with at least two different symbols. */
  symbolRuns: number;
  /** Count of the most repeated word among the first 400 words. */
  topToken: number;
  /** Distinct words among the first 400. */
  distinctTokens: number;
  /** Symbols among the last 160 characters. */
  tailSymbols: number;
  tailLength: number;
}

export function emptyStats(): PassStats {
  return { flags: 0, glued: false, harm: 0, near: 0, firstB: new Int32Array(PAIRS.length), gates: 0, gateNear: 0, gateFirstB: new Int32Array(GATE_PAIR_COUNT), harmWords: 0, persuasionWords: 0, words: 0, tokens: 0, oddTokens: 0, mixedTokens: 0, longTokens: 0, symbolRuns: 0, topToken: 0, distinctTokens: 0, tailSymbols: 0, tailLength: 0 };
}

/** Zeroes `stats` for the next pass (firstB is read only where its near bit is set). */
export function resetStats(stats: PassStats): PassStats {
  stats.flags = 0;
  stats.glued = false;
  stats.harm = 0;
  stats.near = 0;
  stats.gates = 0;
  stats.gateNear = 0;
  stats.harmWords = 0;
  stats.persuasionWords = 0;
  stats.words = 0;
  stats.tokens = 0;
  stats.oddTokens = 0;
  stats.mixedTokens = 0;
  stats.longTokens = 0;
  stats.symbolRuns = 0;
  stats.topToken = 0;
  stats.distinctTokens = 0;
  stats.tailSymbols = 0;
  stats.tailLength = 0;
  return stats;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

function decodedIsInstruction(d: string): boolean {
  return OVERRIDE.test(d) || SECRET.test(d) || UNRESTRICTED.test(d) || REVEAL_SECRET.test(d);
}

/**
 * Fills `out[offset .. offset + DENSE_FEATURE_COUNT)` from the pass statistics, the lowercased
 * classifier text (for the gated expressions) and the decoded hidden instructions.
 */
export function denseFeatures(stats: PassStats, lower: string, decoded: readonly string[], out: Float32Array, offset: number): void {
  const n = lower.length;
  const f = stats.flags;
  const head = n > TEST_LIMIT ? lower.slice(0, TEST_LIMIT) : lower;
  let decodedInstruction = 0;
  for (const text of decoded) {
    const d = text.toLowerCase();
    if (decodedIsInstruction(d)) decodedInstruction = 1;
    else if (d.length >= 12 && decodedInstruction < 0.5) decodedInstruction = 0.5;
  }
  const tokens = stats.tokens;
  const glued = stats.glued;
  const gates = stats.gates;
  const gateNear = stats.gateNear;
  const reasoningNoun = (f & F_REASONING) !== 0 && (glued || (gates & G_RS_WORD) !== 0 || (gateNear & GATE_NEAR_REASONING) !== 0) && REASONING_REVEAL.test(head);
  const rolePlay = (f & F_ROLE_PLAY) !== 0 && (glued || (gates & G_RP_WORD) !== 0 || (gateNear & GATE_NEAR_ROLE_PLAY) !== 0) && ROLE_PLAY.test(head);
  const near = stats.near;
  const unrestricted = pairTest(UNRESTRICTED, head, stats, PAIR_UNRESTRICTED);
  const harmCategories = popcount(stats.harm);
  const persuasion = stats.persuasionWords > 0;
  out[offset + 0] = tokens === 0 ? 0 : stats.oddTokens / tokens;
  out[offset + 1] = stats.tailLength === 0 ? 0 : stats.tailSymbols / stats.tailLength;
  const words = stats.words;
  out[offset + 2] = words < 8 ? 0 : stats.topToken / Math.min(words, 400);
  out[offset + 3] = pairTest(OVERRIDE, head, stats, PAIR_OVERRIDE) ? 1 : 0;
  out[offset + 4] = rolePlay ? 1 : 0;
  out[offset + 5] = unrestricted ? 1 : 0;
  out[offset + 6] = pairTest(SECRET, head, stats, PAIR_SECRET) ? 1 : 0;
  out[offset + 7] = pairTest(REVEAL_SECRET, head, stats, PAIR_REVEAL) ? 1 : 0;
  out[offset + 8] = pairTest(PREFIX_FORCING, head, stats, PAIR_PREFIX) ? 1 : 0;
  out[offset + 9] = decodedInstruction;
  out[offset + 10] = reasoningNoun && REVEAL_VERB.test(head) ? 1 : reasoningNoun ? 0.5 : 0;
  out[offset + 11] = (f & F_THINK_TAGS) !== 0 && (glued || (gates & Lex.G_TAG_WORD) !== 0 || (gateNear & GATE_NEAR_THINKING) !== 0) && THINKING_TAGS.test(head) ? 1 : 0;
  out[offset + 12] = (f & F_GRADING) !== 0 && (glued || (gates & G_GR_WORD) !== 0 || (gateNear & GATE_NEAR_GRADING) !== 0) && GRADING.test(head) ? 1 : 0;
  // Every match of CANDIDATES has a near pair, or "[a"/"[b" (a bracketed one-letter word), or '"score"'.
  const candidatePairs = (near & (NEAR_CANDIDATE | NEAR_REFERENCE)) !== 0;
  const candidateGate = (candidatePairs || (f & (Lex.F_SCORE | Lex.CHAR_FLAG_BRACKET)) !== 0) && (glued || candidatePairs || (gates & (Lex.G_BRACKETED_AB | Lex.G_QUOTED_SCORE)) !== 0);
  out[offset + 13] = candidateGate && CANDIDATES.test(head) ? 1 : 0;
  out[offset + 14] = Math.min(1, Math.log1p(n) / 9);
  out[offset + 15] = Math.min(1, stats.harmWords / 4);
  out[offset + 16] = Math.min(1, harmCategories / 3);
  out[offset + 17] = stats.harmWords > 0 && (rolePlay || unrestricted || persuasion) ? 1 : 0;
  out[offset + 18] = stats.words === 0 ? 0 : Math.min(1, (8 * stats.harmWords) / stats.words);
  out[offset + 19] = Math.min(1, stats.persuasionWords / 3);
  out[offset + 20] = tokens === 0 ? 0 : Math.min(1, (4 * stats.mixedTokens) / tokens);
  out[offset + 21] = tokens === 0 ? 0 : Math.min(1, (4 * stats.symbolRuns) / tokens);
  out[offset + 22] = words < 20 ? 0 : 1 - stats.distinctTokens / Math.min(words, 400);
  out[offset + 23] = tokens === 0 ? 0 : Math.min(1, (4 * stats.longTokens) / tokens);
  const sayOnly = glued ? pairTest(SAY_ONLY, head, stats, PAIR_SAY_ONLY) : (near & (1 << PAIR_SAY_ONLY)) !== 0 && gatePairsTest(SAY_ONLY, head, stats, GATE_PAIRS_SAY_ONLY);
  out[offset + 24] = sayOnly ? 1 : 0;
}
