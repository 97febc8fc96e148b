import type { APIRequestContext, Page } from '@playwright/test';
import {
  CONTACT_CENTER_SETTINGS,
  expect,
  expectNoAxeViolations,
  expectWithinViewportWidth,
  horizontalOverflow,
  SPACE_API,
  saveScreenshot,
  test,
} from './fixtures.ts';

const LOOKUP_PREVIEW_PATH = '/unified-profiles/manage/lookup-preview';

/** A suffix no other test (or earlier run on the same database) uses. */
function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

interface Result {
  outcome: string;
  profileId: string | null;
  mergedProfileIds: string[];
  droppedIdentifiers: Array<{ key: string; value: string; reason: string }>;
}

/** Ingests one event for real through the API (what a data pipeline does) and returns its result. */
async function ingest(request: APIRequestContext, event: Record<string, unknown>): Promise<Result> {
  const response = await request.post(`${SPACE_API}/events`, { data: event });
  expect(response.status(), await response.text()).toBe(200);
  const { results } = (await response.json()) as { results: Result[] };
  const [result] = results;
  if (!result) throw new Error('No result');
  return result;
}

interface LookupBody {
  profiles: Array<{ id: string; identifiers: Array<{ key: string; value: string }> }>;
}

async function lookupByIdentifier(request: APIRequestContext, identifier: string, value: string): Promise<LookupBody> {
  const response = await request.post(`${SPACE_API}/profiles/lookup`, { data: { identifier, value } });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as LookupBody;
}

async function openLookupPreviewTab(page: Page) {
  await page.goto(LOOKUP_PREVIEW_PATH);
  // The page and the tab are two lazily loaded chunks: allow for a slow first load.
  await expect(page.getByRole('tab', { name: 'Lookup preview', selected: true })).toBeVisible({ timeout: 15_000 });
  const panel = page.getByRole('tabpanel', { name: 'Lookup preview' });
  await expect(panel.getByRole('heading', { name: 'Look up a contact' })).toBeVisible({ timeout: 15_000 });
  return panel;
}

test('looks up a national phone number and shows the profile an agent sees, with display names', async ({
  page,
  api,
  request,
}) => {
  const id = unique();
  // A number no earlier run has put on a profile (the database outlives a run with --repeat-each).
  const line = String(1000 + Math.floor(Math.random() * 9000));
  const phone = `(415) 234-${line}`;
  const e164 = `+1415234${line}`;
  await api.setDisplayName('user_id', 'Customer ID');
  await api.setDisplayName('email', 'Email');
  await api.setDisplayName('phone', 'Phone');
  const ingested = await ingest(request, {
    type: 'identify',
    userId: `cust-${id}`,
    traits: { name: 'Jane Doe', email: `jane-${id}@example.com`, phone, plan: 'premium' },
  });
  expect(ingested.outcome).toBe('created');
  await ingest(request, { type: 'track', event: 'Order Completed', userId: `cust-${id}` });

  const panel = await openLookupPreviewTab(page);
  await expect(panel.getByLabel('Search by')).toHaveValue('phone');
  const address = panel.getByRole('textbox', { name: 'Address' });
  await expect(address).toHaveAccessibleDescription(/Searched in the identifier “Phone” \(phone\)/);
  await address.fill(phone);
  await address.press('Enter');

  const result = panel.getByRole('region', { name: 'Lookup result' });
  await expect(result).toBeVisible();
  // Focus moves to the result, scrolled into view: it appears below the form, often below the fold.
  await expect(result.getByRole('heading', { name: 'Lookup result' })).toBeFocused();
  await expect(result.getByRole('heading', { name: 'Lookup result' })).toBeInViewport();
  await expect(result.getByText('Searched identifier')).toBeVisible();
  await expect(result.getByRole('definition').filter({ hasText: 'Phone' }).first()).toContainText('(phone)');
  await expect(result.getByRole('definition').filter({ hasText: e164 })).toContainText(`from “${phone}”`);
  const card = result.getByRole('article', { name: `Profile ${ingested.profileId}` });
  await expect(card).toBeVisible();
  // Identifiers in priority order, with their display names.
  const identifiers = card.getByRole('table').first();
  await expect(identifiers.getByRole('row').nth(1)).toContainText(`Customer ID`);
  await expect(identifiers.getByRole('row').nth(1)).toContainText(`cust-${id}`);
  await expect(identifiers.getByRole('row').nth(2)).toContainText(`jane-${id}@example.com`);
  await expect(identifiers.getByRole('row').nth(3)).toContainText('Phone');
  await expect(identifiers.getByRole('row').nth(3)).toContainText(e164);
  // The value the lookup found the profile by is marked, and only that one.
  await expect(identifiers.getByText('Matched this lookup')).toHaveCount(1);
  await expect(identifiers.getByRole('row').nth(3)).toContainText('Matched this lookup');
  await expect(card.getByRole('cell', { name: 'premium' })).toBeVisible();
  await expect(card).toContainText('Traits are not identifiers: profiles are not found or matched by them.');
  await expect(card.getByText('None: no other profile was merged into this one')).toBeVisible();
  // Whom the agent is talking to comes first, from the `name` trait.
  await expect(card.getByRole('term').first()).toHaveText('Name');
  await expect(card.getByRole('definition').first()).toHaveText('Jane Doe');
  // Recent events, newest first.
  await expect(card.getByRole('cell', { name: /track “Order Completed”/ })).toBeVisible();
  await expect(card.getByText('Both events on record for this profile.')).toBeVisible();
  await saveScreenshot(page, 'lookup-preview-profile');

  // On a phone the identifier values and the events are lists, each value whole at the card's
  // width rather than in a table to scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  const values = card.getByRole('list', { name: 'Identifier values' }).getByRole('listitem');
  await expect(values).toHaveCount(3);
  await expect(values.nth(0)).toContainText('Customer ID');
  await expect(values.nth(0).getByRole('term')).toHaveText(['Value', 'First seen']);
  await expect(values.nth(2).getByRole('definition').first()).toHaveText(`${e164}Matched this lookup`);
  const events = card.getByRole('list', { name: 'Recent events' }).getByRole('listitem');
  await expect(events).toHaveCount(2);
  await expect(events.first()).toContainText('track “Order Completed”');
  await expect(events.first().getByRole('term')).toHaveText(['Received', 'Message ID']);
  await expect(card.getByRole('table', { name: 'Identifier values' })).toHaveCount(0);
  await expectWithinViewportWidth(page, values.nth(1).getByRole('definition').first());
  expect(await horizontalOverflow(page)).toBe(0);
  await values.first().scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'lookup-preview-profile-phone', { viewportOnly: true });
  await page.setViewportSize({ width: 1440, height: 900 });
});

test('pages through a profile’s events with Load more', async ({ page, request }) => {
  const id = unique();
  await ingest(request, { type: 'identify', userId: `busy-${id}`, traits: { email: `busy-${id}@example.com` } });
  for (let index = 1; index <= 11; index++) {
    await ingest(request, { type: 'track', event: `Step ${index}`, userId: `busy-${id}` });
  }
  const panel = await openLookupPreviewTab(page);
  await panel.getByLabel('Search by').selectOption('email');
  await panel.getByRole('textbox', { name: 'Address' }).fill(`BUSY-${id}@Example.com`);
  await panel.getByRole('button', { name: 'Look up' }).click();
  const card = panel.getByRole('article');
  await expect(card.getByText('Showing the 10 most recent events.')).toBeVisible();
  await card.getByRole('button', { name: 'Load more events' }).click();
  await expect(card.getByText('All 12 events on record for this profile.')).toBeVisible();
  await expect(card.getByRole('cell', { name: 'identify' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Load more events' })).toBeHidden();

  // Beside the sidebar in an 800px window the events table is wider than the card: it scrolls in
  // its own region, which keyboard users can focus to scroll, and a shadow on the side that has
  // more says so (the page itself never scrolls sideways).
  await page.setViewportSize({ width: 800, height: 900 });
  const events = card.getByRole('region', { name: 'Recent events table' });
  await expect(events).toHaveAttribute('tabindex', '0');
  const shadow = (side: string) => events.locator('xpath=..').locator(`[data-scroll-shadow="${side}"]`);
  await expect(shadow('right')).toBeVisible();
  await expect(shadow('left')).toHaveCount(0);
  await events.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'lookup-preview-800px-scroll-hint', { viewportOnly: true });
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(shadow('right')).toBeVisible();
  await saveScreenshot(page, 'lookup-preview-800px-scroll-hint-dark', { viewportOnly: true });
  await page.getByRole('button', { name: 'Light theme' }).click();
  // Scrolled to its last column: the shadow moves to the side that now has more.
  await events.getByRole('columnheader').last().scrollIntoViewIfNeeded();
  await expect(shadow('left')).toBeVisible();
  await expect(shadow('right')).toHaveCount(0);
  expect(await horizontalOverflow(page)).toBe(0);
});

test('a profile’s recent events fit the card beside the open sidebar at 1024px, and keep one line each when wide', async ({
  page,
  request,
}) => {
  const id = unique();
  // A generated message id (a UUID), and one a pipeline made up: long, with no space to break at.
  await ingest(request, { type: 'identify', userId: `fit-${id}`, traits: { email: `fit-${id}@example.com` } });
  await ingest(request, {
    type: 'track',
    event: 'Order Completed',
    userId: `fit-${id}`,
    messageId: `checkout-service-order-completed-${id}-${'0123456789'.repeat(3)}`,
  });
  await page.setViewportSize({ width: 1024, height: 768 });
  const panel = await openLookupPreviewTab(page);
  await panel.getByLabel('Search by').selectOption('email');
  await panel.getByRole('textbox', { name: 'Address' }).fill(`fit-${id}@example.com`);
  await panel.getByRole('button', { name: 'Look up' }).click();
  const card = panel.getByRole('article');
  const events = card.getByRole('table', { name: 'Recent events' });
  await expect(events.getByRole('row')).toHaveCount(3);

  // Every column in view: the table does not scroll sideways in its box (which then becomes a region).
  const overflow = () => events.evaluate((table) => table.scrollWidth - (table.parentElement?.clientWidth ?? 0));
  expect(await overflow()).toBeLessThanOrEqual(0);
  await expect(card.getByRole('region', { name: 'Recent events table' })).toHaveCount(0);
  await expectWithinViewportWidth(page, events.getByRole('columnheader', { name: 'Message ID' }));
  expect(await horizontalOverflow(page)).toBe(0);
  await events.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'lookup-preview-events-1024px', { viewportOnly: true });

  // On a wide screen a generated id keeps to one line, as it did.
  await page.setViewportSize({ width: 1440, height: 900 });
  const generatedId = events.getByRole('row').nth(2).getByRole('cell').last();
  const lineHeight = await generatedId.evaluate((cell) => Number.parseFloat(getComputedStyle(cell).lineHeight));
  expect((await generatedId.locator('span').boundingBox())?.height ?? 0).toBeLessThan(lineHeight * 1.5);
  expect(await overflow()).toBeLessThanOrEqual(0);
});

test('an unknown email address finds no profile', async ({ page }) => {
  const panel = await openLookupPreviewTab(page);
  await panel.getByLabel('Search by').selectOption('email');
  await panel.getByRole('textbox', { name: 'Address' }).fill(`  Nobody-${unique()}@Example.COM `);
  await panel.getByRole('button', { name: 'Look up' }).click();
  const result = panel.getByRole('region', { name: 'Lookup result' });
  await expect(result.getByRole('heading', { name: 'No profile holds this value' })).toBeVisible();
  await expect(result).toContainText('Check “Create the profile if none is found” to create one');
  await expect(result.getByText(/^nobody-.*@example\.com$/)).toBeVisible();
  await expect(result.getByRole('article')).toHaveCount(0);
  await saveScreenshot(page, 'lookup-preview-no-profile');
});

test('looks up by any identifier value', async ({ page, api, request }) => {
  const id = unique();
  await api.setDisplayName('user_id', 'Customer ID');
  const { profileId } = await ingest(request, { type: 'identify', userId: `manual-${id}` });
  const panel = await openLookupPreviewTab(page);
  await panel.getByLabel('Search by').selectOption('identifier');
  await expect(panel.getByLabel('Identifier', { exact: true })).toHaveAccessibleDescription(
    'Search the values of one identifier, e.g. a customer ID.',
  );
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(panel.getByLabel('Identifier', { exact: true })).toHaveAccessibleDescription('Choose an identifier');
  await panel.getByLabel('Identifier', { exact: true }).selectOption('user_id');
  await panel.getByRole('textbox', { name: 'Value' }).fill(` manual-${id} `);
  await panel.getByRole('button', { name: 'Look up' }).click();
  const result = panel.getByRole('region', { name: 'Lookup result' });
  await expect(result.getByRole('definition').first()).toHaveText('Customer ID (user_id)');
  await expect(result.getByRole('article', { name: `Profile ${profileId}` })).toBeVisible();
});

test('opens a profile by the id an event’s result gives', async ({ page, request }) => {
  const id = unique();
  const created = await ingest(request, {
    type: 'identify',
    userId: `by-id-${id}`,
    traits: { name: 'Ada Byid', email: `by-id-${id}@example.com` },
  });
  expect(created.outcome).toBe('created');
  const profileId = created.profileId ?? '';
  const panel = await openLookupPreviewTab(page);
  await panel.getByLabel('Search by').selectOption({ label: 'Profile ID' });
  const field = panel.getByRole('textbox', { name: 'Profile ID' });
  await expect(field).toHaveAccessibleDescription(
    'The id an event’s result gives as profileId or in mergedProfileIds. A merged profile’s id finds the profile it was merged into.',
  );
  // Neither the address field nor “Create…” belongs to this search.
  await expect(panel.getByRole('textbox', { name: 'Address' })).toHaveCount(0);
  await expect(panel.getByRole('checkbox', { name: 'Create the profile if none is found' })).toHaveCount(0);

  // Empty (only blanks): refused in the browser, next to the field.
  await field.fill('   ');
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(field).toHaveAccessibleDescription('Enter a profile ID');
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  // Pasted with blanks around it, as ids copied from logs often are.
  await field.fill(`  ${profileId}\n`);
  await field.press('Enter');
  const result = panel.getByRole('region', { name: 'Lookup result' });
  await expect(result.getByRole('heading', { name: 'Lookup result' })).toBeFocused();
  await expect(result.getByRole('heading', { name: 'Lookup result' })).toBeInViewport();
  await expect(result.getByRole('status')).toHaveText(
    'This id is the profile’s own: it was not merged into another profile.',
  );
  await expect(result.getByRole('heading', { name: 'This id was merged into another profile' })).toHaveCount(0);
  const card = result.getByRole('article', { name: `Profile ${profileId}` });
  await expect(card).toBeVisible();
  const identifiers = card.getByRole('table', { name: 'Identifier values' });
  await expect(identifiers.getByRole('row').nth(1)).toContainText(`by-id-${id}`);
  await expect(identifiers.getByRole('row').nth(2)).toContainText(`by-id-${id}@example.com`);
  // Found by its id, not by a value: no value is marked as the match.
  await expect(card.getByText('Matched this lookup')).toHaveCount(0);
  await expect(card.getByRole('definition').first()).toHaveText('Ada Byid');
  await expect(card.getByText('The only event on record for this profile.')).toBeVisible();
  // The pointer left on Look up would show the button in its hover colours.
  await page.mouse.move(0, 0);
  await saveScreenshot(page, 'lookup-preview-profile-by-id');

  // Another id typed: the answer is cleared; so is it when the search goes back to an address.
  await field.fill(`${profileId}x`);
  await expect(result).toHaveCount(0);
  await field.fill(profileId);
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(card).toBeVisible();
  await panel.getByLabel('Search by').selectOption('email');
  await expect(result).toHaveCount(0);
  await expect(panel.getByRole('textbox', { name: 'Address' })).toBeVisible();
});

test('a merged profile id shows the profile it was merged into, and says so', async ({ page, request }) => {
  const id = unique();
  const email = `merged-${id}@example.com`;
  const survivor = await ingest(request, { type: 'identify', anonymousId: `home-${id}`, traits: { email } });
  const kiosk = await ingest(request, { type: 'page', anonymousId: `kiosk-${id}` });
  const merge = await ingest(request, { type: 'identify', anonymousId: `kiosk-${id}`, traits: { email } });
  expect(merge.outcome).toBe('merged');
  expect(merge.profileId).toBe(survivor.profileId);
  expect(merge.mergedProfileIds).toEqual([kiosk.profileId]);
  const survivorId = survivor.profileId ?? '';
  const mergedId = kiosk.profileId ?? '';

  const panel = await openLookupPreviewTab(page);
  await panel.getByLabel('Search by').selectOption({ label: 'Profile ID' });
  await panel.getByRole('textbox', { name: 'Profile ID' }).fill(mergedId);
  await panel.getByRole('button', { name: 'Look up' }).click();
  const result = panel.getByRole('region', { name: 'Lookup result' });
  await expect(result.getByRole('heading', { name: 'Lookup result' })).toBeFocused();
  const note = result.getByRole('status');
  await expect(note.getByRole('heading', { name: 'This id was merged into another profile' })).toBeVisible();
  await expect(note).toContainText(
    `Profile ${mergedId} was merged into profile ${survivorId}: this is the profile it belongs to now, holding its identifier values and events.`,
  );
  // The survivor's card, with the merged profile's value and events, and the id among those merged into it.
  const card = result.getByRole('article', { name: `Profile ${survivorId}` });
  await expect(card).toBeVisible();
  await expect(result.getByRole('article')).toHaveCount(1);
  await expect(card.getByRole('definition').filter({ hasText: '1 profile merged into this one' })).toBeVisible();
  await expect(card.getByRole('definition').filter({ hasText: mergedId })).toBeVisible();
  const identifiers = card.getByRole('table', { name: 'Identifier values' });
  await expect(identifiers).toContainText(`home-${id}`);
  await expect(identifiers).toContainText(`kiosk-${id}`);
  await expect(identifiers).toContainText(email);
  await expect(card.getByText('All 3 events on record for this profile.')).toBeVisible();
  await expectNoAxeViolations(page);
  // The pointer left on Look up would show the button in its hover colours.
  await page.mouse.move(0, 0);
  await saveScreenshot(page, 'lookup-preview-profile-by-merged-id');

  // The survivor's own id: the profile, without the note.
  await panel.getByRole('textbox', { name: 'Profile ID' }).fill(survivorId);
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(result.getByRole('status')).toHaveText(
    'This id is the profile’s own: it was not merged into another profile.',
  );
  await expect(result.getByRole('article', { name: `Profile ${survivorId}` })).toBeVisible();
});

test('an unknown profile id is explained next to the field; a server error is said once', async ({
  page,
  browserProblems,
}) => {
  browserProblems.allowHttpStatus(404, 500);
  const requested: string[] = [];
  page.on('request', (sent) => requested.push(new URL(sent.url()).pathname));
  const panel = await openLookupPreviewTab(page);
  await panel.getByLabel('Search by').selectOption({ label: 'Profile ID' });
  const field = panel.getByRole('textbox', { name: 'Profile ID' });
  const unknown = `no-such-profile-${unique()}`;
  await field.fill(unknown);
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(field).toHaveAccessibleDescription(`No profile has the id “${unknown}” in this space.`);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();
  await expect(panel.getByRole('region', { name: 'Lookup result' })).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: 'The lookup failed' })).toHaveCount(0);
  expect(requested).toContain(`${SPACE_API}/profiles/${unknown}`);
  await saveScreenshot(page, 'lookup-preview-profile-id-not-found');

  // `..` in a URL means the parent path: it is answered in the browser, without a request to another address.
  requested.length = 0;
  await field.fill('..');
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(field).toHaveAccessibleDescription('No profile has the id “..” in this space.');
  expect(requested).toEqual([]);

  // Any other failure: said once below the form, with the status, while the busy button keeps focus.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/profiles/p-broken', async (route) => {
    await released;
    await route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>Internal Server Error</h1>' });
  });
  await field.fill('p-broken');
  const lookUp = panel.getByRole('button', { name: 'Look up' });
  await lookUp.click();
  await expect(panel.getByRole('form', { name: 'Look up a contact' })).toHaveAttribute('aria-busy', 'true');
  await expect(lookUp).toBeFocused();
  release();
  await expect(panel.getByRole('heading', { name: 'The lookup failed' })).toHaveCount(1);
  await expect(panel.getByText(/It answered HTTP 500/)).toHaveText(
    'The server ran into a problem. It answered HTTP 500 Internal Server Error, without saying why. Try again in a moment.',
  );
  await expect(field).toHaveAccessibleDescription(/^The id an event’s result gives as profileId/);
  await expect(panel.getByRole('form', { name: 'Look up a contact' })).toHaveAttribute('aria-busy', 'false');
});

test('an address type with no mapping is explained once, and Look up is disabled until it is mapped', async ({
  page,
  api,
}) => {
  await api.setMappings({ phone: null, email: 'email' });
  const panel = await openLookupPreviewTab(page);
  const lookups: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/profiles/lookup')) lookups.push(request.url());
  });
  const address = panel.getByRole('textbox', { name: 'Address' });
  const lookUp = panel.getByRole('button', { name: 'Look up' });
  // Said before anyone tries, once: in a callout that describes both the field and the button.
  await expect(panel.getByRole('heading', { name: 'Phone numbers are not mapped to an identifier' })).toHaveCount(1);
  await expect(panel.getByText(/No identifier is mapped/)).toHaveCount(0);
  await expect(address).toHaveAccessibleDescription(/Phone numbers are not mapped to an identifier/);
  await expect(lookUp).toBeDisabled();
  await expect(lookUp).toHaveAccessibleDescription(/so it cannot search until one is mapped/);
  await address.fill('+1 415 555 0100');
  await address.press('Enter');
  await expect(panel.getByRole('region', { name: 'Lookup result' })).toHaveCount(0);
  expect(lookups).toEqual([]);
  await saveScreenshot(page, 'lookup-preview-not-mapped');

  // Email addresses are mapped: the warning goes, and Look up works again.
  await panel.getByLabel('Search by').selectOption('email');
  await expect(panel.getByRole('heading', { name: /are not mapped to an identifier/ })).toHaveCount(0);
  await expect(lookUp).toBeEnabled();
  await panel.getByLabel('Search by').selectOption('phone');

  // Email addresses are spelled out, not "Email addresss".
  await api.setMappings({ phone: null, email: null });
  await page.reload();
  await panel.getByLabel('Search by').selectOption('email');
  await expect(panel.getByRole('heading', { name: 'Email addresses are not mapped to an identifier' })).toBeVisible();
  // The choice itself says so to a screen reader, at once, as it also turns Look up off.
  await expect(panel.getByLabel('Search by')).toHaveAccessibleDescription(
    /Email addresses are not mapped to an identifier/,
  );
  await expect(
    panel.locator('[aria-live="polite"]', {
      hasText: 'Email addresses are not mapped to an identifier: Look up is off.',
    }),
  ).toHaveCount(1);
  await expect(panel.getByRole('link', { name: 'Map an identifier to email addresses' })).toBeVisible();
  await expect(panel.getByText(/addresss/)).toHaveCount(0);
  await panel.getByLabel('Search by').selectOption('phone');

  await panel.getByRole('link', { name: 'Map an identifier to phone numbers' }).click();
  await expect(page).toHaveURL(/\/unified-profiles\/manage\/identifiers#address-type-mappings-heading$/);
  await expect(page.getByRole('tab', { name: 'Identifiers', selected: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Identifier mapping by address type' })).toBeFocused();
});

test('a mapping removed since the tab loaded is explained when the lookup is refused', async ({
  page,
  browserProblems,
}) => {
  browserProblems.allowHttpStatus(422);
  const panel = await openLookupPreviewTab(page);
  // Another admin unmaps phone numbers after the tab loaded its mappings.
  await page.route('**/profiles/lookup', (route) =>
    route.fulfill({
      status: 422,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'about:blank',
        title: 'Address type not mapped',
        status: 422,
        detail: 'No identifier is mapped to phone',
        code: 'address_type_not_mapped',
        requestId: 'req-e2e-422',
      }),
    }),
  );
  const address = panel.getByRole('textbox', { name: 'Address' });
  await address.fill('+1 415 555 0100');
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(panel.getByRole('heading', { name: 'Phone numbers are not mapped to an identifier' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Look up' })).toBeDisabled();
  // The button it was on is disabled now: focus goes to the field the warning describes.
  await expect(address).toBeFocused();
  await expect(address).toHaveAccessibleDescription(/Phone numbers are not mapped to an identifier/);
});

test('phone numbers mapped to an identifier without phone normalization: the field and the result say why lookups miss', async ({
  page,
  api,
  request,
}) => {
  const id = unique();
  await ingest(request, { type: 'identify', userId: `mis-${id}`, traits: { phone: '(415) 555-0100' } });
  await api.setMappings({ phone: 'user_id', email: 'email' });
  const panel = await openLookupPreviewTab(page);
  const address = panel.getByRole('textbox', { name: 'Address' });
  await expect(address).toHaveAccessibleDescription(
    /user_id uses “trim” normalization, not “phone”: the address is only trimmed, while phone numbers on profiles are in E\.164 form/,
  );
  await expect(panel.getByRole('link', { name: 'Change the mapping' })).toHaveAttribute(
    'href',
    /\/unified-profiles\/manage\/identifiers#address-type-mappings-heading$/,
  );
  await address.fill('(415) 555-0100');
  await panel.getByRole('button', { name: 'Look up' }).click();

  const result = panel.getByRole('region', { name: 'Lookup result' });
  await expect(
    result.getByRole('heading', { name: 'Phone numbers are mapped to an identifier without “phone” normalization' }),
  ).toBeVisible();
  await expect(result.getByText(/lookups will not match them/)).toBeVisible();
  await expect(result.getByRole('heading', { name: 'No profile holds this value' })).toBeVisible();
  // Creating a profile would store the number in user_id: the result does not suggest it.
  await expect(result.getByText('Fix the mapping above before creating profiles from lookups.')).toBeVisible();
  await expect(
    result.getByRole('link', { name: 'Map phone numbers to an identifier with “phone” normalization' }),
  ).toBeVisible();
  await saveScreenshot(page, 'lookup-preview-mapping-mismatch');

  // Email addresses are mapped to `email`: no warning there.
  await panel.getByLabel('Search by').selectOption('email');
  await expect(address).toHaveAccessibleDescription(/Searched in the identifier “email”/);
});

test('a result is cleared as soon as the search changes', async ({ page, request }) => {
  const id = unique();
  await ingest(request, { type: 'identify', userId: `stale-${id}`, traits: { email: `stale-${id}@example.com` } });
  const panel = await openLookupPreviewTab(page);
  const result = panel.getByRole('region', { name: 'Lookup result' });
  await panel.getByLabel('Search by').selectOption('email');
  const address = panel.getByRole('textbox', { name: 'Address' });
  await address.fill(`stale-${id}@example.com`);
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(result.getByRole('article')).toBeVisible();

  // Typing another address: the old answer does not stay under it.
  await address.fill(`other-${id}@example.com`);
  await expect(result).toHaveCount(0);

  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(result.getByRole('heading', { name: 'No profile holds this value' })).toBeVisible();
  // Another address type: cleared too. Ticking “Create…” does not change the search: the result stays.
  await panel.getByRole('checkbox', { name: 'Create the profile if none is found' }).check();
  await expect(result).toBeVisible();
  await panel.getByLabel('Search by').selectOption('phone');
  await expect(result).toHaveCount(0);
});

test('Look up keeps focus while it runs, then moves it to the result', async ({ page, request }) => {
  const id = unique();
  await ingest(request, { type: 'identify', userId: `slow-${id}`, traits: { email: `slow-${id}@example.com` } });
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let lookups = 0;
  await page.route('**/profiles/lookup', async (route) => {
    lookups++;
    await released;
    await route.continue();
  });
  const panel = await openLookupPreviewTab(page);
  await panel.getByLabel('Search by').selectOption('email');
  await panel.getByRole('textbox', { name: 'Address' }).fill(`slow-${id}@example.com`);
  const lookUp = panel.getByRole('button', { name: 'Look up' });
  await lookUp.focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('form', { name: 'Look up a contact' })).toHaveAttribute('aria-busy', 'true');
  await expect(lookUp).toBeEnabled();
  await expect(lookUp).toBeFocused();
  // A second press while busy sends nothing more.
  await page.keyboard.press('Enter');
  release();
  const heading = panel.getByRole('heading', { name: 'Lookup result' });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(panel.getByRole('form', { name: 'Look up a contact' })).toHaveAttribute('aria-busy', 'false');
  expect(lookups).toBe(1);
});

test('a server error is said once, with the status', async ({ page, browserProblems }) => {
  browserProblems.allowHttpStatus(500);
  await page.route('**/profiles/lookup', (route) =>
    route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>Internal Server Error</h1>' }),
  );
  const panel = await openLookupPreviewTab(page);
  await panel.getByRole('textbox', { name: 'Address' }).fill('+1 415 555 0100');
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(panel.getByRole('heading', { name: 'The lookup failed' })).toBeVisible();
  const message = panel.getByText(/It answered HTTP 500/);
  await expect(message).toHaveText(
    'The server ran into a problem. It answered HTTP 500 Internal Server Error, without saying why. Try again in a moment.',
  );
});

test('an address that cannot be read is explained next to the field', async ({ page, browserProblems }) => {
  browserProblems.allowHttpStatus(422);
  const panel = await openLookupPreviewTab(page);
  const address = panel.getByRole('textbox', { name: 'Address' });
  // Empty: refused in the browser.
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(address).toHaveAccessibleDescription('Enter a phone number');
  await address.fill('not a number');
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(address).toHaveAccessibleDescription(/is not a phone number that can be read/);
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(address).toBeFocused();
  await expect(panel.getByRole('region', { name: 'Lookup result' })).toHaveCount(0);
  await saveScreenshot(page, 'lookup-preview-invalid-address');

  // Scrolled back to from further down the page as little as needed (as some browsers do on focus;
  // Chromium centers the field): its label stays below the sticky top bar, not under it.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await address.evaluate((field) => field.scrollIntoView({ block: 'nearest' }));
  const topbarBottom = (await page.getByRole('banner').boundingBox())?.height ?? 0;
  await expect
    .poll(async () => (await panel.getByText('Address', { exact: true }).boundingBox())?.y)
    .toBeGreaterThanOrEqual(topbarBottom);
});

test('a value that cannot be read in a search by identifier is explained next to the Value field, however long', async ({
  page,
  browserProblems,
}) => {
  browserProblems.allowHttpStatus(422);
  const panel = await openLookupPreviewTab(page);
  await panel.getByLabel('Search by').selectOption('identifier');
  const identifier = panel.getByLabel('Identifier', { exact: true });
  await identifier.selectOption('phone');
  const value = panel.getByRole('textbox', { name: 'Value' });
  await value.fill('not a number');
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(value).toHaveAccessibleDescription(/is not a phone number that can be read/);
  await expect(value).toHaveAttribute('aria-invalid', 'true');
  await expect(value).toBeFocused();

  // 300 characters: the message the server quotes them in wraps, and the Identifier select keeps its width.
  await value.fill('x'.repeat(300));
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(value).toHaveAccessibleDescription(/\(300 characters\) is not a phone number/);
  expect(await horizontalOverflow(page)).toBe(0);
  await expectWithinViewportWidth(page, value);
  await expectWithinViewportWidth(page, panel.locator(`[id="${await value.getAttribute('aria-describedby')}"]`));
  const select = await identifier.boundingBox();
  expect(select?.width, 'Identifier select width').toBeGreaterThanOrEqual(192);
  await saveScreenshot(page, 'lookup-preview-long-value');
});

test('a blocked value found on no profile is explained, and only an address lookup suggests creating', async ({
  page,
  request,
}) => {
  // The email identifier blocks one address besides the suggested values.
  const settings = {
    ...CONTACT_CENTER_SETTINGS,
    identifiers: CONTACT_CENTER_SETTINGS.identifiers.map((identifier) =>
      identifier.key === 'email'
        ? { ...identifier, blockedValues: [{ value: 'noreply@example.com', match: 'exact' }] }
        : identifier,
    ),
  };
  const response = await request.put(`${SPACE_API}/settings`, { data: settings });
  expect(response.status(), await response.text()).toBe(200);
  const panel = await openLookupPreviewTab(page);
  const result = panel.getByRole('region', { name: 'Lookup result' });

  // By identifier: no checkbox there, so no word of it; "anonymous" is a suggested blocked value.
  await panel.getByLabel('Search by').selectOption('identifier');
  await panel.getByLabel('Identifier', { exact: true }).selectOption('user_id');
  await panel.getByRole('textbox', { name: 'Value' }).fill('anonymous');
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(result.getByRole('heading', { name: 'No profile holds this value' })).toBeVisible();
  await expect(result).toContainText(
    '“anonymous” is a blocked user_id value: events never add it to a profile, so only a profile that took it before it was blocked could hold it.',
  );
  await expect(result).not.toContainText('Create the profile');
  await saveScreenshot(page, 'lookup-preview-blocked-identifier');

  // An unblocked value by identifier: still no word of the checkbox.
  await panel.getByRole('textbox', { name: 'Value' }).fill(`nobody-${unique()}`);
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(result.getByRole('heading', { name: 'No profile holds this value' })).toBeVisible();
  await expect(result).not.toContainText('Create the profile');
  await expect(result).not.toContainText('blocked');

  // By address, the same hint, matched case-insensitively after normalization.
  await panel.getByLabel('Search by').selectOption('email');
  await panel.getByRole('textbox', { name: 'Address' }).fill(' NoReply@Example.com ');
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(result).toContainText('“noreply@example.com” is a blocked email value');
  await expect(result).not.toContainText('Create the profile');
});

test('“Create the profile if none is found” creates and shows the new profile', async ({ page, request }) => {
  const email = `walk-in-${unique()}@example.com`;
  const panel = await openLookupPreviewTab(page);
  await panel.getByLabel('Search by').selectOption('email');
  await panel.getByRole('textbox', { name: 'Address' }).fill(email);
  const create = panel.getByRole('checkbox', { name: 'Create the profile if none is found' });
  await create.check();
  await expect(create).toHaveAccessibleDescription(/This lookup writes/);
  await panel.getByRole('button', { name: 'Look up or create' }).click();

  const result = panel.getByRole('region', { name: 'Lookup result' });
  await expect(result.getByRole('heading', { name: 'Profile created' })).toBeVisible();
  const card = result.getByRole('article');
  await expect(card.getByRole('cell', { name: email })).toBeVisible();
  await expect(card.getByText(/^No events on record: this profile was created by a lookup/)).toBeVisible();
  await saveScreenshot(page, 'lookup-preview-created');

  const { profiles } = await lookupByIdentifier(request, 'email', email);
  expect(profiles).toHaveLength(1);
  await expect(card).toHaveAccessibleName(`Profile ${profiles[0]?.id}`);
});

test('dry-runs an event that would demote an email, and writes nothing', async ({ page, request }) => {
  const id = unique();
  const email = `jane-${id}@example.com`;
  const original = await ingest(request, { type: 'identify', userId: `abc123-${id}`, traits: { email } });
  expect(original.outcome).toBe('created');

  const panel = await openLookupPreviewTab(page);
  const textarea = panel.getByRole('textbox', { name: 'Event (JSON)' });
  await expect(textarea).toHaveValue(/"type": "identify"/);
  await textarea.fill(JSON.stringify({ type: 'identify', userId: `abc456-${id}`, traits: { email } }, null, 2));
  await panel.getByRole('button', { name: 'Preview' }).click();

  const result = panel.getByRole('region', { name: 'Preview result' });
  await expect(result.getByText('Dry run — nothing was written.')).toBeVisible();
  await expect(result.getByRole('heading', { name: 'Preview result' })).toBeFocused();
  await expect(result.getByRole('heading', { name: 'Preview result' })).toBeInViewport();
  await expect(result.getByRole('definition').first()).toContainText('Created');
  await expect(result.getByText('A new profile (not created: this is a dry run)')).toBeVisible();
  const added = result.getByRole('region', { name: 'Added identifiers' });
  await expect(added.getByRole('cell', { name: `abc456-${id}` })).toBeVisible();
  const dropped = result.getByRole('region', { name: 'Dropped identifiers' }).getByRole('row').nth(1);
  await expect(dropped).toContainText(email);
  await expect(dropped).toContainText('Demoted: identifier limit');
  // Which limit, and which values clash: the check that failed, not "an identifier limit".
  await expect(dropped).toContainText(
    `The profile would hold 2 user_id values: "abc123-${id}" (already held) and "abc456-${id}" (from this event). Its limit is 1. This value, of the lowest-priority identifier left, was demoted.`,
  );
  await expect(dropped).toContainText('This event does not store it on any profile');
  const trace = result.getByRole('region', { name: 'How the resolver decided' }).getByRole('listitem');
  await expect(trace.filter({ hasText: 'Check failed' })).toContainText('2 user_id values');
  await expect(trace.filter({ hasText: 'Demoted' })).toContainText(email);
  await saveScreenshot(page, 'lookup-preview-dry-run');

  // On a phone each dropped value is a list item with its explanation at the screen's width, not
  // a table whose last column reads one word per line.
  await page.setViewportSize({ width: 390, height: 844 });
  const droppedRegion = result.getByRole('region', { name: 'Dropped identifiers' });
  const item = droppedRegion.getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item.getByRole('term')).toHaveText(['Identifier', 'Value']);
  await expect(item.getByRole('definition')).toHaveText(['email', email]);
  const explanation = item.getByText('The profile would hold 2 user_id values', { exact: false });
  const regionWidth = (await droppedRegion.boundingBox())?.width ?? 0;
  expect((await explanation.boundingBox())?.width ?? 0).toBeGreaterThan(regionWidth * 0.9);
  expect(await horizontalOverflow(page)).toBe(0);
  await explanation.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'lookup-preview-dry-run-phone', { viewportOnly: true });
  // Beside the open sidebar at 1024px a table would squeeze the explanation to a few words a line:
  // a list there too; from 1280px the table.
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(item).toHaveCount(1);
  await expect(droppedRegion.getByRole('table')).toHaveCount(0);
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(droppedRegion.getByRole('table')).toBeVisible();
  await expect(item).toHaveCount(0);

  // Nothing was written: no profile for the new user id, the email still on the first profile alone.
  expect((await lookupByIdentifier(request, 'user_id', `abc456-${id}`)).profiles).toEqual([]);
  const byEmail = await lookupByIdentifier(request, 'email', email);
  expect(byEmail.profiles.map((profile) => profile.id)).toEqual([original.profileId]);
  expect(byEmail.profiles[0]?.identifiers.map(({ key, value }) => `${key}=${value}`)).toEqual([
    `user_id=abc123-${id}`,
    `email=${email}`,
  ]);
  const events = await request.get(`${SPACE_API}/profiles/${original.profileId}/events`);
  expect(((await events.json()) as { events: unknown[] }).events).toHaveLength(1);
});

test('a dry run that matches shows the existing profile it would resolve to', async ({ page, request }) => {
  const id = unique();
  const { profileId } = await ingest(request, { type: 'page', anonymousId: `anon-${id}` });
  const panel = await openLookupPreviewTab(page);
  await panel
    .getByRole('textbox', { name: 'Event (JSON)' })
    .fill(
      JSON.stringify({ type: 'identify', userId: `known-${id}`, anonymousId: `anon-${id}`, traits: { email: 'null' } }),
    );
  await panel.getByRole('button', { name: 'Preview' }).click();
  const result = panel.getByRole('region', { name: 'Preview result' });
  await expect(result.getByRole('definition').first()).toContainText('Matched');
  await expect(result.getByRole('article', { name: `Profile ${profileId}` })).toBeVisible();
  await expect(result.getByRole('region', { name: 'Dropped identifiers' })).toContainText('Not an email address');
});

test('a dry run that would merge shows the profiles it would bring in, and says their values come with them', async ({
  page,
  request,
}) => {
  const id = unique();
  const email = `merge-${id}@example.com`;
  const survivor = await ingest(request, { type: 'identify', anonymousId: `home-${id}`, traits: { email } });
  const kiosk = await ingest(request, { type: 'page', anonymousId: `kiosk-${id}` });
  const panel = await openLookupPreviewTab(page);
  await panel
    .getByRole('textbox', { name: 'Event (JSON)' })
    .fill(JSON.stringify({ type: 'identify', anonymousId: `kiosk-${id}`, traits: { email } }));
  await panel.getByRole('button', { name: 'Preview' }).click();
  const result = panel.getByRole('region', { name: 'Preview result' });
  await expect(result.getByRole('definition').first()).toContainText('Merged');
  await expect(result.getByRole('term').filter({ hasText: 'Profiles that would merge into it' })).toBeVisible();
  await expect(result.getByRole('region', { name: 'Added identifiers' })).toContainText(
    'No value new to this space would be added. The profiles merged into it bring their own values with them',
  );
  const trace = result.getByRole('region', { name: 'How the resolver decided' }).getByRole('listitem');
  await expect(trace.filter({ hasText: 'With the profiles merged into it' })).toHaveText(
    `With the profiles merged into it, profile ${survivor.profileId} would hold every candidate: no value new to the space added.`,
  );
  await expect(result.getByRole('article', { name: `Profile ${survivor.profileId}` })).toBeVisible();
  const broughtIn = result.getByRole('region', { name: 'A profile that would merge into it, as it is now' });
  const kioskCard = broughtIn.getByRole('article', { name: `Profile ${kiosk.profileId}` });
  await expect(kioskCard).toContainText(`kiosk-${id}`);
  await saveScreenshot(page, 'lookup-preview-dry-run-merge');
});

test('malformed JSON is caught in the browser; server issues are listed with their paths', async ({
  page,
  browserProblems,
}) => {
  browserProblems.allowHttpStatus(400);
  const panel = await openLookupPreviewTab(page);
  const textarea = panel.getByRole('textbox', { name: 'Event (JSON)' });
  const previews: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/events/preview')) previews.push(request.url());
  });

  await textarea.fill('{\n  "type": "identify",\n  "userId": \n}');
  await panel.getByRole('button', { name: 'Preview' }).click();
  await expect(textarea).toHaveAccessibleDescription(
    'This is not valid JSON: expected a value, found “}” at line 4, column 1.',
  );
  await expect(textarea).toHaveAttribute('aria-invalid', 'true');
  await expect(textarea).toBeFocused();
  expect(previews).toEqual([]);
  await saveScreenshot(page, 'lookup-preview-malformed-json');

  await textarea.fill('{ "type": "shout", "timestamp": "yesterday" }');
  await panel.getByRole('button', { name: 'Preview' }).click();
  const issues = panel.getByRole('heading', { name: 'The server refused this event' });
  await expect(issues).toBeVisible();
  // The validator's messages in plain words, each with its field.
  const issueList = panel.getByRole('listitem');
  await expect(issueList.filter({ hasText: /^type / })).toHaveText(
    'type must be one of identify, track, page, screen, group or alias (not “shout”)',
  );
  await expect(issueList.filter({ hasText: /^timestamp / })).toHaveText(
    'timestamp must be an ISO 8601 date, or date and time, e.g. 2026-01-31T09:30:00Z (a time without a time zone is read as UTC)',
  );

  await textarea.fill(JSON.stringify({ userId: 'u1', messageId: 'x'.repeat(101) }));
  await panel.getByRole('button', { name: 'Preview' }).click();
  await expect(issueList.filter({ hasText: /^type / })).toHaveText(
    'type is required: one of identify, track, page, screen, group or alias',
  );
  await expect(issueList.filter({ hasText: /^messageId / })).toHaveText('messageId can be at most 100 characters');
  await expect(panel.getByText(/Invalid option|Too big/)).toHaveCount(0);
  // The field is marked invalid, and the problems line up with it.
  await expect(textarea).toHaveAttribute('aria-invalid', 'true');
  await expect(textarea).toHaveAccessibleDescription(/type is required/);
  const fieldBox = await textarea.boundingBox();
  const issuesBox = await panel.locator('[id$="-issues"]').boundingBox();
  expect(issuesBox?.x).toBe(fieldBox?.x);
  expect(issuesBox?.width).toBe(fieldBox?.width);
  await saveScreenshot(page, 'lookup-preview-server-issues');

  const mine = JSON.stringify({ userId: 'u1', messageId: 'x'.repeat(101) });
  await panel.getByRole('button', { name: 'Restore the example' }).click();
  await expect(issues).toBeHidden();
  await expect(textarea).toHaveValue(/"type": "identify"/);
  await expect(panel.getByRole('button', { name: 'Restore the example' })).toBeDisabled();
  // The event written by hand is one click away, until the example is edited.
  await panel.getByRole('button', { name: 'Put back your event' }).click();
  await expect(textarea).toHaveValue(mine);
  await expect(textarea).toBeFocused();
  await expect(panel.getByRole('button', { name: 'Put back your event' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Restore the example' }).click();
  await textarea.press('End');
  await textarea.pressSequentially(' ');
  await expect(panel.getByRole('button', { name: 'Put back your event' })).toHaveCount(0);
});

test('the Lookup preview tab has no accessibility violations', async ({ page, request }) => {
  const id = unique();
  await ingest(request, { type: 'identify', userId: `a11y-${id}`, traits: { email: `a11y-${id}@example.com` } });
  const panel = await openLookupPreviewTab(page);
  await expectNoAxeViolations(page);
  await panel.getByLabel('Search by').selectOption('email');
  await panel.getByRole('textbox', { name: 'Address' }).fill(`a11y-${id}@example.com`);
  await panel.getByRole('button', { name: 'Look up' }).click();
  await expect(panel.getByRole('article')).toBeVisible();
  await expect(panel.getByText(/All 1 events|The only event/)).toBeVisible();
  await panel.getByRole('button', { name: 'Preview' }).click();
  await expect(panel.getByRole('region', { name: 'Preview result' })).toBeVisible();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'lookup-preview-tab');
});
