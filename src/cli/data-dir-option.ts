import { Option } from 'commander';
import { defaultConfig } from '../config/config.ts';

/** `--data-dir`, as every command that reads or writes the stored events and keys takes it. */
export function dataDirOption(): Option {
  return new Option('--data-dir <dir>', 'data directory (events and keys)').default(defaultConfig.dataDir);
}
