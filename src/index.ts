/** The library surface: what other programs embed. The CLI is built on exactly these. */
export { startGateway, type RunningGateway, type Logger } from './gateway/gateway.ts';
export { loadConfig } from './config/load.ts';
export { defaultConfig, type Config } from './config/config.ts';
export { startFakeUpstream, type FakeUpstream, type FakeUpstreamOptions } from './fake-upstream/fake-upstream.ts';
export type { TrafficEvent } from './core/traffic-event.ts';
export { DgError, type DgErrorCode } from './core/errors.ts';
export * from './protocol/index.ts';
