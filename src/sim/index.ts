/** Public API of the traffic simulator. */
export { simulate, createSimulation, type SimulateOptions, type SimulationResult, type Simulation } from './simulate.ts';
export { scenarioFor, SCALES, type Scale, type ScenarioConfig, type CampaignConfig, type InfraStyle, type OperatorStyle } from './scenario.ts';
export { Rng, hashString, mix32 } from './random.ts';
export { promptPools, proceduralPools, datasetPools, type PromptPools, type BankItem } from './prompts/pools.ts';
export { mathProblem, bankMathProblem, type MathProblem } from './prompts/math.ts';
export { codingTask, bankCodingTask } from './prompts/code.ts';
export { chatQuestion, followUp, essayRequest, appPersona, endUserMessage, batchTemplate, officeTask } from './prompts/chat.ts';
export { jailbreakPrompt, extractionPrompt } from './prompts/attacks.ts';
export { COT_WRAPPERS, RUBRIC_FRAMES, PAIRWISE_FRAMES, BENCHMARK_FRAMES } from './prompts/wrappers.ts';
export { replyText } from './prompts/replies.ts';
export { renderEvent, ENDPOINTS } from './wire.ts';
export { BENIGN_ROLES, CAMPAIGN_ROLES, type Role, type BenignRole, type CampaignRole, type AccountLabel, type CampaignSummary, type SimAccount, type RequestPlan } from './types.ts';
