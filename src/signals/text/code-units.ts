/**
 * A string's UTF-16 code units in a reusable typed array. A hot loop over a Uint16Array reads a unit with one
 * load, where String.prototype.charCodeAt dispatches on the string's representation (one-byte or two-byte, flat,
 * sliced or concatenated) at every call; the copy itself is one native pass (Buffer#write as UTF-16LE).
 */
import { Buffer } from 'node:buffer';

/** Zeros kept after the text, so that a loop may look a few units ahead without a bounds test. */
export const CODE_UNITS_PADDING = 8;

/** Buffer#write 'utf16le' lays units out little-endian: a Uint16Array reads them directly on such machines. */
const LITTLE_ENDIAN = new Uint16Array(new Uint8Array([1, 0]).buffer)[0] === 1;

export class CodeUnits {
  private bytes = Buffer.alloc(0);
  private units: Uint16Array = new Uint16Array(0);
  /** The string the units hold (none before the first load): loading it again costs no copy. */
  private loaded: string | undefined;

  /**
   * The code units of `s`, valid until the next load: [0, s.length) hold them and the CODE_UNITS_PADDING units
   * after are 0. Signals are synchronous, so one CodeUnits per loop site suffices; sites that read the same
   * text one after the other share one (see userUnits) and the second load is free.
   */
  load(s: string): Uint16Array {
    if (s === this.loaded) return this.units;
    const length = s.length;
    if (this.units.length < length + CODE_UNITS_PADDING) {
      let capacity = 1024;
      while (capacity < length + CODE_UNITS_PADDING) capacity *= 2;
      this.bytes = Buffer.alloc(capacity * 2);
      this.units = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, capacity);
    }
    const units = this.units;
    if (LITTLE_ENDIAN) this.bytes.write(s, 0, 'utf16le');
    else for (let i = 0; i < length; i++) units[i] = s.charCodeAt(i);
    units.fill(0, length, length + CODE_UNITS_PADDING);
    this.loaded = s;
    return units;
  }
}

/**
 * Shared by the signals that read RequestText.user (lower-cased) one after the other: the classifier's
 * character pass and the language scan.
 */
export const userUnits = new CodeUnits();
/** Shared by the signals that read RequestText.userCased one after the other: capability and the template. */
export const userCasedUnits = new CodeUnits();
/**
 * Shared by the loops over raw text: normalizeText's whitespace collapse and the decode pre-scan, which requestText
 * runs one after the other on the raw user text. Neither normalizes anything while it holds the units (decodeEmbedded
 * normalizes its pieces after the pre-scan), so neither reloads them under the other.
 */
export const rawUnits = new CodeUnits();
