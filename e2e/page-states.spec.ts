import type { Page } from '@playwright/test';
import {
  type BrowserProblems,
  expect,
  expectNoAxeViolations,
  horizontalOverflow,
  identifierRow,
  openIdentifiersTab,
  saveScreenshot,
  test,
} from './fixtures.ts';

const IDENTIFIERS_URL = '**/api/v1/spaces/default/identifiers';
const EVERY_API_URL = '**/api/v1/**';

/** What the server answers while its database does not (apps/server/src/http/error-handler.ts). */
const DATABASE_UNAVAILABLE = {
  status: 503,
  contentType: 'application/problem+json',
  headers: { 'Retry-After': '5' },
  body: JSON.stringify({
    type: 'about:blank#database_unavailable',
    title: 'The database is unavailable',
    status: 503,
    detail: 'It did not answer. Try again in a few seconds.',
    code: 'database_unavailable',
    requestId: 'req-e2e-503',
  }),
};

/**
 * Opens the console while every API request answers that the database is out, and waits for the
 * notice that says so (the client retries a 5xx twice before it gives up). `recover` lets the
 * requests through again.
 */
async function openWithDatabaseOut(page: Page, browserProblems: BrowserProblems) {
  browserProblems.allowHttpStatus(503);
  let failing = true;
  await page.route(EVERY_API_URL, (route) => (failing ? route.fulfill(DATABASE_UNAVAILABLE) : route.continue()));
  await page.goto('/');
  const notice = page.getByRole('heading', { name: 'The server cannot reach its database' });
  await expect(notice).toBeVisible({ timeout: 15_000 });
  return {
    notice,
    recover: () => {
      failing = false;
    },
  };
}

test('a space without identifiers explains what to do', async ({ page, api }) => {
  await api.resetToEmpty();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'This space has no identifiers yet' })).toBeVisible();
  // In the console's words, not the API's: another space's settings file is the other way to start.
  await expect(page.getByText('export its settings there and use Import settings… on the same tab')).toBeVisible();
  await expect(page.getByText('/api/v1/')).toHaveCount(0);
  const link = page.getByRole('link', { name: 'Identity resolution tab' });
  await expect(link).toBeVisible();
  // The mapping form still works: nothing to choose but "None".
  await expect(page.getByLabel('Phone number')).toHaveValue('');
  await expect(page.getByLabel('Phone number').getByRole('option')).toHaveText(['None']);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'identifiers-empty');

  // The console's own way comes first: the link opens the tab with Add identifier.
  await link.click();
  await expect(page).toHaveURL(/\/unified-profiles\/manage\/identity-resolution#identity-resolution-priority-heading$/);
  await expect(page.getByRole('heading', { name: 'Priority and rules' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Add identifier' })).toBeVisible();
});

test('skeletons show while the identifiers load', async ({ page }) => {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(IDENTIFIERS_URL, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('/');
  await expect(page.getByText('Loading identifiers…')).toBeAttached();
  await expect(page.locator('[aria-busy="true"]').first()).toBeVisible();
  await saveScreenshot(page, 'identifiers-loading');
  release();
  await expect(identifierRow(page, 'email')).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
});

test('a failed load shows the problem, its request id, and Retry', async ({ page, browserProblems }) => {
  // A fault of the server's own: a database outage is said once above the page instead (tested below).
  browserProblems.allowHttpStatus(500);
  let failing = true;
  await page.route(IDENTIFIERS_URL, async (route) => {
    if (!failing) return route.continue();
    return route.fulfill({
      status: 500,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'about:blank#internal_error',
        title: 'Something went wrong on our side',
        status: 500,
        detail: 'The request could not be completed. Try again; if it keeps failing, give us the request id.',
        code: 'internal_error',
        requestId: 'req-e2e-500',
      }),
    });
  });
  await page.goto('/');
  const error = page.getByRole('heading', { name: 'The identifiers could not be loaded' });
  // The client retries a 5xx twice before it gives up.
  await expect(error).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('The request could not be completed.')).toBeVisible();
  await expect(page.getByText('req-e2e-500')).toBeVisible();
  await expect(
    page.getByText('The mapping can be changed once the identifiers have loaded. Use Retry above to load them again.'),
  ).toBeVisible();
  // Not an outage: no notice above the page.
  await expect(page.getByRole('heading', { name: /The server/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'identifiers-error');

  failing = false;
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(identifierRow(page, 'email')).toBeVisible();
  await expect(error).toBeHidden();
});

test('a refresh that fails keeps what was loaded on screen and says it may be out of date', async ({
  page,
  browserProblems,
}) => {
  // A fault that is no outage (an outage has its own notice, tested below): a 500 without problem+json.
  browserProblems.allowHttpStatus(500);
  let failing = false;
  await page.route(IDENTIFIERS_URL, async (route) => {
    if (!failing || route.request().method() !== 'GET') return route.continue();
    return route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>Internal Server Error</h1>' });
  });
  await page.goto('/');
  await expect(identifierRow(page, 'email')).toBeVisible();

  // A save refreshes every settings query; the identifiers' refresh fails (after its retries).
  failing = true;
  await page.getByLabel('Phone number').selectOption('');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  const banner = page.getByRole('heading', { name: 'What you see may be out of date' });
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(identifierRow(page, 'email')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The identifiers could not be loaded' })).toHaveCount(0);
  // Screen readers hear it too: a status region that was in the page before the banner came.
  await expect(page.getByRole('status').filter({ hasText: 'What you see may be out of date' })).toHaveText(
    'What you see may be out of date. The server ran into a problem.',
  );

  // A refresh that fails again gives the focus back to Refresh now (disabled while it loads).
  const refresh = page.getByRole('button', { name: 'Refresh now' });
  await refresh.focus();
  await page.keyboard.press('Enter');
  await expect(refresh).toBeFocused({ timeout: 15_000 });
  await expect(banner).toBeVisible();

  // The page also retries by itself every 10 s: once no attempt is under way (Refresh now is
  // enabled again), the server is back and the click makes the next one. Done first thing, seconds
  // after the banner came (the accessibility check and the screenshot come with the next banner):
  // later, the page's own retry could come between the server's return and the click.
  await expect(refresh).toBeEnabled();
  failing = false;
  await refresh.click();
  await expect(banner).toBeHidden();
  await expect(identifierRow(page, 'email')).toBeVisible();

  // Failing again, then the server is back: the banner goes by itself, without a click.
  failing = true;
  await page.getByLabel('Phone number').selectOption('phone');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('and tries again every 10 seconds.')).toBeVisible();
  await expectNoAxeViolations(page);
  await banner.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'identifiers-refresh-failed', { viewportOnly: true });
  failing = false;
  await expect(banner).toBeHidden({ timeout: 15_000 });
  await expect(
    page.getByText('Up to date again: the server answers, and the page shows its latest data.'),
  ).toBeVisible();
});

test('when the database is out, one notice above the page says so, and Try again brings the page back', async ({
  page,
  browserProblems,
}) => {
  const { notice, recover } = await openWithDatabaseOut(page, browserProblems);
  // (By role: the status region holds the same words.)
  await expect(
    page.getByRole('paragraph').filter({ hasText: 'Nothing can be loaded or saved until it answers again.' }),
  ).toBeVisible();
  // Screen readers hear it: a status region that was in the page before the notice came.
  await expect(page.getByRole('status').filter({ hasText: 'The server cannot reach its database' })).toHaveText(
    'The server cannot reach its database. Nothing can be loaded or saved until it answers again.',
  );
  // It comes before the page heading, and the sections say in a line that they wait, without
  // repeating the server's explanation, its request id or a Retry of their own.
  const noticeBox = await notice.boundingBox();
  const pageHeading = await page.getByRole('heading', { level: 1, name: 'Manage' }).boundingBox();
  expect(noticeBox?.y ?? Infinity).toBeLessThan(pageHeading?.y ?? 0);
  await expect(page.getByRole('heading', { name: 'The identifiers could not be loaded' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The address-type mappings could not be loaded' })).toBeVisible();
  await expect(page.getByText('Waiting for the server to reach its database')).toHaveCount(2);
  await expect(page.getByText('It did not answer. Try again in a few seconds.')).toHaveCount(0);
  await expect(page.getByText('req-e2e-503')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'database-unavailable');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'database-unavailable-dark');

  // Try again refetches every failed query; once they answer, the notice goes and the data shows.
  recover();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(identifierRow(page, 'email')).toBeVisible();
  await expect(page.getByLabel('Phone number')).toBeVisible();
  await expect(notice).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'The server cannot reach its database' })).toHaveCount(0);
  await expect(
    page.getByText('Up to date again: the server answers, and the page shows its latest data.'),
  ).toBeVisible();
});

test('when the database is out on the first load, the space switcher marks the space’s id as an id, and names the space once it is back', async ({
  page,
  browserProblems,
}) => {
  const { notice, recover } = await openWithDatabaseOut(page, browserProblems);
  // Nothing said the space's name: the field shows its id as one, not as if it were its name.
  const space = page.getByRole('textbox', { name: 'Space' });
  await expect(space).toHaveValue('id: default');
  await expect(page.getByRole('button', { name: 'Rename space' })).toBeDisabled();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'space-switcher-database-unavailable', { viewportOnly: true });

  // Once the server answers again, its name.
  recover();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(space).toHaveValue('Default');
  await expect(notice).toBeHidden();
});

test('when the server stops answering, the page keeps what it loaded, says so once, and comes back by itself', async ({
  page,
  browserProblems,
}) => {
  browserProblems.allowFailedRequests(/\/api\/v1\//);
  // A phone: the notice must fit its width too.
  await page.setViewportSize({ width: 390, height: 844 });
  let failing = false;
  await page.route(EVERY_API_URL, (route) => (failing ? route.abort('connectionrefused') : route.continue()));
  await openIdentifiersTab(page);

  // The server goes away; the next tab's first load fails (after its retries).
  failing = true;
  await page.getByRole('tab', { name: 'Change history' }).click();
  const notice = page.getByRole('heading', { name: 'The server is not answering' });
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await expect(
    page.getByRole('paragraph').filter({ hasText: 'It may be restarting, or the network to it may be down' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The change history could not be loaded' })).toBeVisible();
  await expect(page.getByText('Waiting for the server to answer')).toBeVisible();
  // Said once: no out-of-date banner beside it.
  await expect(page.getByRole('heading', { name: 'What you see may be out of date' })).toHaveCount(0);
  expect(await horizontalOverflow(page)).toBe(0);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'server-not-answering-narrow', { viewportOnly: true });
  // What was loaded stays.
  await page.getByRole('tab', { name: 'Identifiers' }).click();
  await expect(identifierRow(page, 'email')).toBeVisible();
  await expect(notice).toBeVisible();

  // The server is back: within the console's 10-second retry, without a click, the notice goes.
  failing = false;
  await page.getByRole('tab', { name: 'Change history' }).click();
  await expect(notice).toBeHidden({ timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'The change history could not be loaded' })).toBeHidden();
  await expect(
    page.getByText('Up to date again: the server answers, and the page shows its latest data.'),
  ).toBeVisible();
});

test('a tab whose code cannot be downloaded shows the problem and Try again, not a blank page', async ({
  page,
  browserProblems,
}) => {
  // The server went away, or a new version replaced the file, after the console was opened.
  const chunk = /\/assets\/lookup-preview-tab-[^/]*\.js/;
  browserProblems.allowFailedRequests(chunk);
  let failing = true;
  await page.route(chunk, (route) => (failing ? route.abort('connectionrefused') : route.continue()));
  await openIdentifiersTab(page);
  await page.getByRole('tab', { name: 'Lookup preview' }).click();
  await expect(page.getByRole('heading', { name: 'The lookup preview could not be shown' })).toBeVisible();
  await expect(page.getByText('Its part of the console could not be downloaded')).toBeVisible();
  // The rest of the console stays: the page heading, the tabs, the other tabs' content.
  await expect(page.getByRole('heading', { level: 1, name: 'Manage' })).toBeVisible();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'tab-code-not-downloaded');

  failing = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Look up a contact' })).toBeVisible();
  await page.getByRole('tab', { name: 'Identifiers' }).click();
  await expect(identifierRow(page, 'email')).toBeVisible();
});

test('at 400 % zoom a dialog scrolls as one, so its fields are not a slit between header and footer', async ({
  page,
}) => {
  // 400 % of a 1280 × 1024 screen.
  await page.setViewportSize({ width: 320, height: 256 });
  await openIdentifiersTab(page);
  await page.getByRole('button', { name: 'Edit identifier email' }).click();
  const dialog = page.getByRole('dialog', { name: /Edit identifier/ });
  const field = dialog.getByRole('textbox', { name: 'Display name' });
  await expect(field).toBeFocused();
  // The body shows all it holds (nothing scrolls inside it); the dialog as a whole scrolls instead.
  const body = dialog.locator('[data-paste-element="MODAL_BODY"]');
  const bodyOverflow = await body.evaluate((element) => element.scrollHeight - element.clientHeight);
  expect(bodyOverflow).toBeLessThanOrEqual(1);
  // (The dialog role is on Paste's MODAL element itself.)
  expect(await dialog.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
  // The sticky top bar no longer takes a third of the window: it scrolls away with the page.
  await expect(page.locator('[data-paste-element="TOPBAR"]')).toHaveCSS('position', 'static');
  await saveScreenshot(page, 'dialog-at-400-percent-zoom', { viewportOnly: true });
  await dialog.evaluate((element) => element.scrollTo(0, 10_000));
  await saveScreenshot(page, 'dialog-at-400-percent-zoom-scrolled', { viewportOnly: true });
});
