/** Procedural coding tasks: a task shape, a language, a data domain and a constraint, sometimes with a snippet. */
import { Rng } from '../random.ts';
import { PROGRAMMING_LANGUAGES, FIRST_NAMES } from './lexicon.ts';

const ENTITIES = ['orders', 'users', 'invoices', 'sensor readings', 'log lines', 'tweets', 'transactions', 'products', 'flights', 'students', 'songs', 'tickets', 'events', 'temperatures', 'URLs', 'emails'];
const FIELDS = ['timestamp', 'price', 'status', 'email', 'country', 'score', 'duration', 'category', 'name', 'quantity', 'rating', 'user_id'];

const TASKS: ReadonlyArray<(rng: Rng, lang: string) => string> = [
  (rng, lang) => `Write a ${lang} function that takes a list of ${rng.pick(ENTITIES)} and returns them grouped by ${rng.pick(FIELDS)}.`,
  (rng, lang) => `Implement a ${lang} function to find the ${rng.pick(['longest', 'shortest'])} ${rng.pick(['palindromic substring', 'common prefix', 'increasing subsequence', 'run of equal elements'])} in ${rng.pick(['a string', 'an array of integers', 'a list of words'])}.`,
  (rng, lang) => `How do I ${rng.pick(['read a CSV file', 'parse JSON', 'make an HTTP request with retries', 'hash a password', 'format a date', 'debounce a function', 'stream a large file'])} in ${lang}? Show a short example.`,
  (rng, lang) => `Write a SQL query that returns the top ${rng.int(3, 20)} ${rng.pick(ENTITIES)} by total ${rng.pick(FIELDS)} for each ${rng.pick(FIELDS)}, and explain how to call it from ${lang}.`,
  (rng, lang) => `Refactor this ${lang} code to be more readable:\n\n${snippet(rng)}`,
  (rng, lang) => `Why does this ${lang} code ${rng.pick(['throw an index error', 'return the wrong total', 'hang forever', 'print None', 'leak memory'])}?\n\n${snippet(rng)}`,
  (rng, lang) => `Create a ${lang} class called ${rng.pick(['Inventory', 'RateLimiter', 'LRUCache', 'BankAccount', 'TaskQueue', 'Matrix', 'Graph', 'Tokenizer'])} with methods to ${rng.pick(['add and remove items', 'check capacity', 'serialize to JSON', 'iterate in order', 'merge two instances'])}.`,
  (rng, lang) => `Write unit tests in ${lang} for a function that ${rng.pick(['validates email addresses', 'computes shipping cost', 'converts Roman numerals', 'splits a bill between friends', 'parses query strings'])}.`,
  (rng, lang) => `Given an array of ${rng.int(5, 10 ** rng.int(2, 6))} integers, write an O(n log n) ${lang} solution that ${rng.pick(['counts inversions', 'finds the k-th largest element', 'merges overlapping intervals', 'finds two numbers summing to a target', 'returns the median'])}.`,
  (rng, lang) => `Convert this list of ${rng.pick(ENTITIES)} into a dictionary keyed by ${rng.pick(FIELDS)} using ${lang}: ${inlineData(rng)}`,
  (rng, lang) => `Write a ${lang} script that watches a folder and ${rng.pick(['resizes new images', 'uploads new files to S3', 'logs file changes', 'compresses old files'])}.`,
  (rng, lang) => `Explain the difference between ${rng.pick(['a process and a thread', 'map and flatMap', 'an interface and an abstract class', 'async and parallel', 'a shallow and a deep copy', 'PUT and PATCH'])} with a ${lang} example.`,
  (rng, lang) => `Generate a regular expression in ${lang} that matches ${rng.pick(['US phone numbers', 'ISO dates', 'hex colors', 'IPv4 addresses', 'semantic version strings', 'hashtags'])} and show how to test it.`,
  (rng, _lang) => `Write a function to ${rng.pick(['reverse the words in a sentence', 'check if a number is prime', 'compute the nth Fibonacci number iteratively', 'flatten a nested list', 'remove duplicates while keeping order', 'rotate a matrix 90 degrees'])}.`,
  (rng, _lang) => `Edit the following code so that it ${rng.pick(['handles empty input', 'sorts in descending order', 'uses a generator', 'runs in linear time'])}.\n\n${snippet(rng)}`,
];

function snippet(rng: Rng): string {
  const name = rng.pick(['total', 'result', 'acc', 'items', 'count', 'data', 'out']);
  const fn = rng.pick(['process', 'compute', 'handle', 'build', 'summarize', 'load']);
  const limit = rng.int(2, 50);
  return [
    `def ${fn}_${rng.pick(FIELDS)}(rows):`,
    `    ${name} = ${rng.pick(['0', '[]', '{}'])}`,
    `    for i in range(len(rows) - ${rng.int(0, 2)}):`,
    `        if rows[i] ${rng.pick(['>', '<', '!=', '=='])} ${limit}:`,
    `            ${name} ${rng.pick(['+= rows[i]', '.append(rows[i])', '= rows[i]'])}`,
    `    return ${name}`,
  ].join('\n');
}

function inlineData(rng: Rng): string {
  const rows: string[] = [];
  for (let i = 0, n = rng.int(2, 4); i < n; i++) rows.push(`{"name": "${rng.pick(FIRST_NAMES)}", "${rng.pick(FIELDS)}": ${rng.int(1, 999)}}`);
  return `[${rows.join(', ')}]`;
}

export function codingTask(rng: Rng): string {
  return rng.pick(TASKS)(rng, rng.pick(PROGRAMMING_LANGUAGES));
}

/** Task `index` of a fixed bank (see bankMathProblem). */
export function bankCodingTask(bankSeed: number, index: number): string {
  return codingTask(new Rng(bankSeed, `code-${index}`));
}

export const CODE_TOOLS = [
  { name: 'read_file', description: 'Read a file from the workspace.', parameters: ['path'] },
  { name: 'write_file', description: 'Write content to a file in the workspace.', parameters: ['path', 'content'] },
  { name: 'run_command', description: 'Run a shell command and return its output.', parameters: ['command'] },
  { name: 'search_code', description: 'Search the repository for a pattern.', parameters: ['pattern', 'path'] },
  { name: 'list_directory', description: 'List files in a directory.', parameters: ['path'] },
] as const;

const DIRS = ['src', 'lib', 'app', 'internal', 'pkg', 'tests', 'server', 'web'];
const FILES = ['handler', 'utils', 'router', 'models', 'config', 'client', 'parser', 'service', 'db', 'auth', 'cache', 'main'];
const EXTS = ['.ts', '.py', '.go', '.rs', '.js'];

export function repoPath(rng: Rng): string {
  return `${rng.pick(DIRS)}/${rng.pick(FILES)}${rng.pick(EXTS)}`;
}

/** A coding agent's next user-visible instruction or its tool result text. */
export function agentToolResult(rng: Rng, tool: string): string {
  switch (tool) {
    case 'read_file':
      return snippet(rng);
    case 'run_command':
      return rng.chance(0.5)
        ? `${rng.int(3, 240)} passed, ${rng.int(0, 4)} failed in ${rng.range(0.4, 30).toFixed(2)}s`
        : `error: ${rng.pick(['cannot find name', 'unexpected token', 'undefined reference to', 'mismatched types for'])} '${rng.pick(FIELDS)}' at ${repoPath(rng)}:${rng.int(1, 400)}`;
    case 'search_code':
      return `${repoPath(rng)}:${rng.int(1, 300)}: ${rng.pick(FIELDS)}\n${repoPath(rng)}:${rng.int(1, 300)}: ${rng.pick(FIELDS)}`;
    case 'list_directory':
      return Array.from({ length: rng.int(3, 7) }, () => repoPath(rng).split('/')[1]).join('\n');
    default:
      return 'ok';
  }
}
