/**
 * The plain words of one text as the capability scan read them, handed to the template's tokenizer, which reads
 * the same cased user text right after and would otherwise walk every letter again. A plain word is a token of ASCII
 * letters and digits only, a letter among them; its hash is FNV-1a over the code units lower-cased, which is both what
 * capability looks cue words up by (tokenHashStep) and what the template hashes a word as (wordEnd), so the
 * template takes the word's end, hash and digit count from here instead of from its own character loop.
 */

const enum Spans {
  INITIAL_CAPACITY = 1024,
}

export class WordSpans {
  /** The text the spans were read from; spans are only ever read for a text equal to it. */
  text = '';
  count = 0;
  starts = new Int32Array(Spans.INITIAL_CAPACITY);
  ends = new Int32Array(Spans.INITIAL_CAPACITY);
  hashes = new Int32Array(Spans.INITIAL_CAPACITY);
  digits = new Int32Array(Spans.INITIAL_CAPACITY);

  /** Starts recording the words of `text`, in order. */
  begin(text: string): void {
    this.text = text;
    this.count = 0;
  }

  /** Records the plain word text[start, end): its FNV-1a hash over the lower-cased units, and its digits. */
  add(start: number, end: number, hash: number, digits: number): void {
    const n = this.count;
    if (n === this.starts.length) this.grow();
    this.starts[n] = start;
    this.ends[n] = end;
    this.hashes[n] = hash;
    this.digits[n] = digits;
    this.count = n + 1;
  }

  private grow(): void {
    const capacity = this.starts.length * 2;
    const widen = (from: Int32Array): Int32Array<ArrayBuffer> => {
      const to = new Int32Array(capacity);
      to.set(from);
      return to;
    };
    this.starts = widen(this.starts);
    this.ends = widen(this.ends);
    this.hashes = widen(this.hashes);
    this.digits = widen(this.digits);
  }
}

/** The plain words of the cased user text: written by capability's scan, read by the template's maskTokens. */
export const userCasedWords = new WordSpans();
