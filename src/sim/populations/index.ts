/** Every population, built in a fixed order so ids and random streams are reproducible. */
import type { SimContext } from '../context.ts';
import type { Rng } from '../random.ts';
import type { CampaignConfig } from '../scenario.ts';
import type { Actor } from '../types.ts';
import { appBackendActors } from './benign-app-backend.ts';
import { batchJobActors } from './benign-batch-job.ts';
import { benchmarkRunActors } from './benign-benchmark-run.ts';
import { codingAgentActors } from './benign-coding-agent.ts';
import { educationActors } from './benign-education.ts';
import { humanChatActors } from './benign-human-chat.ts';
import { officeTeamActors } from './benign-office-team.ts';
import { jailbreakProbeActors } from './campaign-jailbreak-probe.ts';
import { logprobProbeActors } from './campaign-logprob-probe.ts';
import { lowAndSlowActors } from './campaign-low-and-slow.ts';
import { modelPivotActors } from './campaign-model-pivot.ts';
import { reasoningHarvestActors } from './campaign-reasoning-harvest.ts';
import { resellerMixedActors } from './campaign-reseller-mixed.ts';
import { rotationActors } from './campaign-rotation.ts';
import { rubricHarvestActors } from './campaign-rubric-harvest.ts';

export function benignActors(ctx: SimContext, rng: Rng): Actor[] {
  return [
    ...humanChatActors(ctx, rng.fork('human_chat')),
    ...appBackendActors(ctx, rng.fork('app_backend')),
    ...batchJobActors(ctx, rng.fork('batch_job')),
    ...benchmarkRunActors(ctx, rng.fork('benchmark_run')),
    ...officeTeamActors(ctx, rng.fork('office_team')),
    ...educationActors(ctx, rng.fork('education')),
    ...codingAgentActors(ctx, rng.fork('coding_agent')),
  ];
}

export function campaignActors(ctx: SimContext, rng: Rng, config: CampaignConfig): Actor[] {
  const r = rng.fork(`campaign-${config.id}`);
  switch (config.role) {
    case 'reseller_mixed':
      return resellerMixedActors(ctx, r, config);
    case 'reasoning_harvest':
      return reasoningHarvestActors(ctx, r, config);
    case 'rubric_harvest':
      return rubricHarvestActors(ctx, r, config);
    case 'low_and_slow':
      return lowAndSlowActors(ctx, r, config);
    case 'rotation_worker':
      return rotationActors(ctx, r, config);
    case 'model_pivot':
      return modelPivotActors(ctx, r, config);
    case 'jailbreak_probe':
      return jailbreakProbeActors(ctx, r, config);
    case 'logprob_probe':
      return logprobProbeActors(ctx, r, config);
  }
}
