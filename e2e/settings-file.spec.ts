import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import {
  displayNameCell,
  expect,
  expectNoAxeViolations,
  horizontalOverflow,
  saveScreenshot,
  test,
} from './fixtures.ts';

const SPACE_NAME = 'Settings file journey';

interface SettingsDocument {
  defaultCountry: string;
  identifiers: Array<{ key: string; displayName: string; [field: string]: unknown }>;
  mappings: { phone: string | null; email: string | null };
  version: number;
}

/** A space of its own (contact-center preset), so that imports here do not disturb other journeys. */
async function createSpace(request: APIRequestContext, prefix: string): Promise<string> {
  const id = `${prefix}-${Date.now().toString(36)}`;
  const created = await request.post('/api/v1/spaces', { data: { id, name: SPACE_NAME, preset: 'contact-center' } });
  expect(created.status(), await created.text()).toBe(201);
  return id;
}

async function readSettings(request: APIRequestContext, spaceId: string): Promise<SettingsDocument> {
  const response = await request.get(`/api/v1/spaces/${spaceId}/settings`);
  expect(response.status()).toBe(200);
  return (await response.json()) as SettingsDocument;
}

/** Opens the Identity resolution tab of a space and returns its Settings file section. */
async function openSettingsFile(page: Page, spaceId: string): Promise<Locator> {
  await page.goto(`/spaces/${spaceId}/unified-profiles/manage/identity-resolution`);
  await expect(page.getByRole('tab', { name: 'Identity resolution', selected: true })).toBeVisible({ timeout: 15_000 });
  const section = page.getByRole('region', { name: 'Settings file' });
  await expect(section.getByRole('button', { name: 'Export settings' })).toBeVisible();
  return section;
}

/** Chooses a file through the Import settings… button, as an admin would. */
async function importFile(page: Page, section: Locator, name: string, content: string) {
  const chooser = page.waitForEvent('filechooser');
  await section.getByRole('button', { name: 'Import settings…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

function confirmDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: `Replace the settings of ${SPACE_NAME}?` });
}

/** The summary's lines, nested details included, as their text. */
function summaryItems(dialog: Locator): Locator {
  return dialog.getByRole('list', { name: 'Changes' }).locator(':scope > li');
}

test('export downloads the settings document; an edited copy imports after a summary of what changes', async ({
  page,
  request,
}) => {
  const spaceId = await createSpace(request, 'settings-file');
  const section = await openSettingsFile(page, spaceId);
  await expectNoAxeViolations(page);

  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Export settings' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^settings-${spaceId}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const exported = await readFile(await file.path(), 'utf8');
  const onServer = await readSettings(request, spaceId);
  expect(JSON.parse(exported)).toEqual(onServer);
  // Pretty-printed with two spaces, for people to read and edit.
  expect(exported).toBe(`${JSON.stringify(JSON.parse(exported), null, 2)}\n`);
  await expect(page.getByText(`Settings of ${SPACE_NAME} exported as ${file.suggestedFilename()}.`)).toBeVisible();

  // The same file back: nothing would change.
  await importFile(page, section, 'unchanged.json', exported);
  await expect(confirmDialog(page)).toBeVisible();
  await expect(confirmDialog(page)).toContainText(
    `Nothing would change: the file holds the settings ${SPACE_NAME} has now, so there is nothing to replace.`,
  );
  await expect(confirmDialog(page).getByRole('button', { name: 'Replace settings' })).toHaveCount(0);
  await confirmDialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(confirmDialog(page)).toBeHidden();
  await expect(section.getByRole('button', { name: 'Import settings…' })).toBeFocused();

  // Edited as an admin moving settings to another space would: a display name and the country.
  const edited = JSON.parse(exported) as SettingsDocument;
  edited.defaultCountry = 'GB';
  const email = edited.identifiers.find((identifier) => identifier.key === 'email');
  if (!email) throw new Error('no email identifier in the export');
  email.displayName = 'E-mail address';
  await importFile(page, section, 'prod-settings.json', JSON.stringify(edited, null, 2));
  const dialog = confirmDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(dialog).toContainText(
    `Importing prod-settings.json replaces every identifier, the address-type mapping and the default country of ${SPACE_NAME}.`,
  );
  await expect(dialog).toHaveAccessibleDescription(/^Importing prod-settings\.json replaces every identifier/);
  await expect(summaryItems(dialog)).toHaveText([
    /^Changes email\s*Display name “email” → “E-mail address”$/,
    'Changes the default country: United States (US) → United Kingdom (GB)',
  ]);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'settings-file-summary');

  // A double click replaces the settings once: one PUT, not a second one that would answer 412.
  const puts: string[] = [];
  page.on('request', (sent) => {
    if (sent.method() === 'PUT') puts.push(sent.url());
  });
  await dialog.getByRole('button', { name: 'Replace settings' }).dblclick();
  await expect(dialog).toBeHidden();
  expect(puts).toHaveLength(1);
  await expect(page.getByText(`Settings of ${SPACE_NAME} replaced from prod-settings.json.`)).toBeVisible();
  await expect(section.getByRole('button', { name: 'Import settings…' })).toBeFocused();
  // Every settings query was refetched: the country here, the display name on the Identifiers tab.
  await expect(
    page.getByRole('region', { name: 'Phone numbers' }).getByRole('combobox', { name: 'Default country' }),
  ).toHaveValue('GB');
  await page.getByRole('tab', { name: 'Identifiers' }).click();
  await expect(displayNameCell(page, 'email')).toHaveText('E-mail address');
  const after = await readSettings(request, spaceId);
  expect(after.defaultCountry).toBe('GB');
  expect(after.version).toBeGreaterThan(onServer.version);
});

test('a malformed file, an invalid document and one the server refuses say what is wrong', async ({
  page,
  request,
  browserProblems,
}) => {
  browserProblems.allowHttpStatus(400);
  // A laptop's screen: the section is the last of the tab, its problems below the fold.
  await page.setViewportSize({ width: 1440, height: 800 });
  const spaceId = await createSpace(request, 'settings-file-bad');
  const section = await openSettingsFile(page, spaceId);
  const exported = await readSettings(request, spaceId);

  await importFile(page, section, 'broken.json', '{\n  "defaultCountry": "US"\n  "identifiers": []\n}\n');
  const malformed = section.getByText('“broken.json” is not valid JSON');
  await expect(malformed).toBeVisible();
  // Brought into view, and the focus stays on Import for the next try.
  await expect(malformed).toBeInViewport();
  await expect(section.getByRole('button', { name: 'Import settings…' })).toBeFocused();
  await expect(section).toContainText(
    'Line 3, column 3: expected “,” or “}” after a property value, found “"”. Nothing was imported.',
  );
  await expect(confirmDialog(page)).toBeHidden();

  const invalid = {
    ...exported,
    // A field no export has (someone hoped to rename the space through the file).
    name: 'Support (EU)',
    defaultCountry: 'XX',
    identifiers: exported.identifiers.map((identifier, index) =>
      index === 1 ? { ...identifier, limit: { count: 0, window: 'ever' } } : identifier,
    ),
  };
  await importFile(page, section, 'invalid.json', JSON.stringify(invalid));
  await expect(malformed).toBeHidden();
  await expect(section.getByText('“invalid.json” is not a valid settings file')).toBeVisible();
  const issues = section.getByRole('listitem');
  await expect(issues).toHaveText([
    /^Default country: /,
    /^Identifier 2 \(email\) › limit › count: /,
    'The file has a field it cannot hold, “name”: remove it',
  ]);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'settings-file-invalid');

  // Valid for the schema, but two identifiers share a display name: the server says so.
  const clash = {
    ...exported,
    identifiers: exported.identifiers.map((identifier) =>
      identifier.key === 'email' || identifier.key === 'phone' ? { ...identifier, displayName: 'Contact' } : identifier,
    ),
  };
  await importFile(page, section, 'clash.json', JSON.stringify(clash));
  const dialog = confirmDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Replace settings' }).click();
  await expect(dialog.getByText('The server refused this file')).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'is already the display name' })).toHaveText(
    /^Identifier 3 \(phone\) › display name: "Contact" is already the display name of "email"/,
  );
  await expect(dialog.getByRole('button', { name: 'Replace settings' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await saveScreenshot(page, 'settings-file-refused');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect((await readSettings(request, spaceId)).version).toBe(exported.version);
});

test('settings changed between the summary and the confirmation: nothing is replaced until it is recomputed', async ({
  page,
  request,
  browserProblems,
}) => {
  browserProblems.allowHttpStatus(412);
  const spaceId = await createSpace(request, 'settings-file-412');
  const section = await openSettingsFile(page, spaceId);
  const exported = await readSettings(request, spaceId);
  const edited = {
    ...exported,
    identifiers: exported.identifiers.map((identifier) =>
      identifier.key === 'user_id' ? { ...identifier, displayName: 'Customer ID' } : identifier,
    ),
  };
  await importFile(page, section, 'edited.json', JSON.stringify(edited));
  const dialog = confirmDialog(page);
  await expect(summaryItems(dialog)).toHaveText([/^Changes user_id\s*Display name “user_id” → “Customer ID”$/]);

  // Another admin changes the settings meanwhile.
  const patched = await request.patch(`/api/v1/spaces/${spaceId}/identifiers/email`, {
    data: { displayName: 'Work email' },
  });
  expect(patched.status(), await patched.text()).toBe(200);

  await dialog.getByRole('button', { name: 'Replace settings' }).click();
  await expect(dialog.getByText(`The settings of ${SPACE_NAME} changed after this summary was made.`)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Replace settings' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Reload' })).toBeFocused();
  expect((await readSettings(request, spaceId)).identifiers.find((i) => i.key === 'user_id')?.displayName).toBe(
    'user_id',
  );
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'settings-file-conflict');

  await dialog.getByRole('button', { name: 'Reload' }).click();
  await expect(summaryItems(dialog)).toHaveText([
    /^Changes user_id\s*Display name “user_id” → “Customer ID”$/,
    /^Changes email\s*Display name “Work email” → “email”$/,
  ]);
  await expect(dialog.getByRole('region', { name: 'What would change' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Replace settings' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Settings of ${SPACE_NAME} replaced from edited.json.`)).toBeVisible();
  const after = await readSettings(request, spaceId);
  expect(after.identifiers.map((identifier) => identifier.displayName)).toEqual([
    'Customer ID',
    'email',
    'phone',
    'anonymous_id',
  ]);
});

test('at 390px the section and the summary fit the screen', async ({ page, request }) => {
  const spaceId = await createSpace(request, 'settings-file-narrow');
  await page.setViewportSize({ width: 390, height: 844 });
  const section = await openSettingsFile(page, spaceId);
  const exported = await readSettings(request, spaceId);
  await section.scrollIntoViewIfNeeded();
  expect(await horizontalOverflow(page)).toBe(0);
  await saveScreenshot(page, 'settings-file-narrow');

  const edited = {
    ...exported,
    defaultCountry: 'DE',
    identifiers: [
      ...exported.identifiers.filter((identifier) => identifier.key !== 'anonymous_id'),
      { key: 'loyalty_number_from_the_crm_system_of_record', priority: 4, sourceKeys: ['loyaltyNumber'] },
    ],
    mappings: { phone: null, email: 'email' },
  };
  await importFile(page, section, 'settings-with-a-rather-long-file-name-for-prod.json', JSON.stringify(edited));
  const dialog = confirmDialog(page);
  await expect(summaryItems(dialog)).toHaveText([
    'Adds 1 identifier: loyalty_number_from_the_crm_system_of_record',
    'Removes 1 identifier: anonymous_id',
    /^Changes the address-type mapping\s*Phone number: phone → none$/,
    'Changes the default country: United States (US) → Germany (DE)',
  ]);
  expect(await horizontalOverflow(page)).toBe(0);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'settings-file-summary-narrow');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(section.getByRole('button', { name: 'Import settings…' })).toBeFocused();

  await importFile(page, section, 'settings-with-a-rather-long-file-name-for-prod.json', '{"defaultCountry": "DE",}');
  await expect(section).toContainText('Line 1, column 25: expected another property after “,”');
  expect(await horizontalOverflow(page)).toBe(0);
  await saveScreenshot(page, 'settings-file-error-narrow');
});

test('an export that fails says why next to the button', async ({ page, request, browserProblems }) => {
  browserProblems.allowHttpStatus(500);
  const spaceId = await createSpace(request, 'settings-file-export-error');
  const section = await openSettingsFile(page, spaceId);
  await page.route(`**/api/v1/spaces/${spaceId}/settings`, (route) =>
    route.fulfill({
      status: 500,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'about:blank',
        title: 'Internal server error',
        status: 500,
        detail: 'The database is not answering',
        code: 'internal_error',
        requestId: 'req-settings-file',
      }),
    }),
  );
  await section.getByRole('button', { name: 'Export settings' }).click();
  // Server errors are retried twice (about three seconds) before the error shows.
  await expect(section.getByText('The settings could not be exported')).toBeVisible({ timeout: 15_000 });
  await expect(section).toContainText('Internal server error. The database is not answering');
  await expect(section).toContainText('req-settings-file');
});
