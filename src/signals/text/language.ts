/**
 * The main language of a text, cheaply: by Unicode script, and for Latin script by counting the
 * most frequent function words of each language. Good enough to tell a campaign's language mix.
 */

/** Characters looked at: the language of a prompt is clear from its first few KB. */
const MAX_CHARS = 4096;
/** Letters a text needs before any guess. */
const MIN_LETTERS = 8;

/** Function words that are frequent in one language and rare in the others of the list. */
const STOP_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'is', 'are', 'of', 'to', 'in', 'that', 'it', 'with', 'for', 'you', 'this', 'what', 'how', 'was', 'have'],
  es: ['el', 'la', 'los', 'las', 'y', 'es', 'que', 'de', 'en', 'por', 'para', 'con', 'una', 'del', 'como', 'pero', 'muy', 'ella', 'tiene', 'después', 'qué', 'cuántos', 'cuántas', 'más', 'su', 'se', 'al'],
  fr: ['le', 'la', 'les', 'et', 'est', 'que', 'de', 'des', 'du', 'une', 'pour', 'dans', 'avec', 'pas', 'qui', 'sur', 'vous', 'elle', 'il', 'à', 'au', 'son', 'sa', 'combien', 'je', 'nous', 'ont'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'zu', 'mit', 'den', 'von', 'ich', 'sie', 'auf', 'auch', 'wie'],
  pt: ['o', 'os', 'as', 'e', 'é', 'que', 'de', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'por', 'mais'],
  it: ['il', 'lo', 'gli', 'e', 'è', 'che', 'di', 'un', 'una', 'per', 'con', 'non', 'sono', 'della', 'nel', 'anche', 'come'],
  nl: ['de', 'het', 'een', 'en', 'is', 'van', 'dat', 'niet', 'op', 'met', 'voor', 'zijn', 'ik', 'je', 'wat', 'ook', 'maar'],
  tr: ['bir', 've', 'bu', 'için', 'ile', 'de', 'da', 'ne', 'çok', 'daha', 'gibi', 'olan', 'ama', 'mi', 'var', 'ben', 'sen'],
  pl: ['i', 'w', 'nie', 'się', 'na', 'to', 'jest', 'że', 'z', 'do', 'jak', 'co', 'ale', 'tak', 'po', 'od', 'czy'],
  vi: ['và', 'là', 'của', 'có', 'không', 'một', 'những', 'các', 'được', 'cho', 'với', 'này', 'trong', 'người', 'tôi', 'bạn', 'để'],
  id: ['dan', 'yang', 'di', 'ini', 'itu', 'dengan', 'untuk', 'tidak', 'dari', 'ada', 'saya', 'akan', 'juga', 'ke', 'apa', 'bisa', 'kamu'],
};

/** word -> languages it votes for */
const VOTES: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [lang, words] of Object.entries(STOP_WORDS)) {
    for (const w of words) {
      const list = map.get(w) ?? [];
      list.push(lang);
      map.set(w, list);
    }
  }
  return map;
})();

type Script = 'latin' | 'han' | 'kana' | 'hangul' | 'cyrillic' | 'arabic' | 'hebrew' | 'devanagari' | 'thai' | 'greek';

function scriptOf(c: number): Script | undefined {
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) return 'latin';
  if (c < 0x370) return undefined;
  if (c <= 0x3ff) return 'greek';
  if (c <= 0x52f) return 'cyrillic';
  if (c >= 0x590 && c <= 0x5ff) return 'hebrew';
  if (c >= 0x600 && c <= 0x6ff) return 'arabic';
  if (c >= 0x900 && c <= 0x97f) return 'devanagari';
  if (c >= 0xe00 && c <= 0xe7f) return 'thai';
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff)) return 'kana';
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return 'han';
  if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff)) return 'hangul';
  return undefined;
}

const SCRIPT_LANGUAGE: Readonly<Record<Exclude<Script, 'latin' | 'cyrillic' | 'han' | 'kana'>, string>> = {
  hangul: 'ko', arabic: 'ar', hebrew: 'he', devanagari: 'hi', thai: 'th', greek: 'el',
};

/**
 * ISO 639-1 code of the main language of `s`, or 'und' when there is too little text or no clear winner.
 *
 * @example detectLanguage('Wie viele Äpfel hat sie, und ist das nicht genug?') // 'de'
 */
export function detectLanguage(s: string): string {
  const text = s.length > MAX_CHARS ? s.slice(0, MAX_CHARS) : s;
  const counts = new Map<Script, number>();
  let letters = 0;
  let ukrainian = 0;
  let bulgarianHint = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const script = scriptOf(c);
    if (script === undefined) continue;
    letters++;
    counts.set(script, (counts.get(script) ?? 0) + 1);
    if (script === 'cyrillic') {
      // і ї є ґ are Ukrainian letters absent from Russian; ъ is common in Bulgarian and ы is not Bulgarian.
      if (c === 0x456 || c === 0x457 || c === 0x454 || c === 0x491 || c === 0x406 || c === 0x407 || c === 0x404) ukrainian++;
      if (c === 0x44a) bulgarianHint++;
      if (c === 0x44b || c === 0x44d) bulgarianHint -= 2;
    }
  }
  if (letters < MIN_LETTERS) return 'und';
  let top: Script | undefined;
  let topCount = 0;
  for (const [script, count] of counts) if (count > topCount) { top = script; topCount = count; }
  if (top === undefined) return 'und';
  // Japanese writes with Han and kana together: any real share of kana means Japanese.
  if ((top === 'han' || top === 'kana') && (counts.get('kana') ?? 0) >= 0.1 * topCount) return 'ja';
  if (top === 'han') return 'zh';
  if (top === 'kana') return 'ja';
  if (top === 'cyrillic') return ukrainian > 0 ? 'uk' : bulgarianHint > 1 ? 'bg' : 'ru';
  if (top === 'latin') return latinLanguage(text);
  return SCRIPT_LANGUAGE[top];
}

function latinLanguage(text: string): string {
  const scores = new Map<string, number>();
  const words = text.toLowerCase().split(/[^\p{L}]+/u);
  for (const w of words) {
    const langs = VOTES.get(w);
    if (langs === undefined) continue;
    // A word shared by several languages ("de", "la") is weaker evidence for each.
    for (const lang of langs) scores.set(lang, (scores.get(lang) ?? 0) + 1 / langs.length);
  }
  let best = 'und';
  let bestScore = 0;
  let second = 0;
  for (const [lang, score] of scores) {
    if (score > bestScore) { second = bestScore; best = lang; bestScore = score; }
    else if (score > second) second = score;
  }
  return bestScore >= 1 && bestScore > second ? best : 'und';
}
