import type { Page } from '@playwright/test';
import {
  CONTACT_CENTER_SETTINGS,
  expect,
  expectNoAxeViolations,
  expectNoOverflowingText,
  expectWithinViewportWidth,
  holdAnswers,
  horizontalOverflow,
  LONG_KEY,
  LONG_NAME,
  SPACE_API,
  saveScreenshot,
  test,
} from './fixtures.ts';

const TAB_PATH = '/unified-profiles/manage/identity-resolution';

/** Opens Unified Profiles › Manage › Identity resolution and waits for the identifiers. */
async function openIdentityResolutionTab(page: Page) {
  await page.goto(TAB_PATH);
  // The page chunk loads lazily: allow for a busy machine on the first paint.
  await expect(page.getByRole('tab', { name: 'Identity resolution', selected: true })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Edit rules for user_id', exact: true })).toBeVisible({
    timeout: 15_000,
  });
}

function prioritySection(page: Page) {
  return page.getByRole('region', { name: 'Priority and rules' });
}

/** The identifier keys of the priority table, top to bottom. */
async function priorityOrder(page: Page): Promise<string[]> {
  const labels = await prioritySection(page)
    .getByRole('button', { name: /^Edit rules for / })
    .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
  return labels.map((label) => label.replace('Edit rules for ', ''));
}

function priorityRow(page: Page, key: string) {
  return prioritySection(page)
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: `Edit rules for ${key}`, exact: true }) });
}

async function openRules(page: Page, key: string) {
  await page.getByRole('button', { name: `Edit rules for ${key}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Edit rules for ${key}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('spinbutton', { name: /Values per profile/ })).toBeFocused();
  return dialog;
}

interface ApiIdentifier {
  key: string;
  kind: string;
  displayName: string;
  priority: number;
  limit: { count: number; window: string };
  blockedValues: Array<{ value: string; match: string }>;
  sourceKeys: string[];
}

async function listIdentifiers(page: Page): Promise<ApiIdentifier[]> {
  const response = await page.request.get(`${SPACE_API}/identifiers`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { identifiers: ApiIdentifier[] }).identifiers;
}

async function identifier(page: Page, key: string): Promise<ApiIdentifier | undefined> {
  return (await listIdentifiers(page)).find((candidate) => candidate.key === key);
}

test('reorder the priority from the keyboard and see it after a reload and on the Identifiers tab', async ({
  page,
}) => {
  await openIdentityResolutionTab(page);
  await expect(prioritySection(page).getByText('the lowest-priority identifier goes first')).toBeVisible();
  expect(await priorityOrder(page)).toEqual(['user_id', 'email', 'phone', 'anonymous_id']);
  const save = page.getByRole('button', { name: 'Save order' });
  await expect(save).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Move user_id up' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Move anonymous_id down' })).toBeDisabled();

  // Keyboard only: focus stays on the button as its row moves.
  const up = page.getByRole('button', { name: 'Move anonymous_id up' });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(up).toBeFocused();
  await page.keyboard.press('Space');
  expect(await priorityOrder(page)).toEqual(['user_id', 'anonymous_id', 'email', 'phone']);
  await expect(page.getByText('anonymous_id moved to priority 2 of 4.')).toBeAttached();
  await expect(save).toBeEnabled();
  await saveScreenshot(page, 'identity-resolution-reordered');

  // The unsaved order stays while another tab is shown, and the tab says it holds unsaved changes.
  const tab = page.getByRole('tab', { name: /^Identity resolution/ });
  await expect(tab).toHaveAccessibleName('Identity resolution, unsaved changes');
  await page.getByRole('tab', { name: 'Identifiers' }).click();
  await expect(tab).toHaveAccessibleName('Identity resolution, unsaved changes');
  await saveScreenshot(page, 'identity-resolution-unsaved-tab', { viewportOnly: true });
  await tab.click();
  expect(await priorityOrder(page)).toEqual(['user_id', 'anonymous_id', 'email', 'phone']);

  // Discard puts it back; move again and save.
  await page.getByRole('button', { name: 'Discard changes' }).click();
  expect(await priorityOrder(page)).toEqual(['user_id', 'email', 'phone', 'anonymous_id']);
  await expect(save).toBeDisabled();
  await up.click();
  await up.click();
  await expect(page.getByText('anonymous_id moved to priority 2 of 4.')).toBeAttached();
  await save.click();
  await expect(page.getByText('Priority order saved.')).toBeVisible();
  await expect(save).toBeDisabled();
  await expect(tab).toHaveAccessibleName('Identity resolution');
  // The move is saved: its announcement does not linger for a screen reader to find later.
  await expect(page.getByText('anonymous_id moved to priority 2 of 4.')).toHaveCount(0);
  expect((await listIdentifiers(page)).map((entry) => entry.key)).toEqual([
    'user_id',
    'anonymous_id',
    'email',
    'phone',
  ]);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Edit rules for user_id' })).toBeVisible();
  expect(await priorityOrder(page)).toEqual(['user_id', 'anonymous_id', 'email', 'phone']);

  // The Identifiers tab lists the same order, and the URL follows the tab.
  await page.getByRole('tab', { name: 'Identifiers' }).click();
  await expect(page).toHaveURL(/\/unified-profiles\/manage\/identifiers$/);
  const anonymousRow = page
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: 'Edit identifier anonymous_id', exact: true }) });
  await expect(anonymousRow.getByRole('cell').first()).toHaveText('2');
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${TAB_PATH}$`));
  await expect(page.getByRole('tab', { name: 'Identity resolution', selected: true })).toBeVisible();
});

test('change a limit and its window and see it after a reload', async ({ page }) => {
  await openIdentityResolutionTab(page);
  await expect(priorityRow(page, 'anonymous_id')).toContainText('5 per 7 days');
  // One wording for every window: the count, then the window.
  await expect(priorityRow(page, 'user_id').getByRole('cell').nth(2)).toHaveText('1 ever');
  const dialog = await openRules(page, 'anonymous_id');
  await expect(dialog.getByText('At most 5 values per profile, counted over the last 7 days.')).toBeVisible();
  await dialog.getByRole('spinbutton', { name: /Values per profile/ }).fill('10');
  await dialog.getByRole('combobox', { name: /Counted over/ }).selectOption('monthly');
  await expect(dialog.getByText('At most 10 values per profile, counted over the last 30 days.')).toBeVisible();

  // No 12 px step arrows (WCAG 2.5.8): the arrow keys step the number in the field instead.
  await expect(dialog.getByRole('button', { name: /step value|Increase|Decrease/i })).toHaveCount(0);
  await dialog.getByRole('spinbutton', { name: /Values per profile/ }).press('ArrowUp');
  await expect(dialog.getByRole('spinbutton', { name: /Values per profile/ })).toHaveValue('11');
  await expect(dialog.getByText('At most 11 values per profile, counted over the last 30 days.')).toBeVisible();

  // Out of range is caught in the browser with the shared schema; the summary does not contradict it.
  await dialog.getByRole('spinbutton', { name: /Values per profile/ }).fill('1001');
  await dialog.getByRole('button', { name: 'Save rules' }).click();
  await expect(dialog.getByRole('spinbutton', { name: /Values per profile/ })).toHaveAccessibleDescription(
    'Use at most 1000',
  );
  await expect(dialog.getByText(/^At most/)).toHaveCount(0);
  await dialog.getByRole('spinbutton', { name: /Values per profile/ }).fill('');
  await expect(dialog.getByText(/^At most/)).toHaveCount(0);
  await dialog.getByRole('spinbutton', { name: /Values per profile/ }).fill('10');
  await dialog.getByRole('combobox', { name: /Normalization/ }).selectOption('none');
  await expect(dialog.getByText('Keeps the value exactly as received.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save rules' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Rules of anonymous_id saved.')).toBeVisible();
  await expect(priorityRow(page, 'anonymous_id')).toContainText('10 per 30 days');
  await expect(page.getByRole('button', { name: 'Edit rules for anonymous_id' })).toBeFocused();

  await page.reload();
  await expect(priorityRow(page, 'anonymous_id')).toContainText('10 per 30 days');
  await expect(priorityRow(page, 'anonymous_id')).toContainText('None');
  const saved = await identifier(page, 'anonymous_id');
  expect(saved?.limit).toEqual({ count: 10, window: 'monthly' });
});

test('changing the normalization of a mapped identifier warns in the rules dialog, before the save', async ({
  page,
}) => {
  await openIdentityResolutionTab(page);
  const dialog = await openRules(page, 'phone');
  const normalization = dialog.getByRole('combobox', { name: /Normalization/ });
  await expect(dialog.getByText(/^Lookups will not match/)).toHaveCount(0);
  await normalization.selectOption('trim');
  const warning =
    'Lookups will not match: phone is mapped to Phone number, and phone number lookups search for E.164 numbers such as +14155550100. With “trim” normalization its values are not stored that way. Keep “phone” normalization, or map another identifier first.';
  await expect(dialog.getByText(warning)).toBeVisible();
  await expect(normalization).toHaveAccessibleDescription(new RegExp(`${warning.slice(0, 40)}`));
  await saveScreenshot(page, 'identity-resolution-rules-mapped-normalization');
  await normalization.selectOption('phone');
  await expect(dialog.getByText(/^Lookups will not match/)).toHaveCount(0);
  // An identifier no address type is mapped to may take any normalization without a word.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  const other = await openRules(page, 'anonymous_id');
  await other.getByRole('combobox', { name: /Normalization/ }).selectOption('phone');
  await expect(other.getByText(/^Lookups will not match/)).toHaveCount(0);
});

test('a blocked regex refused by the server is shown on its row; a safe one is saved', async ({
  page,
  browserProblems,
}) => {
  browserProblems.allowHttpStatus(400);
  await openIdentityResolutionTab(page);
  const dialog = await openRules(page, 'email');
  await expect(dialog.getByRole('textbox', { name: /^Blocked value \d+$/ })).toHaveCount(4);
  await dialog.getByRole('button', { name: 'Add blocked value' }).click();
  const value = dialog.getByRole('textbox', { name: 'Blocked value 5', exact: true });
  await expect(value).toBeFocused();
  await value.fill('(a+)+$');
  await dialog.getByRole('combobox', { name: 'Match of blocked value 5' }).selectOption('regex');
  await dialog.getByRole('button', { name: 'Save rules' }).click();

  await expect(value).toHaveAttribute('aria-invalid', 'true');
  await expect(value).toHaveAccessibleDescription(/backtrack/i);
  await expect(value).toBeFocused();
  // The whole error is scrolled into view, not cut off by the bottom of the dialog's body.
  const errorId = await value.getAttribute('aria-describedby');
  await expect(dialog.locator(`[id="${errorId}"]`)).toBeInViewport({ ratio: 1 });
  for (const other of [1, 2, 3, 4]) {
    await expect(dialog.getByRole('textbox', { name: `Blocked value ${other}`, exact: true })).not.toHaveAttribute(
      'aria-invalid',
      'true',
    );
  }
  await expect(dialog).toBeVisible();
  await saveScreenshot(page, 'identity-resolution-regex-refused');

  // On a phone the value and its error take the dialog's width, not a sliver beside the select.
  await page.setViewportSize({ width: 390, height: 844 });
  const dialogWidth = (await dialog.boundingBox())?.width ?? 0;
  expect((await value.boundingBox())?.width ?? 0).toBeGreaterThan(dialogWidth * 0.7);
  expect((await dialog.locator(`[id="${errorId}"]`).boundingBox())?.width ?? 0).toBeGreaterThan(dialogWidth * 0.7);
  await value.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'identity-resolution-regex-refused-phone', { viewportOnly: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  // An invalid pattern never reaches the server; the reason does not repeat the pattern.
  await value.fill('([unclosed');
  await dialog.getByRole('button', { name: 'Save rules' }).click();
  await expect(value).toHaveAccessibleDescription('Not a valid regular expression: Unterminated character class');

  // A valid pattern that matches any value is said next to it: it would block every email.
  await value.fill('.*');
  const warning = 'This pattern matches any value: every value of this identifier would be dropped as blocked.';
  await expect(value).toHaveAccessibleDescription(/^This pattern matches any value: every value of this identifier/);
  await expect(value).not.toHaveAttribute('aria-invalid', 'true');
  await saveScreenshot(page, 'identity-resolution-regex-blocks-everything');
  await value.fill('^test-.*@example\\.com$');
  await expect(dialog.getByText(warning)).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Save rules' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Rules of email saved.')).toBeVisible();
  // The row shows what is blocked: the first three values as the form writes them, then how many more.
  const blockedCell = priorityRow(page, 'email').getByRole('cell').nth(4);
  await expect(blockedCell).toContainText('/^[0-]*$/, “-1”, “null”');
  await expect(blockedCell).toContainText('and 2 more');
  const saved = await identifier(page, 'email');
  expect(saved?.blockedValues).toContainEqual({ value: '^test-.*@example\\.com$', match: 'regex' });

  // Removing rows and bringing the suggested ones back, keyboard focus staying in the dialog:
  // on the row that takes the removed one's place, or on "Add blocked value" after the last row.
  const again = await openRules(page, 'email');
  await again.getByRole('button', { name: 'Remove blocked value 2' }).click();
  const second = again.getByRole('textbox', { name: 'Blocked value 2', exact: true });
  await expect(second).toBeFocused();
  await expect(second).toHaveValue('null');
  for (let row = 4; row >= 1; row -= 1) {
    await again.getByRole('button', { name: `Remove blocked value ${row}` }).click();
    await expect(again.getByRole('button', { name: 'Add blocked value' })).toBeFocused();
  }
  await expect(again.getByText('No blocked values')).toBeVisible();
  await again.getByRole('button', { name: 'Add suggested values' }).click();
  await expect(again.getByRole('textbox', { name: /^Blocked value \d+$/ })).toHaveCount(4);
  await expect(again.getByRole('textbox', { name: 'Blocked value 1', exact: true })).toBeFocused();
  await expect(again.getByRole('button', { name: 'Add suggested values' })).toBeDisabled();
  await again.getByRole('button', { name: 'Save rules' }).click();
  await expect(again).toBeHidden();
  expect((await identifier(page, 'email'))?.blockedValues).toHaveLength(4);
  await expect(blockedCell).toContainText('and 1 more');
});

test('an exact blocked value that repeats another ignoring case is refused on its row', async ({ page }) => {
  const patches: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH') patches.push(request.url());
  });
  await openIdentityResolutionTab(page);
  const dialog = await openRules(page, 'user_id');
  await expect(dialog.getByRole('textbox', { name: 'Blocked value 3', exact: true })).toHaveValue('null');
  await dialog.getByRole('button', { name: 'Add blocked value' }).click();
  const repeat = dialog.getByRole('textbox', { name: 'Blocked value 5', exact: true });
  await repeat.fill('NULL');
  await dialog.getByRole('button', { name: 'Save rules' }).click();
  await expect(repeat).toHaveAttribute('aria-invalid', 'true');
  await expect(repeat).toHaveAccessibleDescription('Same as row 3: exact values ignore case');
  await expect(repeat).toBeFocused();
  expect(patches).toEqual([]);

  // As a regular expression it is a different rule.
  await dialog.getByRole('combobox', { name: 'Match of blocked value 5' }).selectOption('regex');
  await expect(repeat).not.toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Save rules' }).click();
  await expect(dialog).toBeHidden();
  expect((await identifier(page, 'user_id'))?.blockedValues).toContainEqual({ value: 'NULL', match: 'regex' });
});

test('add a custom identifier with source keys, and a built-in one from the suggestions', async ({
  page,
  browserProblems,
}) => {
  browserProblems.allowHttpStatus(409);
  await openIdentityResolutionTab(page);
  await page.getByRole('button', { name: 'Add identifier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add identifier' });
  const key = dialog.getByRole('textbox', { name: /^Key/ });
  await expect(key).toBeFocused();
  // Only built-in keys the space lacks are suggested.
  await expect(dialog.getByRole('button', { name: 'Use group_id' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Use email' })).toHaveCount(0);
  // The suggestions are one tab stop: arrows move between them, Tab leaves them, Shift+Tab comes
  // back to the one last used.
  const suggestions = dialog.getByRole('toolbar', { name: 'Built-in identifiers not in this space yet:' });
  await page.keyboard.press('Tab');
  await expect(suggestions.getByRole('button').first()).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(suggestions.getByRole('button').nth(1)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(suggestions.getByRole('button').nth(1)).not.toBeFocused();
  expect(await suggestions.evaluate((toolbar) => toolbar.contains(document.activeElement))).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(suggestions.getByRole('button').nth(1)).toBeFocused();
  await key.focus();

  await key.fill('Loyalty ID');
  await dialog.getByRole('button', { name: 'Add identifier' }).click();
  // A name typed as a key: the rule, and the key it probably meant.
  await expect(key).toHaveAccessibleDescription(/lowercase letters.*, such as “loyalty_id”\.$/);
  await key.fill('EMAIL');
  await expect(key).toHaveAccessibleDescription(/The space already has “email”\.$/);
  await key.fill('email');
  await expect(key).toHaveAccessibleDescription('An identifier with this key already exists in this space');

  // The normalization follows the key until one is chosen: a custom key naming a phone number
  // starts as one.
  const normalization = dialog.getByRole('combobox', { name: 'Normalization' });
  await expect(normalization).toHaveValue('email');
  await key.fill('mobile_phone');
  await expect(normalization).toHaveValue('phone');
  await key.fill('loyalty_id');
  await expect(normalization).toHaveValue('trim');
  await expect(normalization).toHaveAccessibleDescription(/^Removes leading and trailing white space/);
  await normalization.selectOption('none');
  // Chosen, even the value it had: the key no longer moves it.
  await key.fill('mobile_phone');
  await expect(normalization).toHaveValue('none');
  await normalization.selectOption('trim');
  await key.fill('loyalty_id');
  await key.fill('work_email');
  await expect(normalization).toHaveValue('trim');
  await key.fill('loyalty_id');
  await normalization.selectOption('none');
  const sourceKeys = dialog.getByRole('textbox', { name: /Source keys/ });
  await expect(sourceKeys).toHaveValue('loyalty_id');
  await sourceKeys.fill('loyalty_id, memberNumber');
  await dialog.getByRole('textbox', { name: /Display name/ }).fill('Loyalty number');
  await dialog.getByRole('spinbutton', { name: /Priority/ }).fill('2');
  await saveScreenshot(page, 'identity-resolution-add-identifier');
  await dialog.getByRole('button', { name: 'Add identifier' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('loyalty_id added as a custom identifier at priority 2.')).toBeVisible();
  expect(await priorityOrder(page)).toEqual(['user_id', 'loyalty_id', 'email', 'phone', 'anonymous_id']);
  await expect(priorityRow(page, 'loyalty_id')).toContainText('Custom');
  await expect(priorityRow(page, 'loyalty_id')).toContainText('Source keys: loyalty_id, memberNumber');
  const saved = await identifier(page, 'loyalty_id');
  expect(saved).toMatchObject({
    kind: 'custom',
    displayName: 'Loyalty number',
    priority: 2,
    normalization: 'none',
    sourceKeys: ['loyalty_id', 'memberNumber'],
  });

  // A built-in key from the suggestions needs no source keys.
  await page.getByRole('button', { name: 'Add identifier' }).click();
  await dialog.getByRole('button', { name: 'Use group_id' }).click();
  await expect(key).toHaveValue('group_id');
  await expect(key).toHaveAccessibleDescription(/Built-in identifier, read from groupId/);
  await expect(dialog.getByRole('textbox', { name: /Source keys/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Add identifier' }).click();
  await expect(dialog).toBeHidden();
  expect(await identifier(page, 'group_id')).toMatchObject({ kind: 'default', priority: 6 });

  // Someone else adds the same key meanwhile: the 409 lands on the key field.
  await page.getByRole('button', { name: 'Add identifier' }).click();
  await key.fill('crm_ref');
  const created = await page.request.post(`${SPACE_API}/identifiers`, { data: { key: 'crm_ref' } });
  expect(created.status()).toBe(201);
  await dialog.getByRole('button', { name: 'Add identifier' }).click();
  await expect(key).toHaveAccessibleDescription('An identifier with this key already exists in this space');
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  // Cancel with a key typed asks before discarding it.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
});

test('delete an identifier, and a mapped one is explained up front', async ({ page }) => {
  const deletes: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'DELETE') deletes.push(request.url());
  });
  await openIdentityResolutionTab(page);

  // A mapped identifier: nothing to confirm, only why and where to unmap it.
  const deleteEmail = page.getByRole('button', { name: 'Delete email', exact: true });
  await deleteEmail.click();
  const mapped = page.getByRole('dialog', { name: 'Cannot delete email' });
  await expect(mapped).toContainText(
    'email is mapped to Email address lookups. Unmap it first in Identifier mapping by address type on the Identifiers tab.',
  );
  await expect(mapped.getByRole('button', { name: /Delete/ })).toHaveCount(0);
  await expect(mapped.getByRole('button', { name: 'Close', exact: true })).toBeFocused();
  await saveScreenshot(page, 'identity-resolution-delete-mapped');
  await mapped.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(mapped).toBeHidden();
  await expect(deleteEmail).toBeFocused();
  expect(deletes).toEqual([]);

  // Its link leads to the mapping form on the Identifiers tab, and closes the dialog on the way.
  await deleteEmail.click();
  await mapped.getByRole('link', { name: 'Identifier mapping by address type' }).click();
  await expect(mapped).toBeHidden();
  await expect(page).toHaveURL(/\/unified-profiles\/manage\/identifiers#address-type-mappings-heading$/);
  await expect(page.getByRole('heading', { name: 'Identifier mapping by address type' })).toBeFocused();
  await page.getByRole('tab', { name: 'Identity resolution' }).click();

  // Others move up only when there are others below.
  await page.getByRole('button', { name: 'Delete user_id', exact: true }).click();
  const first = page.getByRole('alertdialog', { name: 'Delete user_id?' });
  await expect(first).toContainText('identifiers below it move up one place');
  await first.getByRole('button', { name: 'Cancel' }).click();
  await expect(first).toBeHidden();

  await page.getByRole('button', { name: 'Delete anonymous_id', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete anonymous_id?' });
  await expect(dialog).toContainText('Events received after this are no longer matched on anonymous_id. This cannot');
  await expect(dialog).not.toContainText('move up');
  // A double click sends one delete, not a second one that would answer 412.
  await dialog.getByRole('button', { name: 'Delete identifier' }).dblclick();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('anonymous_id deleted.')).toBeVisible();
  expect(deletes).toHaveLength(1);
  expect(await priorityOrder(page)).toEqual(['user_id', 'email', 'phone']);
  // The focus stays in the table, on the row above the one deleted (it was the last), not lost.
  await expect(page.getByRole('button', { name: 'Delete phone', exact: true })).toBeFocused();
  expect(await identifier(page, 'anonymous_id')).toBeUndefined();
});

test('a space holding 200 identifiers explains why Add identifier is off, and a delete turns it back on', async ({
  page,
  request,
}) => {
  // The server's cap (so that an export always imports back): the preset plus 196 custom identifiers.
  const custom = Array.from({ length: 196 }, (_, i) => ({ key: `crm_${i}`, kind: 'custom', sourceKeys: [`crm_${i}`] }));
  const identifiers = [
    ...CONTACT_CENTER_SETTINGS.identifiers,
    ...custom.map((entry, i) => ({ ...entry, priority: i + 5 })),
  ];
  const imported = await request.put(`${SPACE_API}/settings`, { data: { ...CONTACT_CENTER_SETTINGS, identifiers } });
  expect(imported.status(), await imported.text()).toBe(200);
  // A type seen in events that no identifier reads (the one the one-click test adds, too).
  const event = await request.post(`${SPACE_API}/events`, {
    data: { type: 'track', event: 'Viewed', context: { externalIds: [{ id: 'C-2', type: 'crm_id' }] } },
  });
  expect(event.status(), await event.text()).toBe(200);

  await openIdentityResolutionTab(page);
  const add = prioritySection(page).getByRole('button', { name: 'Add identifier' });
  await expect(add).toBeDisabled();
  await expect(add).toHaveAccessibleDescription(
    'This space holds 200 identifiers, the most it may: delete one to add another.',
  );
  await add.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'identity-resolution-identifier-cap', { viewportOnly: true });
  const unrecognized = page.getByRole('region', { name: 'Unrecognized identifier types seen' });
  const addCrm = unrecognized.getByRole('button', { name: 'Add crm_id as identifier' });
  await expect(addCrm).toBeDisabled();
  await expect(unrecognized).toContainText('delete one to add one of these types');

  await page.getByRole('button', { name: 'Delete crm_100', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete crm_100?' });
  await dialog.getByRole('button', { name: 'Delete identifier' }).click();
  await expect(dialog).toBeHidden();
  // The focus goes to the row that took the deleted one's place.
  await expect(page.getByRole('button', { name: 'Delete crm_101', exact: true })).toBeFocused();
  await expect(add).toBeEnabled();
  await expect(addCrm).toBeEnabled();
  await expect(page.getByText(/the most it may/)).toHaveCount(0);
});

test('one-click add of an unrecognized identifier type seen in events', async ({ page }) => {
  const event = await page.request.post(`${SPACE_API}/events`, {
    data: {
      type: 'track',
      event: 'Order Completed',
      userId: 'u-crm-1',
      context: {
        externalIds: [
          { id: 'C-1', type: 'crm_id', collection: 'users' },
          { id: 'X-1', type: 'Legacy ID', collection: 'users' },
        ],
      },
    },
  });
  expect(event.status(), await event.text()).toBe(200);

  await openIdentityResolutionTab(page);
  const section = page.getByRole('region', { name: 'Unrecognized identifier types seen' });
  const crmRow = section.getByRole('row').filter({ hasText: 'crm_id' });
  await expect(crmRow).toBeVisible();
  await expect(crmRow.getByRole('cell').nth(1)).not.toHaveText('');
  const legacyRow = section.getByRole('row').filter({ hasText: 'Legacy ID' });
  await expect(legacyRow).toContainText('Not a valid identifier key');
  await expect(legacyRow.getByRole('button')).toHaveCount(0);
  await saveScreenshot(page, 'identity-resolution-unrecognized');

  await crmRow.getByRole('button', { name: 'Add crm_id as identifier' }).click();
  await expect(page.getByText('crm_id added as a custom identifier at priority 5.')).toBeVisible();
  await expect(crmRow).toHaveCount(0);
  await expect(priorityRow(page, 'crm_id')).toContainText('Custom');
  // No other type to add: the focus goes to the new identifier's rules instead of the page top.
  await expect(page.getByRole('button', { name: 'Edit rules for crm_id', exact: true })).toBeFocused();
  expect(await identifier(page, 'crm_id')).toMatchObject({ kind: 'custom', priority: 5, sourceKeys: ['crm_id'] });
});

test('a 412 conflict on the rules form names the other change, reloads the form or keeps the admin’s rules', async ({
  page,
  browserProblems,
}) => {
  browserProblems.allowHttpStatus(412);
  await openIdentityResolutionTab(page);
  const dialog = await openRules(page, 'email');
  const count = dialog.getByRole('spinbutton', { name: /Values per profile/ });
  await count.fill('7');

  // Another admin changes the same identifier's limit meanwhile.
  const patched = await page.request.patch(`${SPACE_API}/identifiers/email`, {
    data: { limit: { count: 3, window: 'daily' } },
  });
  expect(patched.status()).toBe(200);

  await dialog.getByRole('button', { name: 'Save rules' }).click();
  const alert = dialog.getByRole('alert').filter({ hasText: 'Someone else changed the settings' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Limit 5 ever → 3 per day. Your rules were not saved.');
  // The focus moves to Reload: Save rules, which had it, is disabled now.
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Save rules' })).toBeDisabled();
  await saveScreenshot(page, 'identity-resolution-conflict');
  expect((await identifier(page, 'email'))?.limit).toEqual({ count: 3, window: 'daily' });

  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(alert).toBeHidden();
  await expect(count).toHaveValue('3');
  // Focus moves from the removed Reload button to the first field, enabled again.
  await expect(count).toBeFocused();
  await expect(count).toBeEnabled();
  await expect(dialog.getByRole('combobox', { name: /Counted over/ })).toHaveValue('daily');
  await count.fill('8');

  // Changed once more elsewhere (its window): this time the admin keeps their rules, and they win.
  const again = await page.request.patch(`${SPACE_API}/identifiers/email`, {
    data: { limit: { count: 3, window: 'weekly' } },
  });
  expect(again.status()).toBe(200);
  await dialog.getByRole('button', { name: 'Save rules' }).click();
  await expect(alert).toContainText('Limit 3 per day → 3 per 7 days.');
  await alert.getByRole('button', { name: 'Keep my changes' }).click();
  await expect(alert).toBeHidden();
  await expect(count).toHaveValue('8');
  await expect(dialog.getByRole('combobox', { name: /Counted over/ })).toHaveValue('daily');
  await expect(dialog.getByText('Saving replaces the other change: Limit 3 per day → 3 per 7 days.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save rules' }).click();
  await expect(dialog).toBeHidden();
  expect((await identifier(page, 'email'))?.limit).toEqual({ count: 8, window: 'daily' });
});

test('a change elsewhere in the space does not block a save: rules and order go on the latest version', async ({
  page,
  api,
  browserProblems,
}) => {
  // Each save first answers 412 (the form's version is stale), then goes through on the latest.
  browserProblems.allowHttpStatus(412);
  await openIdentityResolutionTab(page);
  const dialog = await openRules(page, 'email');
  await dialog.getByRole('spinbutton', { name: /Values per profile/ }).fill('7');
  // Another admin renames another identifier meanwhile: the space's version moves, email's rules do not.
  await api.setDisplayName('phone', 'Mobile');
  await dialog.getByRole('button', { name: 'Save rules' }).click();
  await expect(dialog).toBeHidden();
  expect((await identifier(page, 'email'))?.limit.count).toBe(7);
  expect(await api.displayName('phone')).toBe('Mobile');

  await page.getByRole('button', { name: 'Move anonymous_id up' }).click();
  await api.setDisplayName('user_id', 'Customer ID');
  await page.getByRole('button', { name: 'Save order' }).click();
  await expect(page.getByText('Priority order saved.')).toBeVisible();
  expect((await listIdentifiers(page)).map((entry) => entry.key)).toEqual([
    'user_id',
    'email',
    'anonymous_id',
    'phone',
  ]);
  expect(await api.displayName('user_id')).toBe('Customer ID');

  // A dialog opened while the toast is still up lies above it: the toast covers no part of it.
  const next = await openRules(page, 'email');
  await expect(page.getByText('Priority order saved.')).toBeVisible();
  const close = next.locator('button').first();
  const uncovered = await close.evaluate((button) => {
    const box = button.getBoundingClientRect();
    return button.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
  });
  expect(uncovered, 'the dialog’s close button is on top').toBe(true);
  await saveScreenshot(page, 'identity-resolution-toast-under-dialog');
});

test('a move made while Save order is on its way stays, as an unsaved change to the saved order', async ({ page }) => {
  await openIdentityResolutionTab(page);
  // The save's answer is held until the admin has moved another identifier.
  const answer = await holdAnswers(page, '**/identifiers/priority');
  await page.getByRole('button', { name: 'Move anonymous_id up' }).click();
  await page.getByRole('button', { name: 'Save order' }).click();
  const savedOrder = ['user_id', 'email', 'anonymous_id', 'phone'];
  await expect.poll(async () => (await listIdentifiers(page)).map((entry) => entry.key)).toEqual(savedOrder);
  await page.getByRole('button', { name: 'Move email up' }).click();
  answer();

  await expect(page.getByText('Priority order saved.')).toBeVisible();
  expect(await priorityOrder(page)).toEqual(['email', 'user_id', 'anonymous_id', 'phone']);
  await expect(page.getByRole('button', { name: 'Save order' })).toBeEnabled();
  // What was saved is now what Discard goes back to.
  await page.getByRole('button', { name: 'Discard changes' }).click();
  expect(await priorityOrder(page)).toEqual(savedOrder);
});

test('a priority order changed meanwhile: the alert names the moves, and the admin may keep their order', async ({
  page,
  browserProblems,
}) => {
  browserProblems.allowHttpStatus(412);
  await openIdentityResolutionTab(page);
  await page.getByRole('button', { name: 'Move anonymous_id up' }).click();
  // Another admin puts email first meanwhile.
  const theirs = await page.request.put(`${SPACE_API}/identifiers/priority`, {
    data: { keys: ['email', 'user_id', 'phone', 'anonymous_id'] },
  });
  expect(theirs.status()).toBe(200);

  const save = page.getByRole('button', { name: 'Save order' });
  await save.click();
  const alert = page.getByRole('alert').filter({ hasText: 'Someone else changed the settings' });
  await expect(alert).toContainText('Priority email 2 → 1, user_id 1 → 2. Your priority order was not saved.');
  await saveScreenshot(page, 'identity-resolution-order-conflict');
  await alert.getByRole('button', { name: 'Keep my changes' }).click();
  await expect(alert).toBeHidden();
  expect(await priorityOrder(page)).toEqual(['user_id', 'email', 'anonymous_id', 'phone']);
  await expect(page.getByText('Saving replaces the other change: Priority email 2 → 1, user_id 1 → 2.')).toBeVisible();

  await save.click();
  await expect(page.getByText('Priority order saved.')).toBeVisible();
  await expect(page.getByText('Your changes are kept')).toHaveCount(0);
  expect((await listIdentifiers(page)).map((entry) => entry.key)).toEqual([
    'user_id',
    'email',
    'anonymous_id',
    'phone',
  ]);
});

test('the Identity resolution tab is accessible and keyboard-operable with and without its dialogs', async ({
  page,
}) => {
  await openIdentityResolutionTab(page);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'identity-resolution-light');

  // Keyboard only: open Edit rules with Enter, close with Escape, focus returns.
  const edit = page.getByRole('button', { name: 'Edit rules for phone', exact: true });
  await edit.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit rules for phone' });
  await expect(dialog.getByRole('spinbutton', { name: /Values per profile/ })).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: /Source keys/ })).toHaveValue('phone');
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'identity-resolution-rules-modal');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();

  await page.getByRole('button', { name: 'Add identifier' }).click();
  await expect(page.getByRole('dialog', { name: 'Add identifier' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Delete user_id', exact: true }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete user_id?' });
  await expect(confirm).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('button', { name: 'Delete user_id', exact: true })).toBeFocused();

  await page.getByRole('button', { name: 'Delete phone', exact: true }).click();
  const mapped = page.getByRole('dialog', { name: 'Cannot delete phone' });
  await expect(mapped).toBeVisible();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(mapped).toBeHidden();
  await expect(page.getByRole('button', { name: 'Delete phone', exact: true })).toBeFocused();
});

test('closing the rules dialog with unsaved edits asks first; without edits it closes at once', async ({ page }) => {
  await openIdentityResolutionTab(page);
  const edit = page.getByRole('button', { name: 'Edit rules for user_id', exact: true });
  await edit.click();
  const dialog = page.getByRole('dialog', { name: 'Edit rules for user_id' });
  const count = dialog.getByRole('spinbutton', { name: /Values per profile/ });
  await expect(count).toBeFocused();
  await count.fill('3');

  // Escape asks; Escape again (or Keep editing) goes back to the field, the edit kept.
  await page.keyboard.press('Escape');
  const keepEditing = dialog.getByRole('button', { name: 'Keep editing' });
  await expect(keepEditing).toBeFocused();
  await expect(dialog.getByRole('group', { name: 'Discard your changes?' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save rules' })).toHaveCount(0);
  await saveScreenshot(page, 'identity-resolution-discard-prompt');
  await page.keyboard.press('Escape');
  await expect(keepEditing).toHaveCount(0);
  await expect(count).toBeFocused();
  await expect(count).toHaveValue('3');

  // Removing a blocked value leaves focus in the dialog, so Escape still reaches it.
  await dialog.getByRole('button', { name: 'Remove blocked value 4' }).click();
  await page.keyboard.press('Escape');
  await expect(keepEditing).toBeFocused();
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();
  expect((await identifier(page, 'user_id'))?.limit.count).toBe(1);

  // Undoing an edit by hand leaves nothing to discard.
  await edit.click();
  await count.fill('3');
  await count.fill('1');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A save under way cannot be discarded: Escape and Cancel wait for it, and it closes when saved.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(`**${SPACE_API}/identifiers/user_id`, async (route) => {
    if (route.request().method() === 'PATCH') await released;
    await route.continue();
  });
  await edit.click();
  await count.fill('2');
  await dialog.getByRole('button', { name: 'Save rules' }).click();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog.getByRole('group', { name: 'Discard your changes?' })).toHaveCount(0);
  await expect(dialog).toBeVisible();
  release();
  await expect(dialog).toBeHidden();
  expect((await identifier(page, 'user_id'))?.limit.count).toBe(2);
});

test('Back with a dialog open closes the dialog, asking first about edits, and leaves the tab where it is', async ({
  page,
}) => {
  await page.goto('/unified-profiles/manage/identifiers');
  await page.getByRole('tab', { name: 'Identity resolution' }).click();
  await expect(page).toHaveURL(new RegExp(`${TAB_PATH}$`));
  const dialog = await openRules(page, 'anonymous_id');

  // With an edit: Back asks, and the tab behind stays the Identity resolution one.
  const count = dialog.getByRole('spinbutton', { name: /Values per profile/ });
  const saved = await count.inputValue();
  await count.fill('4');
  await page.goBack();
  await expect(dialog.getByRole('group', { name: 'Discard your changes?' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${TAB_PATH}$`));
  await expect(
    page.getByRole('tab', { name: 'Identity resolution', selected: true, includeHidden: true }),
  ).toBeAttached();
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(count).toHaveValue('4');

  // Without edits: Back closes at once; the next Back goes to the Identifiers tab as usual.
  await count.fill(saved);
  await page.goBack();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`${TAB_PATH}$`));
  await expect(page.getByRole('tab', { name: 'Identity resolution', selected: true })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/unified-profiles\/manage\/identifiers$/);
  await expect(page.getByRole('tab', { name: 'Identifiers', selected: true })).toBeVisible();

  // Forward into the tab, and the delete dialog: Back closes it too.
  await page.goForward();
  await expect(page.getByRole('tab', { name: 'Identity resolution', selected: true })).toBeVisible();
  await page.getByRole('button', { name: 'Delete user_id', exact: true }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete user_id?' });
  await expect(confirm).toBeVisible();
  await page.goBack();
  await expect(confirm).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`${TAB_PATH}$`));
  expect(await identifier(page, 'user_id')).toBeDefined();
});
test('Back then Forward in quick succession lands on the tab Forward went to, and adds no history entry', async ({
  page,
}) => {
  await page.goto('/unified-profiles/manage/identifiers');
  await page.getByRole('tab', { name: 'Identity resolution' }).click();
  await expect(page).toHaveURL(new RegExp(`${TAB_PATH}$`));
  const entries = await page.evaluate(() => history.length);
  // Forward comes before the page has caught up with Back (the mouse's side buttons do this); the
  // promise settles two frames after Forward, once the page has had time to react to both.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const settled = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        addEventListener(
          'popstate',
          () => {
            addEventListener('popstate', settled, { once: true });
            setTimeout(() => history.forward(), 0);
          },
          { once: true },
        );
        history.back();
      }),
  );
  await expect(page).toHaveURL(new RegExp(`${TAB_PATH}$`));
  await expect(page.getByRole('tab', { name: 'Identity resolution', selected: true })).toBeVisible();
  expect(await page.evaluate(() => history.length)).toBe(entries);
});

// Apart from the light pass: each axe run takes seconds on a loaded machine.
test('the Identity resolution tab and its rules dialog are accessible in the dark theme', async ({ page }) => {
  await openIdentityResolutionTab(page);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.getByRole('button', { name: 'Light theme' })).toBeVisible();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'identity-resolution-dark');
  await page.getByRole('button', { name: 'Edit rules for email', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Edit rules for email' })).toBeVisible();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'identity-resolution-rules-modal-dark');
});

test('the default country is changed in the console, and lookups read national numbers with it', async ({
  page,
  request,
}) => {
  await openIdentityResolutionTab(page);
  const section = page.getByRole('region', { name: 'Phone numbers' });
  const country = section.getByRole('combobox', { name: 'Default country' });
  await expect(country).toHaveValue('US');
  // A country with no numbering plan may be chosen, and its help says what that costs.
  await country.selectOption('AQ');
  await expect(country).toHaveAccessibleDescription(
    'Antarctica (AQ) has no telephone numbering plan: phone numbers written without a country code cannot be read and are dropped as invalid. Only numbers such as +1 415 555 0100 are read.',
  );
  await section.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'identity-resolution-country-without-numbering-plan', { viewportOnly: true });
  await country.selectOption('GB');
  await expect(country).toHaveAccessibleDescription(/^Numbers written without a country code/);
  await expect(section.getByText('You have unsaved changes.')).toBeVisible();
  await section.getByRole('button', { name: 'Save default country' }).click();
  await expect(page.getByText('Default country saved: United Kingdom (GB).')).toBeVisible();
  // Save turned itself off: the focus is back on the field, not lost to the page.
  await expect(country).toBeFocused();
  await expect(section.getByText('You have unsaved changes.')).toBeHidden();
  expect(await (await request.get(SPACE_API)).json()).toMatchObject({ defaultCountry: 'GB' });
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'identity-resolution-default-country');

  // A London number written the British way is now read as one.
  await page.getByRole('tab', { name: 'Lookup preview' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Lookup preview' });
  const address = panel.getByRole('textbox', { name: 'Address' });
  await expect(address).toHaveAccessibleDescription(/read as numbers of United Kingdom \(GB\)\.$/);
  // The US example of a national number would be refused here: only the international one is shown.
  await expect(address).toHaveAttribute('placeholder', '+1 415 555 0100');
  await address.fill('020 7946 0958');
  await panel.getByRole('button', { name: 'Look up' }).click();
  const result = panel.getByRole('region', { name: 'Lookup result' });
  await expect(result.getByText('+442079460958', { exact: true })).toBeVisible();
});

test('a default country changed meanwhile by someone else is not overwritten', async ({
  page,
  request,
  browserProblems,
}) => {
  browserProblems.allowHttpStatus(412);
  await openIdentityResolutionTab(page);
  const section = page.getByRole('region', { name: 'Phone numbers' });
  const country = section.getByRole('combobox', { name: 'Default country' });
  await country.selectOption('DE');
  const meanwhile = await request.patch(SPACE_API, { data: { defaultCountry: 'FR' } });
  expect(meanwhile.status()).toBe(200);
  const save = section.getByRole('button', { name: 'Save default country' });
  await save.click();
  const alert = section
    .getByRole('alert')
    .filter({ hasText: 'Someone else changed the settings while you were editing' });
  await expect(alert).toContainText('Default country United States (US) → France (FR).');
  expect(await (await request.get(SPACE_API)).json()).toMatchObject({ defaultCountry: 'FR' });
  await section.getByRole('button', { name: 'Reload' }).click();
  await expect(country).toHaveValue('FR');
  await expect(country).toBeEnabled();

  // Once more, and this time the admin keeps their country: saving then replaces the other one.
  await country.selectOption('DE');
  const again = await request.patch(SPACE_API, { data: { defaultCountry: 'ES' } });
  expect(again.status()).toBe(200);
  await save.click();
  await expect(alert).toContainText('Default country France (FR) → Spain (ES).');
  await alert.getByRole('button', { name: 'Keep my changes' }).click();
  await expect(alert).toBeHidden();
  await expect(country).toHaveValue('DE');
  await expect(
    section.getByText('Saving replaces the other change: Default country France (FR) → Spain (ES).'),
  ).toBeVisible();
  await save.click();
  await expect(section.getByText('Your changes are kept')).toBeHidden();
  expect(await (await request.get(SPACE_API)).json()).toMatchObject({ defaultCountry: 'DE' });
});

test('a 64-character key and a 50-character name wrap, shown whole, and every action stays in view at 1440 and 1280px', async ({
  page,
  api,
}) => {
  await api.addLongIdentifier();
  await api.setDisplayName('email', LONG_NAME);
  await openIdentityResolutionTab(page);
  const row = priorityRow(page, LONG_KEY);
  const edit = page.getByRole('button', { name: `Edit rules for ${LONG_KEY}`, exact: true });
  for (const width of [1440, 1280]) {
    // 1280 × 720: a laptop, where the key once pushed Edit rules and Delete off the page.
    await page.setViewportSize({ width, height: width === 1280 ? 720 : 900 });
    // Whole on screen, wrapping inside its cell: readable without pointing at it (no ellipsis).
    const summary = row.getByRole('cell').nth(1);
    await expect(summary).toContainText(LONG_KEY);
    await expectNoOverflowingText(summary);
    await expect(priorityRow(page, 'email').getByRole('cell').nth(1)).toContainText(LONG_NAME);
    // Nothing scrolls sideways: not the page, not the table (which only becomes a region when it does).
    expect(await horizontalOverflow(page)).toBe(0);
    await expect(page.getByRole('region', { name: 'Priority order table' })).toHaveCount(0);
    await expectWithinViewportWidth(page, edit);
    await expectWithinViewportWidth(page, page.getByRole('button', { name: `Delete ${LONG_KEY}`, exact: true }));
    await saveScreenshot(page, `identity-resolution-long-key-${width}`);
  }

  // Focus returning to Edit rules does not scroll the Priority column away; the heading wraps.
  await edit.click();
  const dialog = page.getByRole('dialog', { name: `Edit rules for ${LONG_KEY}` });
  await expect(dialog).toBeVisible();
  await expectNoOverflowingText(dialog.getByRole('heading', { level: 2 }));
  await saveScreenshot(page, 'identity-resolution-long-key-rules');
  await page.keyboard.press('Escape');
  await expect(edit).toBeFocused();
  await expectWithinViewportWidth(page, page.getByRole('button', { name: `Move ${LONG_KEY} up`, exact: true }));

  await page.getByRole('button', { name: `Delete ${LONG_KEY}`, exact: true }).click();
  const confirm = page.getByRole('alertdialog', { name: `Delete ${LONG_KEY}?` });
  await expect(confirm).toBeVisible();
  await expectNoOverflowingText(confirm.getByRole('heading'));
  await expectNoOverflowingText(confirm);
  await saveScreenshot(page, 'identity-resolution-long-key-delete');
  await page.keyboard.press('Escape');
});
