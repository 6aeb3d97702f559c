import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** The project this run was started for (`--project NAME` or `--project=NAME`), 'unit' when none. */
function reportName(): string {
  const argv = process.argv;
  const i = argv.indexOf('--project');
  const name = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--project='))?.slice('--project='.length);
  return name && /^[\w-]+$/.test(name) ? name : 'unit';
}

export default defineConfig({
  test: {
    // On CI, a JSON report per run as well (named after the --project run), which .ci/run sums into one closing line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: `.tmp/vitest-${reportName()}.json` }]] : ['default'],
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: ['tests/e2e/firefox/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Firefox ESR with the Manifest V2 build, over WebDriver BiDi (tests/e2e/firefox/harness.ts).
        test: {
          name: 'e2e-firefox',
          include: ['tests/e2e/firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
