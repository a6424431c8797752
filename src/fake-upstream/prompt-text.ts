/**
 * The prompt text the fake upstream answers from, and its word count (the fake's prompt tokens), read
 * from request bodies of any of the three APIs whatever shape a client sends.
 */
import { isRecord } from '../protocol/fields.ts';

/** Text of a message `content` in any of the shapes the three APIs use: a string or an array of text parts. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let text = '';
  for (const part of content) {
    if (typeof part === 'string') text += part;
    else if (isRecord(part)) {
      const partText = part['text'];
      if (typeof partText === 'string') text += text === '' ? partText : ` ${partText}`;
    }
  }
  return text;
}

/** Text of the last entry with role `user` in a message list; '' when there is none. */
export function lastUserText(messages: unknown[]): string {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index];
    if (isRecord(message) && message['role'] === 'user') return contentText(message['content']);
  }
  return '';
}

/** Word count over every message's text, the fake's notion of prompt tokens. */
export function messagesWordCount(messages: unknown[]): number {
  let words = 0;
  for (const message of messages) {
    if (isRecord(message)) words += countWords(contentText(message['content']));
    else if (typeof message === 'string') words += countWords(message);
  }
  return words;
}

/** Whitespace-separated words, counted with a char loop: no intermediate arrays on the hot path. */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const isSpace = code === 32 || code === 10 || code === 9 || code === 13;
    if (!isSpace && !inWord) words++;
    inWord = !isSpace;
  }
  return words;
}
