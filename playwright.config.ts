import { defineConfig } from '@playwright/test';

// A fixed port for the server under test; E2E_PORT overrides it when 4310 is taken.
const PORT = Number(process.env.E2E_PORT ?? 4310);
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // `list` for people; JSON for scripts/test-summary.mjs (outside test-results, which Playwright empties).
  reporter: [['list'], ['json', { outputFile: 'test-reports/playwright.json' }]],
  // Generous: three axe passes on a loaded 2-core machine take most of 30 s.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: BASE_URL,
    // A click on a control that never becomes enabled fails here, naming the line, rather than
    // waiting out the test's timeout without saying where it stood.
    actionTimeout: 20_000,
    viewport: { width: 1440, height: 900 },
    colorScheme: 'light',
    locale: 'en-US',
    // Recording a trace of every test, even one kept only on failure, made the suite ~35 % slower
    // (spaces.spec.ts: 61–63 s without, 85–100 s with). Record one when debugging a failure:
    // `npx playwright test <spec> --trace retain-on-failure` (e2e/README.md).
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium (scripts/ensure-chromium.mjs installs it), not a downloaded build.
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node e2e/support/start-server.mjs',
    url: `${BASE_URL}/api/v1/readyz`,
    env: { E2E_PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
