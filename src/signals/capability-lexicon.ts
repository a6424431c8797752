/**
 * The cue words of the capability signal, per area, with their weights (evidence units; 1 is a strong cue).
 * Two-word phrases are written with one space; their first word becomes a phrase head. Words are matched
 * lower-cased, as whole tokens of [a-z0-9_] and non-ASCII letters; hyphens split ("self-harm" is "self harm").
 * Written for this project; tuned against the shared prompt sets (see capability.test.ts), never copied from them.
 */
import type { Capability } from './types.ts';

export const CAPABILITY_CUES: Readonly<Record<Capability, Readonly<Record<string, number>>>> = {
  math: {
    math: 1, mathematics: 1, arithmetic: 1, algebra: 1, geometry: 1, calculus: 1, trigonometry: 1, statistics: 0.5,
    equation: 1, equations: 1, theorem: 1, lemma: 1, integral: 1.2, derivative: 1.2, polynomial: 1.1, proof: 0.4,
    prove: 0.5, solve: 0.7, calculate: 0.7, compute: 0.4, simplify: 0.7, evaluate: 0.3, factor: 0.4, prime: 0.5,
    integer: 0.3, integers: 0.4, fraction: 0.8, fractions: 0.8, percent: 0.8, percentage: 0.8, ratio: 0.7, average: 0.5,
    sum: 0.35, product: 0.15, total: 0.5, difference: 0.3, remainder: 0.5, divisible: 0.9, multiply: 0.7, multiplied: 0.7,
    divide: 0.6, divided: 0.6, subtract: 0.7, plus: 0.6, minus: 0.7, squared: 0.8, cubed: 0.8, exponent: 0.7,
    sqrt: 0.9, sin: 0.5, cos: 0.5, tan: 0.4, pi: 0.4, area: 0.5, perimeter: 0.9, radius: 0.8, diameter: 0.8,
    triangle: 0.7, angle: 0.6, angles: 0.6, circle: 0.4, rectangle: 0.6, volume: 0.3, probability: 0.9, median: 0.5,
    variance: 0.6, digits: 0.3, number: 0.12, numbers: 0.12, 'how many': 1, 'how much': 0.9, 'how long': 0.4,
    'how old': 0.7, 'how far': 0.6, altogether: 0.8, together: 0.15, each: 0.3, per: 0.3, half: 0.45, twice: 0.5,
    thrice: 0.5, triple: 0.3, double: 0.2, quarter: 0.4, times: 0.25, cost: 0.4, costs: 0.5, price: 0.35,
    dollars: 0.6, cents: 0.6, earn: 0.4, earns: 0.5, earned: 0.4, pay: 0.3, pays: 0.4, paid: 0.35, spend: 0.4,
    spends: 0.5, spent: 0.4, buy: 0.25, buys: 0.4, bought: 0.35, sell: 0.25, sells: 0.4, sold: 0.35, saves: 0.4,
    hours: 0.3, minutes: 0.3, hour: 0.25, miles: 0.4, feet: 0.3, inches: 0.4, pounds: 0.3, gallons: 0.5, meters: 0.3,
    remaining: 0.3, left: 0.15, more: 0.1, fewer: 0.3, less: 0.15, rest: 0.15, week: 0.15, weeks: 0.2, days: 0.15,
    day: 0.1, years: 0.12, month: 0.15, profit: 0.4, discount: 0.4, interest: 0.2, speed: 0.3, rate: 0.2,
  },
  coding: {
    code: 0.9, coding: 0.9, function: 0.9, functions: 0.8, implement: 0.8, implementation: 0.6, program: 0.8,
    programming: 0.9, programs: 0.7, script: 0.5, snippet: 1, refactor: 1.2, debug: 1, bug: 0.8, bugs: 0.8,
    compile: 0.8, compiler: 0.8, syntax: 0.6, algorithm: 0.8, algorithms: 0.8, pseudocode: 1, python: 1.2,
    javascript: 1.2, typescript: 1.2, java: 1.1, cpp: 1, csharp: 1, golang: 1, rust: 0.6, kotlin: 1, swift: 0.4,
    php: 1.2, ruby: 0.6, perl: 0.8, scala: 0.8, haskell: 1, matlab: 0.8, sql: 1.2, mysql: 1.2, postgresql: 1.2,
    mongodb: 1, html: 1, css: 1, jquery: 1.2, ajax: 1, react: 0.6, angular: 0.8, vue: 0.8, django: 1.2, flask: 1.2,
    node: 0.3, nodejs: 1, npm: 1, pip: 0.8, pandas: 1.2, numpy: 1.2, dataframe: 1.2, tensorflow: 1, pytorch: 1,
    keras: 1, bash: 1, shell: 0.5, linux: 0.5, git: 0.8, github: 0.7, docker: 1, kubernetes: 1, json: 0.6, xml: 0.8,
    csv: 0.6, regex: 1, api: 0.5, endpoint: 0.6, http: 0.6, url: 0.5, server: 0.4, database: 0.6, query: 0.6,
    queries: 0.6, table: 0.25, select: 0.3, array: 1, arrays: 1, list: 0.45, lists: 0.45, string: 0.8, strings: 0.8,
    substring: 1, char: 0.8, character: 0.25, characters: 0.35, integer: 0.35, boolean: 0.8, variable: 0.6,
    variables: 0.6, loop: 0.8, loops: 0.8, iterate: 0.8, recursion: 1, recursive: 0.9, class: 0.4, classes: 0.35,
    method: 0.5, methods: 0.5, object: 0.45, objects: 0.45, instance: 0.4, constructor: 0.9, inheritance: 0.6,
    attribute: 0.4, attributes: 0.4, dictionary: 0.7, dict: 1, tuple: 0.9, tuples: 0.9, element: 0.6, elements: 0.6,
    index: 0.5, sort: 0.6, sorted: 0.5, sorting: 0.7, reverse: 0.4, parse: 0.7, parser: 0.7, input: 0.4,
    output: 0.45, print: 0.6, prints: 0.6, return: 0.5, returns: 0.5, def: 1, elif: 1.2, lambda: 0.8, async: 0.8,
    await: 0.8, const: 1, var: 0.6, int: 0.8, void: 1, static: 0.6, null: 0.6, undefined: 0.5, true: 0.15,
    false: 0.15, import: 0.6, printf: 1, println: 1.2, cout: 1.2, std: 0.8, console: 0.7, str: 0.8, len: 1,
    arr: 1, nums: 1, fn: 0.8, func: 0.8, struct: 1, enum: 1, typedef: 1.2, malloc: 1.2, pointer: 0.8, pointers: 0.8,
    mutex: 1.2, thread: 0.4, exception: 0.8, traceback: 1.5, error: 0.35, errors: 0.3, module: 0.4, library: 0.4,
    framework: 0.5, frontend: 0.8, backend: 0.8, website: 0.3, webpage: 0.8, app: 0.3, binary: 0.4, palindrome: 0.6,
    fibonacci: 0.6, factorial: 0.6, vowels: 0.4, uppercase: 0.5, lowercase: 0.5, given: 0.12, data: 0.15,
    'stack trace': 1.5, 'linked list': 1.2, 'binary search': 1, 'unit test': 1, 'unit tests': 1, 'web page': 0.8,
    'regular expression': 1.4, 'data type': 1, 'data structure': 1, 'machine learning': 0.5, 'following code': 1, 'this code': 1,
    'the code': 0.8, 'time complexity': 1.2,
  },
  reasoning: {
    why: 0.6, because: 0.25, therefore: 0.4, thus: 0.3, hence: 0.3, prove: 0.5, proof: 0.4, logic: 0.9,
    logical: 0.8, logically: 0.8, puzzle: 1, puzzles: 1, riddle: 1.2, deduce: 1, deduction: 1, infer: 0.8,
    inference: 0.5, reason: 0.6, reasoning: 0.8, reasons: 0.3, explain: 0.45, explanation: 0.4, justify: 0.8,
    argument: 0.5, arguments: 0.3, premise: 1, premises: 1, conclusion: 0.5, conclude: 0.6, syllogism: 1.2,
    paradox: 1, implies: 0.7, contradiction: 0.8, valid: 0.3, fallacy: 1, hypothesis: 0.5, evidence: 0.3,
    analyze: 0.4, analyse: 0.4, compare: 0.3, think: 0.3, thinking: 0.4, consider: 0.2, suppose: 0.5, assume: 0.4,
    scenario: 0.4, truth: 0.3, liar: 0.8, liars: 0.9, knights: 0.6, knaves: 1, 'step by': 1, 'think carefully': 1,
    'chain of': 0.6, 'what if': 0.5, 'true or': 0.6, 'which one': 0.3, 'first principles': 0.8,
  },
  agentic_tool_use: {
    tool: 0.6, tools: 0.6, tool_call: 1.2, tool_calls: 1.2, function_call: 1, agent: 0.6, agents: 0.5, agentic: 1,
    observation: 0.6, observations: 0.4, action: 0.25, actions: 0.25, thought: 0.2, scratchpad: 0.9, browse: 0.6,
    browser: 0.4, navigate: 0.4, click: 0.4, execute: 0.4, invoke: 0.6, plugin: 0.5, workflow: 0.4,
    autonomous: 0.6, subtask: 0.6, subtasks: 0.6, 'function call': 1, 'function calling': 1.2, 'available tools': 1.4,
    'use the': 0.15, 'search the': 0.5, 'final answer': 0.5, 'call the': 0.4, 'the tool': 0.6, 'tool use': 1,
  },
  writing: {
    essay: 1.2, essays: 1.2, story: 1, stories: 1, poem: 1.2, poems: 1.2, poetry: 1.2, haiku: 1.3, sonnet: 1.3,
    limerick: 1.3, lyrics: 1.1, song: 0.7, rewrite: 1, rephrase: 1, paraphrase: 1, proofread: 1.2, edit: 0.4,
    email: 0.9, emails: 0.9, letter: 0.6, blog: 0.9, article: 0.7, articles: 0.6, draft: 0.6, tone: 0.6,
    paragraph: 0.6, paragraphs: 0.6, write: 0.3, writing: 0.4, novel: 0.8, chapter: 0.6, character: 0.3,
    characters: 0.25, narrative: 0.9, fiction: 1, plot: 0.5, dialogue: 0.4, creative: 0.7, headline: 0.8,
    slogan: 1, tagline: 1, caption: 0.8, summary: 0.5, summarize: 0.6, summarise: 0.6, grammar: 0.6, sentence: 0.3,
    sentences: 0.3, persuasive: 0.9, speech: 0.6, outline: 0.4, resume: 0.6, linkedin: 0.6, tweet: 0.7, post: 0.3,
    marketing: 0.4, copywriting: 1.2, describe: 0.3, description: 0.3, 'cover letter': 1.2, 'short story': 1.2,
    'in the style': 0.8, 'more formal': 0.8, 'more concise': 0.6,
  },
  chat: {
    hi: 1, hello: 1, hey: 0.9, hiya: 1, yo: 0.5, thanks: 0.7, thank: 0.6, thx: 0.8, bye: 0.8, goodbye: 0.8,
    lol: 0.8, haha: 0.8, cool: 0.3, nice: 0.3, awesome: 0.3, chat: 0.5, chatting: 0.6, talk: 0.4, bored: 0.6,
    feel: 0.2, feeling: 0.3, friend: 0.2, you: 0.05, 'how are': 0.9, 'good morning': 0.9, 'good night': 0.9,
    'who are': 0.6, 'are you': 0.3, 'your name': 0.6, 'tell me': 0.2,
  },
  safety: {
    weapon: 1, weapons: 1, bomb: 1.2, bombs: 1.2, explosive: 1.2, explosives: 1.2, grenade: 1.2, firearm: 0.8,
    firearms: 0.8, gun: 0.6, guns: 0.6, ammunition: 0.6, sarin: 1.5, anthrax: 1.5, ricin: 1.5, bioweapon: 1.5,
    bioweapons: 1.5, pathogen: 0.6, toxin: 0.7, poison: 0.9, poisoning: 0.8, drug: 0.5, drugs: 0.6, meth: 1.2,
    methamphetamine: 1.5, cocaine: 1.2, heroin: 1.2, fentanyl: 1.2, narcotics: 1, overdose: 1, hack: 0.8,
    hacking: 0.8, hacker: 0.6, malware: 1.2, ransomware: 1.5, keylogger: 1.3, spyware: 1.2, exploit: 0.6,
    phishing: 1, ddos: 1, botnet: 1, crack: 0.3, steal: 0.8, stealing: 0.8, suicide: 1.5, suicidal: 1.5,
    kill: 0.7, killing: 0.7, murder: 1, terrorist: 1.3, terrorism: 1.3, terror: 0.8, extremist: 1.2, extremism: 1.2,
    jihad: 1, nazi: 0.8, genocide: 1, shooting: 0.5, launder: 1, laundering: 1, counterfeit: 0.8, fraud: 0.7,
    scam: 0.6, illegal: 0.5, illegally: 0.7, untraceable: 1.2, weaponize: 1.5, harm: 0.4, violence: 0.6,
    violent: 0.5, racist: 0.6, slur: 0.8, slurs: 0.8, harass: 0.7, harassment: 0.6, stalk: 0.7, dox: 1, doxx: 1,
    blackmail: 1, extortion: 1, trafficking: 1.2, smuggle: 1, smuggling: 1, 'self harm': 1.5, 'hurt myself': 1.5,
    'kill myself': 2, 'sql injection': 0.8, 'nerve agent': 1.5, 'mass shooting': 1.5, torture: 1.2, arson: 1.2,
    kidnap: 1.2, kidnapping: 1.2, assassinate: 1.5, assassination: 1.2, abuse: 0.7, theft: 0.9, shoplift: 1.2,
    shoplifting: 1.2, embezzle: 1, embezzlement: 1, defamatory: 1, defame: 1, propaganda: 0.8, misinformation: 0.8,
    disinformation: 0.9, harassing: 0.8, bully: 0.6, bullying: 0.7, cyberbullying: 1, hate: 0.5, xenophobic: 0.9,
    sexist: 0.7, pornography: 1.2, pornographic: 1.2, porn: 1, sexual: 0.5, explicit: 0.4, lethal: 0.8, tamper: 0.8,
    cheat: 0.6, cheating: 0.5, manipulate: 0.5, manipulating: 0.5, evade: 0.6, evasion: 0.6, bypass: 0.4, fake: 0.35,
    unauthorized: 0.6, surveillance: 0.5, anorexia: 1, bulimia: 1, gambling: 0.4, 'without their': 0.6,
    'hate speech': 1, 'identity theft': 1.2, 'insider trading': 1.2, 'tax evasion': 1.2, 'eating disorder': 1,
  },
};

/** First words that make a short message a task, not chat ("Create a login form", "List three causes"). */
export const TASK_VERBS: readonly string[] = [
  'write', 'create', 'generate', 'make', 'build', 'design', 'implement', 'explain', 'describe', 'list', 'give',
  'find', 'identify', 'convert', 'calculate', 'compute', 'solve', 'translate', 'summarize', 'summarise', 'rewrite',
  'classify', 'compare', 'develop', 'construct', 'train', 'suggest', 'provide', 'edit', 'fix', 'debug', 'analyze',
  'analyse', 'determine', 'output', 'print', 'sort', 'count', 'replace', 'modify', 'update', 'add', 'remove',
  'delete', 'insert', 'return', 'compose', 'draft', 'prove', 'evaluate', 'normalize', 'format', 'parse', 'produce',
];

/** LaTeX commands that mark mathematics when written with their backslash. */
export const LATEX_COMMANDS: readonly string[] = [
  'frac', 'dfrac', 'sqrt', 'sum', 'prod', 'int', 'lim', 'cdot', 'times', 'div', 'pm', 'leq', 'geq', 'neq', 'le', 'ge',
  'infty', 'alpha', 'beta', 'gamma', 'delta', 'theta', 'lambda', 'sigma', 'pi', 'mathbb', 'mathrm', 'binom',
  'log', 'ln', 'sin', 'cos', 'tan', 'left', 'right', 'begin', 'end', 'equiv', 'mod', 'pmod', 'vec', 'partial',
];
