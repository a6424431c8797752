/** Procedural grade-school word problems with their answers: structures, names, items and numbers all vary. */
import { Rng } from '../random.ts';
import { FIRST_NAMES, ITEMS, PLACES, UNITS_OF_TIME } from './lexicon.ts';

export interface MathProblem {
  text: string;
  answer: number;
}

type Template = (rng: Rng) => MathProblem;

function money(value: number): string {
  return Number.isInteger(value) ? `$${value}` : `$${value.toFixed(2)}`;
}

const TEMPLATES: Template[] = [
  (rng) => {
    const [name, item] = [rng.pick(FIRST_NAMES), rng.pick(ITEMS)];
    const a = rng.int(12, 90);
    return { text: `${name} sold ${a} ${item} in April and half as many in May. How many ${item} did ${name} sell in the two months?`, answer: a + Math.floor(a / 2) };
  },
  (rng) => {
    const name = rng.pick(FIRST_NAMES);
    const rate = rng.int(8, 40);
    const minutes = rng.pick([15, 20, 30, 40, 45, 50, 75, 90]);
    return { text: `${name} earns ${money(rate)} an hour babysitting. Yesterday ${name} babysat for ${minutes} minutes. How much did ${name} earn?`, answer: Math.round((rate * minutes) / 60 * 100) / 100 };
  },
  (rng) => {
    const [name, item, place] = [rng.pick(FIRST_NAMES), rng.pick(ITEMS), rng.pick(PLACES)];
    const boxes = rng.int(3, 15);
    const per = rng.int(4, 24);
    const given = rng.int(1, boxes * per - 1);
    return { text: `At ${place}, ${name} bought ${boxes} boxes of ${item} with ${per} in each box, then gave away ${given}. How many are left?`, answer: boxes * per - given };
  },
  (rng) => {
    const [a, b] = rng.sample(FIRST_NAMES, 2) as [string, string];
    const x = rng.int(5, 60);
    const times = rng.int(2, 6);
    return { text: `${a} has ${x} ${rng.pick(ITEMS)}. ${b} has ${times} times as many as ${a}. How many do they have together?`, answer: x + x * times };
  },
  (rng) => {
    const name = rng.pick(FIRST_NAMES);
    const price = rng.int(20, 400);
    const discount = rng.pick([10, 15, 20, 25, 30, 40]);
    return { text: `A jacket costs ${money(price)}. ${name} has a coupon for ${discount}% off. What does ${name} pay after the discount?`, answer: Math.round(price * (100 - discount)) / 100 };
  },
  (rng) => {
    const speed = rng.int(30, 80);
    const hours = rng.int(2, 9);
    const name = rng.pick(FIRST_NAMES);
    return { text: `${name} drives at ${speed} miles per hour for ${hours} hours, then another ${rng.int(10, 90)} miles. How far did ${name} drive in the first part of the trip?`, answer: speed * hours };
  },
  (rng) => {
    const pages = rng.int(120, 900);
    const per = rng.int(10, 45);
    const name = rng.pick(FIRST_NAMES);
    return { text: `${name}'s book has ${pages} pages. If ${name} reads ${per} pages every ${rng.pick(UNITS_OF_TIME)}, how many ${rng.pick(['days', 'sessions'])} will it take to finish (rounding up)?`, answer: Math.ceil(pages / per) };
  },
  (rng) => {
    const total = rng.int(20, 60) * 2;
    const boysShare = rng.pick([25, 40, 50, 60, 75]);
    return { text: `A class trip has ${total} students and ${boysShare}% of them are in the choir. How many students are not in the choir?`, answer: Math.round(total * (100 - boysShare) / 100) };
  },
  (rng) => {
    const name = rng.pick(FIRST_NAMES);
    const weekly = rng.int(5, 60);
    const weeks = rng.int(3, 20);
    const goal = weekly * weeks + rng.int(10, 200);
    return { text: `${name} saves ${money(weekly)} every week to buy a bike that costs ${money(goal)}. After ${weeks} weeks, how much more does ${name} need?`, answer: goal - weekly * weeks };
  },
  (rng) => {
    const length = rng.int(4, 30);
    const width = rng.int(3, 20);
    const cost = rng.int(2, 15);
    return { text: `A garden is ${length} meters long and ${width} meters wide. Fencing costs ${money(cost)} per meter. How much does it cost to fence the whole garden?`, answer: 2 * (length + width) * cost };
  },
  (rng) => {
    const name = rng.pick(FIRST_NAMES);
    const start = rng.int(50, 300);
    const monthly = rng.int(5, 40);
    const months = rng.int(2, 12);
    return { text: `${name}'s channel had ${start} subscribers and gains ${monthly} new ones a month but loses ${Math.floor(monthly / 3)} a month. How many subscribers after ${months} months?`, answer: start + (monthly - Math.floor(monthly / 3)) * months };
  },
  (rng) => {
    const item = rng.pick(ITEMS);
    const a = rng.int(2, 9);
    const b = rng.int(2, 9);
    const pa = rng.int(1, 12);
    const pb = rng.int(1, 12);
    return { text: `${item[0]?.toUpperCase()}${item.slice(1)} cost ${money(pa)} each and stamps cost ${money(pb)} each. What is the total for ${a} ${item} and ${b} stamps?`, answer: a * pa + b * pb };
  },
  (rng) => {
    const workers = rng.int(2, 8);
    const days = rng.int(3, 12);
    const more = workers + rng.int(1, 6);
    return { text: `${workers} painters finish a house in ${days} days. Working at the same rate, how many days would ${more} painters take? Give the answer as a decimal.`, answer: Math.round((workers * days) / more * 100) / 100 };
  },
  (rng) => {
    const name = rng.pick(FIRST_NAMES);
    const age = rng.int(6, 40);
    const diff = rng.int(2, 30);
    const years = rng.int(2, 15);
    return { text: `${name} is ${age} years old and ${name}'s aunt is ${diff} years older. How old will the aunt be in ${years} years?`, answer: age + diff + years };
  },
  (rng) => {
    const litres = rng.int(20, 200);
    const used = rng.int(2, 9);
    const trips = rng.int(2, 12);
    return { text: `A water tank holds ${litres} liters. Each trip to the greenhouse uses ${used} liters and it is refilled by ${rng.int(1, 4)} liters after every trip. How many liters were used in ${trips} trips before any refill?`, answer: used * trips };
  },
  (rng) => {
    const [a, b, c] = rng.sample(FIRST_NAMES, 3) as [string, string, string];
    const x = rng.int(10, 50);
    const y = x + rng.int(3, 20);
    const z = y - rng.int(1, 10);
    return { text: `${a} scored ${x} points, ${b} scored ${y}, and ${c} scored ${z}. What was their average score?`, answer: Math.round((x + y + z) / 3 * 100) / 100 };
  },
  (rng) => {
    const dozen = rng.int(2, 12);
    const eaten = rng.int(1, dozen * 12 - 1);
    return { text: `For a party someone baked ${dozen} dozen ${rng.pick(['cookies', 'muffins', 'cupcakes'])}. Guests ate ${eaten}. How many were left over?`, answer: dozen * 12 - eaten };
  },
  (rng) => {
    const price = rng.int(3, 30);
    const qty = rng.int(10, 120);
    const cost = rng.int(1, price - 1);
    return { text: `A student club buys ${qty} ${rng.pick(ITEMS)} at ${money(cost)} each and sells them at ${money(price)} each. What is the profit if all are sold?`, answer: qty * (price - cost) };
  },
  (rng) => {
    const hours = rng.int(20, 45);
    const rate = rng.int(12, 50);
    const overtime = rng.int(1, 12);
    return { text: `${rng.pick(FIRST_NAMES)} worked ${hours + overtime} hours this week. The first ${hours} hours pay ${money(rate)} each and overtime pays 1.5 times that. What was the pay for the week?`, answer: hours * rate + overtime * rate * 1.5 };
  },
  (rng) => {
    const a = rng.int(100, 999);
    const b = rng.int(100, 999);
    return { text: `What is ${a} multiplied by ${b}, minus the sum of ${a} and ${b}?`, answer: a * b - (a + b) };
  },
  (rng) => {
    const laps = rng.int(4, 40);
    const meters = rng.pick([200, 250, 400, 500]);
    return { text: `A running track is ${meters} meters around. ${rng.pick(FIRST_NAMES)} ran ${laps} laps. How many kilometers is that?`, answer: (laps * meters) / 1000 };
  },
  (rng) => {
    const tickets = rng.int(50, 500);
    const adult = rng.int(8, 25);
    const child = rng.int(3, adult - 1);
    const adults = rng.int(1, tickets - 1);
    return { text: `${tickets} tickets were sold for a play: ${adults} adult tickets at ${money(adult)} and the rest child tickets at ${money(child)}. How much money was collected?`, answer: adults * adult + (tickets - adults) * child };
  },
];

export function mathProblem(rng: Rng): MathProblem {
  return rng.pick(TEMPLATES)(rng);
}

/** Problem `index` of a fixed bank: the same (bank, index) is always the same problem, so sweeps cover a bank without repeats. */
export function bankMathProblem(bankSeed: number, index: number): MathProblem {
  return mathProblem(new Rng(bankSeed, `math-${index}`));
}
