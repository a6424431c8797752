/**
 * What the project's own training texts are made of: template families, each a set of paraphrases of
 * one idea (one way of asking for reasoning, one kind of override, ...). Families, not rows, are the
 * unit of the train/test split of our own texts, so the evaluation measures whether a head recognises a
 * wording it never saw, not whether it memorised one.
 */
import { hashString } from '../classifier/hash.ts';
import { pick, type Rng } from '../classifier/rng.ts';

/** The head a family teaches as positive, or 'negative' for hard negatives (all heads 0). */
export type FamilyKind = 'reasoning_elicitation' | 'jailbreak' | 'prompt_extraction' | 'rubric_harvest' | 'negative';

export interface Slots {
  /** A benign question or task (the filler the wrapper goes around). */
  question: string;
  /** Its short final answer, when a template needs one (may be a stand-in). */
  answer: string;
  /** Two candidate responses for grading templates. */
  responseA: string;
  responseB: string;
  /** A harmful goal (jailbreak templates). */
  goal: string;
  /** A natural language name in English (reasoning-language coercion). */
  language: string;
  /** A made-up persona name. */
  persona: string;
  /** An expert role for persuasion framing. */
  role: string;
  /** A tag name for thinking tags. */
  tag: string;
  /** A small integer (scales, word counts). */
  number: number;
  /** Optimiser-style gibberish (suffix attacks). */
  gibberish: string;
  /** A phrase a hijack wants printed. */
  phrase: string;
  /** A benign topic word. */
  topic: string;
}

export type Template = (s: Slots, rng: Rng) => string;

export interface Family {
  id: string;
  kind: FamilyKind;
  templates: readonly Template[];
}

/**
 * The families held out of evaluation training: within each kind, families are ordered by a fixed hash
 * of their id and every fourth one (ranks 0, 4, 8, ...) is held out, so each kind keeps about a quarter
 * of its wordings unseen whatever the hash happens to do.
 */
export function heldOutFamilyIds(families: readonly Family[]): Set<string> {
  const held = new Set<string>();
  const kinds = new Set(families.map((f) => f.kind));
  for (const kind of kinds) {
    const ordered = families.filter((f) => f.kind === kind).sort((a, b) => hashString(a.id, 0x5eed) - hashString(b.id, 0x5eed));
    ordered.forEach((f, rank) => {
      if (rank % 4 === 0) held.add(f.id);
    });
  }
  return held;
}

export function fill(family: Family, slots: Slots, rng: Rng): string {
  return pick(rng, family.templates)(slots, rng);
}

/** Light surface variation so one template yields many strings: case, trailing punctuation, spacing. */
export function vary(text: string, rng: Rng): string {
  const r = rng();
  let out = text;
  if (r < 0.1) out = out.toLowerCase();
  else if (r < 0.13) out = out.toUpperCase();
  if (rng() < 0.15) out = out.replace(/[.!]$/, '');
  if (rng() < 0.1) out = out.replace(/\n\n/g, '\n');
  return out;
}

/** `text` with probability `p`, else nothing: an optional part of a composed template. */
export function maybe(rng: Rng, p: number, text: string): string {
  return rng() < p ? text : '';
}

/** The non-empty parts, joined by spaces (a part that starts a new line takes no space before it). */
export function sentences(...parts: string[]): string {
  let text = '';
  for (const part of parts) {
    if (part.length === 0) continue;
    text += text.length === 0 || part.startsWith('\n') ? part : ` ${part}`;
  }
  return text;
}

/** `text` with its first character upper-cased. */
export function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
