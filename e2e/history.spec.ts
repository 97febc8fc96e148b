import type { APIRequestContext } from '@playwright/test';
import {
  expect,
  expectNoAxeViolations,
  horizontalOverflow,
  LONG_KEY,
  LONG_NAME,
  saveScreenshot,
  test,
} from './fixtures.ts';

/** Sends one settings write to a space and checks it was accepted. */
async function write(request: APIRequestContext, method: 'patch' | 'put', path: string, data: unknown) {
  const response = await request[method](path, { data });
  expect(response.status(), await response.text()).toBe(200);
}

test('the change history lists every settings change in words, newest first, a page at a time', async ({
  page,
  request,
}) => {
  const spaceId = `history-${Date.now().toString(36)}`;
  const space = `/api/v1/spaces/${spaceId}`;
  const created = await request.post('/api/v1/spaces', {
    data: { id: spaceId, name: 'History', preset: 'contact-center' },
  });
  expect(created.status(), await created.text()).toBe(201);
  await write(request, 'patch', `${space}/identifiers/email`, { displayName: 'Email' });
  await write(request, 'put', `${space}/address-type-mappings`, { phone: null, email: 'email' });
  await write(request, 'put', `${space}/identifiers/priority`, {
    keys: ['email', 'user_id', 'phone', 'anonymous_id'],
  });
  await write(request, 'patch', space, { defaultCountry: 'GB' });

  await page.goto(`/spaces/${spaceId}/unified-profiles/manage/history`);
  await expect(page.getByRole('tab', { name: 'Change history', selected: true })).toBeVisible({ timeout: 15_000 });
  const rows = page.getByRole('region', { name: 'Change history' }).getByRole('row');
  /** Row n (1 is the newest change): its title, then the changes it lists. */
  const expectRow = async (n: number, title: string, changes: string[]) => {
    await expect(rows.nth(n).getByText(title, { exact: true })).toBeVisible();
    await expect(rows.nth(n).getByRole('listitem')).toHaveText(changes);
  };
  // The head, then five changes.
  await expect(rows).toHaveCount(6);
  await expectRow(1, 'Changed the default country', ['Default country United States (US) → United Kingdom (GB)']);
  await expectRow(2, 'Changed the priority order', [
    'Before: user_id, email, phone, anonymous_id',
    'After: email, user_id, phone, anonymous_id',
  ]);
  await expectRow(3, 'Changed the address-type mapping', ['Phone number: phone → none']);
  await expectRow(4, 'Changed the identifier email', ['Display name “email” → “Email”']);
  await expectRow(5, 'Created the space “History”', [
    'From the contact-center preset',
    'Default country United States (US)',
  ]);
  await expect(page.getByText('All 5 changes of this space.')).toBeVisible();
  // Changes made within a minute stay apart: times to the second, with the time zone on hover.
  const when = rows.nth(1).locator('time');
  await expect(when).toHaveText(/\b\d{1,2}:\d{2}:\d{2}\b/);
  await expect(when).toHaveAttribute('title', /\b\d{1,2}:\d{2}:\d{2}\b.*\b(UTC|GMT[+-]?\d*|[A-Z]{2,5})$/);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'history');

  // A change made in the console is at the top when the tab is opened again.
  await page.getByRole('tab', { name: 'Identity resolution' }).click();
  const phoneNumbers = page.getByRole('region', { name: 'Phone numbers' });
  await phoneNumbers.getByRole('combobox', { name: 'Default country' }).selectOption('DE');
  await phoneNumbers.getByRole('button', { name: 'Save default country' }).click();
  await expect(page.getByText('Default country saved: Germany (DE).')).toBeVisible();
  await page.getByRole('tab', { name: 'Change history' }).click();
  await expectRow(1, 'Changed the default country', ['Default country United Kingdom (GB) → Germany (DE)']);

  // Twenty to a page: older ones on request.
  for (let n = 1; n <= 15; n++)
    await write(request, 'patch', `${space}/identifiers/email`, { displayName: `Email ${n}` });
  await page.reload();
  await expect(rows).toHaveCount(21);
  await page.getByRole('button', { name: 'Load older changes' }).click();
  await expect(rows).toHaveCount(22);
  // The button is gone: focus is on the change it brought, not lost.
  await expect(rows.nth(21)).toBeFocused();
  await expect(rows.nth(21)).toContainText('Created the space “History”');
  await expect(page.getByText('All 21 changes of this space.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load older changes' })).toBeHidden();
});

test('at 390px each change is a list item, its time and author below it', async ({ page, request }) => {
  const spaceId = `history-narrow-${Date.now().toString(36)}`;
  const created = await request.post('/api/v1/spaces', { data: { id: spaceId, name: 'Narrow', preset: 'empty' } });
  expect(created.status(), await created.text()).toBe(201);
  await write(request, 'patch', `/api/v1/spaces/${spaceId}`, { defaultCountry: 'FR' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/spaces/${spaceId}/unified-profiles/manage/history`);
  const changes = page.getByRole('list', { name: 'Changes, newest first' }).locator(':scope > li');
  await expect(changes).toHaveCount(2);
  await expect(changes.first().getByText('Changed the default country', { exact: true })).toBeVisible();
  await expect(changes.first().getByRole('listitem')).toHaveText(['Default country United States (US) → France (FR)']);
  await expect(changes.first()).toContainText('· Not signed in (console or API)');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'history-narrow');
});

test('at 390px a 64-character key and a 50-character name wrap: no tab scrolls the page sideways', async ({
  page,
  request,
  api,
}) => {
  const spaceId = `history-long-${Date.now().toString(36)}`;
  const space = `/api/v1/spaces/${spaceId}`;
  const created = await request.post('/api/v1/spaces', {
    data: { id: spaceId, name: 'Long names', preset: 'contact-center' },
  });
  expect(created.status(), await created.text()).toBe(201);
  await api.addLongIdentifier(space);
  await write(request, 'patch', `${space}/identifiers/email`, { displayName: LONG_NAME });
  await page.setViewportSize({ width: 390, height: 844 });

  await page.goto(`/spaces/${spaceId}/unified-profiles/manage/history`);
  const changes = page.getByRole('list', { name: 'Changes, newest first' }).locator(':scope > li');
  // A first load of a new space's page: as long as the other tabs below are given on a busy machine.
  await expect(changes).toHaveCount(3, { timeout: 15_000 });
  await expect(changes.first()).toContainText(LONG_NAME);
  await expect(changes.nth(1)).toContainText(`Added the identifier ${LONG_KEY}`);
  expect(await horizontalOverflow(page)).toBe(0);
  await saveScreenshot(page, 'history-narrow-long-names');

  // The other tabs, with the same long key and name.
  const tabs = [
    { path: 'identifiers', ready: page.getByRole('button', { name: `Edit identifier ${LONG_KEY}`, exact: true }) },
    {
      path: 'identity-resolution',
      ready: page.getByRole('button', { name: `Edit rules for ${LONG_KEY}`, exact: true }),
    },
    { path: 'lookup-preview', ready: page.getByRole('heading', { name: 'Look up a contact' }) },
  ];
  for (const { path, ready } of tabs) {
    await page.goto(`/spaces/${spaceId}/unified-profiles/manage/${path}`);
    await expect(ready).toBeAttached({ timeout: 15_000 });
    expect(await horizontalOverflow(page), `sideways scroll on ${path}`).toBe(0);
    await saveScreenshot(page, `narrow-long-names-${path}`);
  }
  // In the lookup, the identifier options hold the long key and name.
  await page.getByLabel('Search by').selectOption('identifier');
  await page.getByLabel('Identifier', { exact: true }).selectOption(LONG_KEY);
  expect(await horizontalOverflow(page)).toBe(0);
});

test('coming back to the change history shows the changes made meanwhile through the API', async ({
  page,
  request,
}) => {
  const spaceId = `history-back-${Date.now().toString(36)}`;
  const space = `/api/v1/spaces/${spaceId}`;
  const created = await request.post('/api/v1/spaces', {
    data: { id: spaceId, name: 'History back', preset: 'contact-center' },
  });
  expect(created.status(), await created.text()).toBe(201);
  // The page's clock, so that "a while later" (past the 10 s the data counts as fresh) takes no time.
  await page.clock.install();
  await page.goto(`/spaces/${spaceId}/unified-profiles/manage/history`);
  const history = page.getByRole('region', { name: 'Change history' });
  await expect(history.getByText('The only change of this space.')).toBeVisible({ timeout: 15_000 });

  await page.getByRole('tab', { name: 'Identifiers' }).click();
  await write(request, 'patch', `${space}/identifiers/email`, { displayName: 'Email address' });
  await page.clock.fastForward(11_000);
  await page.getByRole('tab', { name: 'Change history' }).click();
  await expect(history.getByText('Both changes of this space.')).toBeVisible();
  await expect(history.getByText('Email address', { exact: false }).first()).toBeVisible();
});
