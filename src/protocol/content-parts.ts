import { isRecord, stringField } from './fields.ts';
import { type Budget, joinLines, MAX_PARTS_PER_MESSAGE } from './limits.ts';

/** Which parts of a content list a format reads, by their `type`; parts of any other type are skipped. */
export interface PartTypes {
  /** Part type -> the field that holds its text. */
  text: ReadonlyMap<string, string>;
  /** Part types that are images, files, audio...: counted, never read. */
  attachments: ReadonlySet<string>;
  /** Whether a bare string in the list is a text part (chat allows it; the other formats do not). */
  bareStrings: boolean;
}

/**
 * Text of a `content`-like field: a string, or a list of typed parts of which the text-bearing ones
 * are joined with "\n" and the attachments counted. At most MAX_PARTS_PER_MESSAGE parts are looked at.
 */
export function readParts(content: unknown, budget: Budget, types: PartTypes): { text: string; attachments: number } {
  if (typeof content === 'string') return { text: budget.take(content), attachments: 0 };
  if (!Array.isArray(content)) return { text: '', attachments: 0 };
  const pieces: string[] = [];
  let attachments = 0;
  const end = Math.min(content.length, MAX_PARTS_PER_MESSAGE);
  for (let i = 0; i < end && budget.visit(); i++) {
    const part: unknown = content[i];
    if (typeof part === 'string') {
      if (types.bareStrings) pieces.push(budget.take(part));
      continue;
    }
    if (!isRecord(part)) continue;
    const type = part['type'];
    if (typeof type !== 'string') continue;
    const field = types.text.get(type);
    if (field !== undefined) pieces.push(budget.take(stringField(part, field) ?? ''));
    else if (types.attachments.has(type)) attachments++;
  }
  return { text: joinLines(pieces), attachments };
}
