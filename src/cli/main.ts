import { Command } from 'commander';
import { registerServe } from './serve.ts';
import { registerDemo } from './demo.ts';
import { registerKeys } from './keys.ts';
import { registerEvents } from './events.ts';
import { registerFakeUpstream } from './fake-upstream.ts';
import { registerSignals } from './signals.ts';
import { registerSimulate } from './simulate.ts';
import { registerAnalyze } from './analyze.ts';
import { registerEval } from './eval.ts';
import { createEngine } from '../engine/engine.ts';

const program = new Command('distillguard')
  .description('Protects model APIs against distillation and extraction attacks.')
  .version('0.1.0')
  .showHelpAfterError();

registerServe(program);
registerDemo(program);
registerKeys(program);
registerEvents(program);
registerFakeUpstream(program);
registerSignals(program);
registerSimulate(program);
registerAnalyze(program, { createEngine });
registerEval(program, { createEngine });

await program.parseAsync(process.argv);
