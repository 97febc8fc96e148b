// Prints one closing line for the whole run, "N passed, N failed", from the JSON reports that
// vitest and Playwright write, so CI sees every layer's count in one place.
import { existsSync, readFileSync } from 'node:fs';

function read(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

const layers = [];
const vitest = read('test-reports/vitest.json');
if (vitest) {
  layers.push({
    name: 'unit + integration (vitest)',
    passed: vitest.numPassedTests,
    failed: vitest.numFailedTests,
    skipped: vitest.numPendingTests + vitest.numTodoTests,
  });
}
const playwright = read('test-reports/playwright.json');
if (playwright) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = playwright.stats ?? {};
  layers.push({ name: 'end-to-end (playwright)', passed: expected, failed: unexpected + flaky, skipped });
}
for (const layer of layers) {
  console.log(`  ${layer.name}: ${layer.passed} passed, ${layer.failed} failed, ${layer.skipped} skipped`);
}
const total = (key) => layers.reduce((sum, layer) => sum + layer[key], 0);
console.log(`${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
process.exit(total('failed') > 0 || layers.length === 0 ? 1 : 0);
