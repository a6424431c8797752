import { isIPv6 } from 'node:net';

/**
 * Masks secrets and personal data inside free text, each kind replaced by a typed placeholder. This
 * runs on every recorded body (the gateway's CPU per request counts it), hence the shape scan below.
 */

export const placeholders = {
  email: '[email]',
  phone: '[phone]',
  card: '[card]',
  ip: '[ip]',
  key: '[key]',
} as const;

const placeholderTexts: ReadonlySet<string> = new Set(Object.values(placeholders));
/** Longest placeholder, so a cut can tell whether it landed inside one. */
export const longestPlaceholder = Math.max(...[...placeholderTexts].map((text) => text.length));

export function isPlaceholder(text: string): boolean {
  return placeholderTexts.has(text);
}

const hex = '[0-9A-Fa-f]';
const octet = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;

// Each kind is its own pattern, run only when a one-pass scan of the text shows it could match:
// most prose has no key prefix, no long run and few digits, so most patterns never run at all.
// Every quantifier is bounded or followed by a guard that cannot backtrack: cost stays linear.

/** Credentials with a recognisable shape: bearer tokens, JWTs, provider key prefixes, our own keys. */
const keyPattern = new RegExp(
  String.raw`\bBearer\s+[A-Za-z0-9._~+/=-]{8,}` +
    String.raw`|\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*` +
    String.raw`|\b(?:sk-[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}` +
    String.raw`|(?:AKIA|ASIA)[A-Z0-9]{16}|xox[abposr]-[A-Za-z0-9-]{10,}|dg_[A-Za-z0-9_-]{20,})`,
  'g',
);
const mayHoldKey = /Bearer|eyJ|sk-|gh[pousr]_|github_pat_|AKIA|ASIA|xox|dg_/;
/** A loose IPv6 candidate (validated by node:net) with an optional IPv4 tail. */
const ipv6Pattern = new RegExp(String.raw`(?<![\w:.])(?:${hex}{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|${hex}{1,4})?(?![\w:])`, 'g');
const ipv4Pattern = new RegExp(String.raw`(?<![\w.])(?:${octet}\.){3}${octet}(?!\w|\.\d)`, 'g');
/** 13-19 digits, optionally grouped by spaces or dashes; Luhn-checked before masking. */
const cardPattern = /(?<![\w.+-])\d(?:[ -]?\d){12,18}(?!\w|[.-]\d)/g;
/** Phones: E.164, or 2-4 digit groups with separators (9-15 digits in all). */
const phonePattern = /(?<![\w.+])(?:\+\d{8,15}\b|(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,4}){1,4}(?!\w|[.-]\d))/g;
/** Long hex or base64 runs (emails are already masked, so a run cannot be an email's local part). */
const runPattern = /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{32,}={0,2}/g;

/** What one pass over the text says could be in it. */
interface TextShape {
  at: boolean;
  digits: number;
  /** "1.2" somewhere: an IPv4 address is possible. */
  digitDotDigit: boolean;
  /** Two colons within a hex-ish stretch: an IPv6 address is possible. */
  colons: boolean;
  /** A run of at least 32 base64/hex characters. */
  longRun: boolean;
}

/** Character classes of ASCII, for the one-pass scan: a table look-up per character instead of a chain of comparisons. */
const RUN = 1; // base64/hex run characters: letters, digits, + / _ -
const DIGIT = 2;
const AT = 4;
const COLON = 8;
const asciiClass = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  let cls = /[A-Za-z0-9+/_-]/.test(char) ? RUN : 0;
  if (/[0-9]/.test(char)) cls |= DIGIT;
  if (char === '@') cls |= AT;
  if (char === ':') cls |= COLON;
  asciiClass[code] = cls;
}

function shapeOf(text: string): TextShape {
  let digits = 0;
  let at = false;
  let digitDotDigit = false;
  let colonCount = 0;
  let run = 0;
  let longRun = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const cls = code < 128 ? asciiClass[code]! : 0;
    if (cls & RUN) {
      if (++run >= 32) longRun = true;
    } else run = 0;
    if (cls > RUN) {
      if (cls & DIGIT) {
        digits++;
        if (i >= 2 && text.charCodeAt(i - 1) === 46 /* . */ && isAsciiDigit(text.charCodeAt(i - 2))) digitDotDigit = true;
      } else if (cls & AT) at = true;
      else colonCount++;
    }
  }
  return { at, digits, digitDotDigit, colons: colonCount >= 2, longRun };
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Ids providers put in bodies: long and mixed-case, but not secrets. */
const benignIdPrefix = /^(?:chatcmpl-|cmpl-|resp_|msg_|toolu_|call_|fc_|rs_|req_|file-|asst_|run_|thread_|batch_)/;

export function maskSecrets(text: string): string {
  // Nothing masked is shorter than an IPv4 address ("1.2.3.4"); most keys and roles are.
  if (text.length < 7) return text;
  const shape = shapeOf(text);
  let out = shape.at ? maskEmails(text) : text;
  if (mayHoldKey.test(out)) out = out.replace(keyPattern, placeholders.key);
  if (shape.colons && shape.digits > 0) out = out.replace(ipv6Pattern, maskIPv6);
  if (shape.digitDotDigit) out = out.replace(ipv4Pattern, placeholders.ip);
  if (shape.digits >= 9) {
    out = out.replace(cardPattern, maskCard);
    out = out.replace(phonePattern, maskPhone);
  }
  if (shape.longRun) out = out.replace(runPattern, maskRun);
  return out;
}

const domainAfterAt = /(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}\b/y;

/**
 * Emails are found from their "@" outwards rather than by a regex tried at every position: a local
 * part may start almost anywhere, and trying each start would make long runs quadratic.
 */
function maskEmails(text: string): string {
  let at = text.indexOf('@');
  if (at < 0) return text;
  let out = '';
  let copiedUpTo = 0;
  while (at >= 0) {
    let start = at;
    while (start > copiedUpTo && at - start < 64 && isLocalPartChar(text.charCodeAt(start - 1))) start--;
    while (start < at && text.charCodeAt(start) === 46 /* . */) start++;
    domainAfterAt.lastIndex = at + 1;
    const domain = start < at ? domainAfterAt.exec(text) : null;
    if (domain !== null) {
      out += text.slice(copiedUpTo, start) + placeholders.email;
      copiedUpTo = at + 1 + domain[0].length;
    }
    at = text.indexOf('@', Math.max(at + 1, copiedUpTo));
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** Letters, digits and . _ % + - */
function isLocalPartChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ||
    code === 46 || code === 95 || code === 37 || code === 43 || code === 45
  );
}

function maskIPv6(match: string): string {
  return /\d/.test(match) && isIPv6(match) ? placeholders.ip : match;
}

function maskCard(match: string): string {
  const digits = match.replace(/[ -]/g, '');
  if (luhnValid(digits)) return placeholders.card;
  return digits.length <= 15 && digits.length !== match.length ? placeholders.phone : match;
}

function maskPhone(match: string): string {
  const digitCount = countDigits(match);
  return digitCount >= 9 && digitCount <= 15 ? placeholders.phone : match;
}

function maskRun(match: string): string {
  return looksLikeKey(match) ? placeholders.key : match;
}

/** A long run is a key when it is hex with letters and digits, or mixed-case alphanumeric with digits (paths and words are not). */
function looksLikeKey(run: string): boolean {
  if (benignIdPrefix.test(run)) return false;
  const hasDigit = /\d/.test(run);
  if (!hasDigit) return false;
  if (/^[0-9a-f]+$/.test(run) || /^[0-9A-F]+$/.test(run)) return /[a-fA-F]/.test(run);
  return /[a-z]/.test(run) && /[A-Z]/.test(run);
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

function countDigits(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isAsciiDigit(code)) count++;
  }
  return count;
}
