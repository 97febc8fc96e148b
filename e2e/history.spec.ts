import type { APIRequestContext } from '@playwright/test';
import { expect, expectNoAxeViolations, saveScreenshot, test } from './fixtures.ts';

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
  // The head, then five changes.
  await expect(rows).toHaveCount(6);
  await expect(rows.nth(1)).toContainText('Changed the spaceDefault country US → GB');
  await expect(rows.nth(2)).toContainText('Changed the priority orderBefore: user_id, email, phone, anonymous_id');
  await expect(rows.nth(3)).toContainText('Changed the address-type mappingPhone number: phone → none');
  await expect(rows.nth(4)).toContainText('Changed the identifier emailDisplay name “email” → “Email”');
  await expect(rows.nth(5)).toContainText('Created the space “History”From the contact-center preset');
  await expect(page.getByText('All 5 changes of this space.')).toBeVisible();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'history');

  // A change made in the console is at the top when the tab is opened again.
  await page.getByRole('tab', { name: 'Identity resolution' }).click();
  const phoneNumbers = page.getByRole('region', { name: 'Phone numbers' });
  await phoneNumbers.getByRole('combobox', { name: 'Default country' }).selectOption('DE');
  await phoneNumbers.getByRole('button', { name: 'Save default country' }).click();
  await expect(page.getByText('Default country saved: Germany (DE).')).toBeVisible();
  await page.getByRole('tab', { name: 'Change history' }).click();
  await expect(rows.nth(1)).toContainText('Default country GB → DE');

  // Twenty to a page: older ones on request.
  for (let n = 1; n <= 15; n++)
    await write(request, 'patch', `${space}/identifiers/email`, { displayName: `Email ${n}` });
  await page.reload();
  await expect(rows).toHaveCount(21);
  await page.getByRole('button', { name: 'Load older changes' }).click();
  await expect(rows).toHaveCount(22);
  await expect(page.getByText('All 21 changes of this space.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load older changes' })).toBeHidden();
});
