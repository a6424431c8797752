import { cpSync } from 'node:fs';
import { defineConfig } from 'tsup';

// One ESM bundle per entry; dependencies stay external (better-sqlite3 is native).
export default defineConfig({
  entry: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  splitting: true,
  silent: true,
  // The text-signal weights are read at run time next to the bundle's chunks (see src/signals/classifier/loader.ts).
  async onSuccess() {
    cpSync('src/signals/models', 'dist/models', { recursive: true });
  },
});
