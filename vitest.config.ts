import { defineConfig } from 'vitest/config';

// Server tests share one module graph per worker (isolate: false): importing the app for each of
// ~130 files cost ≈1.7 s a file. Files that replace modules with vi.mock run isolated, so a mock
// never leaks into another file.
const mocking = ['server/src/modules/obstacles/report-pdf.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          sequence: { groupOrder: 0 },
          include: ['server/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...mocking],
          environment: 'node',
          isolate: false,
          // Two workers on two cores: much of a PostgreSQL test is waiting on the server.
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server-isolated',
          sequence: { groupOrder: 0 },
          include: mocking,
          environment: 'node',
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'web',
          sequence: { groupOrder: 0 },
          include: ['web/src/**/*.test.ts'],
          environment: 'node',
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'e2e',
          // Browser journeys run after the server tests: the machine has 2 cores.
          sequence: { groupOrder: 1 },
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
