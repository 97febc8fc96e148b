import type { APIRequestContext, Locator, Page } from '@playwright/test';
import {
  displayNameCell,
  expect,
  expectNoAxeViolations,
  expectWithinViewportWidth,
  holdAnswers,
  horizontalOverflow,
  identifierRow,
  openIdentifiersTab,
  saveScreenshot,
  test,
} from './fixtures.ts';

/** Creates a space with the contact-center preset, under an id no earlier run has used. */
async function createSpace(request: APIRequestContext, name: string): Promise<string> {
  const id = `e2e-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
  const created = await request.post('/api/v1/spaces', { data: { id, name, preset: 'contact-center' } });
  expect(created.status(), await created.text()).toBe(201);
  return id;
}

/**
 * Creates a space named `${name} <suffix>` among more spaces than the top bar's list shows at once
 * (whatever ran before), and opens the default space's Identifiers tab. The suffix, unique to this
 * run, is what a search types to find the space.
 */
async function openAmongManySpaces(page: Page, request: APIRequestContext, name: string) {
  const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  const target = await createSpace(request, `${name} ${suffix}`);
  for (let i = 0; i < 14; i++) await createSpace(request, `Filler ${i}`);
  await page.goto('/unified-profiles/manage/identifiers');
  const space = page.getByRole('textbox', { name: 'Space' });
  await expect(space).toHaveValue('Default');
  return { suffix, target, space };
}

/**
 * In the default space's top bar: Escape after typing a search puts the current space back; typing
 * it again and Enter opens the first match, `expected`.
 */
async function escapeThenEnter(page: Page, space: Locator, search: string, expected: { id: string; label: string }) {
  await space.fill(search);
  await page.keyboard.press('Escape');
  await expect(space).toHaveValue('Default');
  await space.fill(search);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/spaces/${expected.id}/unified-profiles/manage/identifiers$`));
  await expect(space).toHaveValue(expected.label);
}

/**
 * Picks a space in the top bar: types its id, which narrows the list to it (the list renders only
 * the entries in view, and the suite creates many spaces), then clicks its label.
 */
async function chooseSpace(page: Page, id: string, label: string) {
  await page.getByRole('textbox', { name: 'Space' }).fill(id);
  await page.getByRole('option', { name: label, exact: true }).click();
}

test('the top bar switches the space; the page, the URL and a reload follow it', async ({ page, request }) => {
  const staging = await createSpace(request, 'Staging');
  const renamed = await request.patch(`/api/v1/spaces/${staging}/identifiers/email`, {
    data: { displayName: 'Staging email' },
  });
  expect(renamed.status(), await renamed.text()).toBe(200);

  await page.goto('/unified-profiles/manage/identity-resolution');
  const space = page.getByRole('textbox', { name: 'Space' });
  await expect(space).toHaveValue('Default');
  await expect(page.getByRole('tab', { name: 'Identity resolution', selected: true })).toBeVisible();

  // Arrow keys only browse the list; nothing opens until a space is picked.
  await space.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { name: 'Default', exact: true })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  expect(new URL(page.url()).pathname).toBe('/unified-profiles/manage/identity-resolution');
  await page.keyboard.press('Escape');
  await expect(space).toHaveValue('Default');

  // The same page of the other space.
  await chooseSpace(page, staging, `Staging (${staging})`);
  await expect(page).toHaveURL(new RegExp(`/spaces/${staging}/unified-profiles/manage/identity-resolution$`));
  await expect(page.getByRole('tab', { name: 'Identity resolution', selected: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Identifiers' }).click();
  await expect(page).toHaveURL(new RegExp(`/spaces/${staging}/unified-profiles/manage/identifiers$`));
  await expect(displayNameCell(page, 'email')).toHaveText('Staging email');
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'spaces-switched');

  // A reload stays in the space, and the sidebar link keeps to it.
  await page.reload();
  await expect(space).toHaveValue(`Staging (${staging})`);
  await expect(displayNameCell(page, 'email')).toHaveText('Staging email');
  await expect(page.getByRole('link', { name: 'Manage' })).toHaveAttribute(
    'href',
    `/spaces/${staging}/unified-profiles/manage/identifiers`,
  );

  // Back to the default space, on its short paths, with its own settings.
  await chooseSpace(page, 'default', 'Default');
  await expect(page).toHaveURL(/^http:\/\/[^/]+\/unified-profiles\/manage\/identifiers$/);
  await expect(displayNameCell(page, 'email')).toHaveText('email');

  // The default space under its long name goes to the short one.
  await page.goto('/spaces/default/unified-profiles/manage/lookup-preview');
  await expect(page).toHaveURL(/^http:\/\/[^/]+\/unified-profiles\/manage\/lookup-preview$/);
});

test('typing narrows the space list to names and ids that contain it; Enter opens the first', async ({
  page,
  request,
}) => {
  const { suffix, target, space } = await openAmongManySpaces(page, request, 'Support');

  // A click puts the caret after the current name; what is typed there is the search. A part of
  // the name, in another case, finds the space among however many there are.
  await space.click();
  await page.keyboard.type(`SUPPORT ${suffix.toUpperCase()}`);
  await expect(space).toHaveValue(`SUPPORT ${suffix.toUpperCase()}`);
  const listbox = page.getByRole('listbox', { name: 'Space' });
  await expect(listbox.getByRole('option')).toHaveText([`Support ${suffix} (${target})`]);
  await saveScreenshot(page, 'spaces-search');
  // An option, and the highlight on it, spans the list, also when its name is short.
  await space.fill('default');
  const short = listbox.getByRole('option', { name: 'Default', exact: true });
  expect((await short.boundingBox())?.width).toBeCloseTo((await listbox.boundingBox())?.width ?? 0, 0);

  // Nothing matches: said in the list. Leaving the field opens nothing and shows the space again.
  await space.fill(`no such space ${suffix}`);
  await expect(page.getByText(`No space’s name or id contains “no such space ${suffix}”.`)).toBeVisible();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'spaces-search-none');
  await page.keyboard.press('Tab');
  await expect(space).toHaveValue('Default');
  await expect(page.getByRole('listbox', { name: 'Space' })).toBeHidden();

  // Browsing a narrowed list and leaving it opens nothing either.
  await space.fill(target);
  await page.keyboard.press('ArrowDown');
  await page.getByRole('heading', { name: 'Manage', level: 1 }).click();
  await expect(space).toHaveValue('Default');
  expect(new URL(page.url()).pathname).toBe('/unified-profiles/manage/identifiers');

  // The arrow beside the field opens and closes the list too, and leaves the focus in the field.
  const arrow = page.locator('[data-paste-element="SPACE_SWITCHER_CHEVRON"]');
  const list = page.getByRole('listbox', { name: 'Space' });
  await arrow.click();
  // Opened, the list shows the current space (it is first here) whole.
  await expect(list.getByRole('option', { name: 'Default', exact: true })).toBeInViewport({ ratio: 1 });
  await saveScreenshot(page, 'spaces-list-open');
  await expect(space).toBeFocused();
  await arrow.click();
  await expect(list).toBeHidden();
  await expect(space).toBeFocused();

  // The current space's name typed back in full lists every space again, as on opening, with the
  // current one highlighted: Enter there stays put.
  await space.fill('Defaul');
  await page.keyboard.type('t');
  await expect(list.getByRole('option').first()).toHaveText('Default');
  const firstId = await list.getByRole('option').first().getAttribute('id');
  await expect(space).toHaveAttribute('aria-activedescendant', firstId ?? 'no id');
  expect(await list.getByRole('option').count()).toBeGreaterThan(1);
  await page.keyboard.press('Enter');
  await expect(space).toHaveValue('Default');
  expect(new URL(page.url()).pathname).toBe('/unified-profiles/manage/identifiers');

  await escapeThenEnter(page, space, suffix, { id: target, label: `Support ${suffix} (${target})` });
});

test('on a slow machine, Enter pressed on the heels of typing opens the match typed, not the current space', async ({
  page,
  request,
}) => {
  const { suffix, target, space } = await openAmongManySpaces(page, request, 'Heels');
  // A busy machine (CI's was one) renders late, and keys go before rendering: Enter reached the
  // field while the list on screen was still the whole one, and opened its first space (the
  // current one) instead of the match typed.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  const arrow = page.locator('[data-paste-element="SPACE_SWITCHER_CHEVRON"]');
  await arrow.click();
  await arrow.click();
  await expect(page.getByRole('listbox', { name: 'Space' })).toBeHidden();
  try {
    await escapeThenEnter(page, space, suffix, { id: target, label: `Heels ${suffix} (${target})` });
  } finally {
    // The throttle belongs to the renderer, which the next test's page may share.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
});

test('the space list is read again when it opens: a space made elsewhere meanwhile is found', async ({
  page,
  request,
}) => {
  await openIdentifiersTab(page);
  const space = page.getByRole('textbox', { name: 'Space' });
  await expect(space).toHaveValue('Default');
  // Another admin, or a script, creates a space while this page is open.
  const later = await createSpace(request, 'Made elsewhere');
  await chooseSpace(page, later, `Made elsewhere (${later})`);
  await expect(page).toHaveURL(new RegExp(`/spaces/${later}/unified-profiles/manage/identifiers$`));
  await expect(space).toHaveValue(`Made elsewhere (${later})`);
});

test('an address naming no space says so and links to the default space', async ({ page, browserProblems }) => {
  browserProblems.allowHttpStatus(404);
  await page.goto('/spaces/no-such-space/unified-profiles/manage/identity-resolution');
  await expect(page.getByRole('heading', { name: 'There is no space “no-such-space”' })).toBeVisible();
  await expect(page.getByRole('tab')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Space' })).toHaveValue('no-such-space');
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'spaces-unknown');

  await page.getByRole('link', { name: 'this page in the default space' }).click();
  await expect(page).toHaveURL(/^http:\/\/[^/]+\/unified-profiles\/manage\/identity-resolution$/);
  await expect(page.getByRole('tab', { name: 'Identity resolution', selected: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Space' })).toHaveValue('Default');
});

test('an address naming a space in capitals, or by its name, offers the space it meant', async ({
  page,
  request,
  browserProblems,
}) => {
  browserProblems.allowHttpStatus(404);
  const id = await createSpace(request, 'Typed Elsewhere');
  // Ids are lower case: in capitals the address is no space's, and the page says which it meant.
  await page.goto(`/spaces/${id.toUpperCase()}/unified-profiles/manage/lookup-preview`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main).toContainText(
    `Did you mean this page in Typed Elsewhere (${id})? Space ids are written in lower case.`,
  );
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'spaces-mistyped-address');
  await main.getByRole('link', { name: `this page in Typed Elsewhere (${id})` }).click();
  await expect(page).toHaveURL(new RegExp(`/spaces/${id}/unified-profiles/manage/lookup-preview$`));
  await expect(page.getByRole('tab', { name: 'Lookup preview', selected: true })).toBeVisible();

  // A name in place of the id: a valid id that no space has, whose name says which space it is.
  const named = `n${id.slice(4)}`;
  const renamed = await request.patch(`/api/v1/spaces/${id}`, { data: { name: named } });
  expect(renamed.status(), await renamed.text()).toBe(200);
  await page.goto(`/spaces/${named}/unified-profiles/manage/identifiers`);
  await expect(page.getByRole('heading', { name: `There is no space “${named}”` })).toBeVisible();
  await expect(main).toContainText(
    `Did you mean this page in ${named} (${id})? Addresses name a space by its id, not its name.`,
  );
  await main.getByRole('link', { name: `this page in ${named} (${id})` }).click();
  await expect(page).toHaveURL(new RegExp(`/spaces/${id}/unified-profiles/manage/identifiers$`));
});

test('between phone and desktop widths the top bar keeps to one row, its buttons icon-only when labels do not fit', async ({
  page,
}) => {
  const rename = page.getByRole('button', { name: 'Rename space' });
  const create = page.getByRole('button', { name: 'New space' });
  const theme = page.getByRole('button', { name: /theme/ });
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.goto('/');
  await expect(rename).toBeVisible();
  expect((await rename.boundingBox())?.width).toBeGreaterThan(100);
  for (const width of [960, 800]) {
    await page.setViewportSize({ width, height: 800 });
    // Square icon buttons, named as before for assistive technology and titled for the mouse;
    // the picker keeps its width, so a long name still shows.
    for (const button of [rename, create, theme]) {
      await expect.poll(async () => (await button.boundingBox())?.width).toBeLessThanOrEqual(40);
    }
    await expect(rename).toHaveAttribute('title', 'Rename space');
    await expect(create).toHaveAttribute('title', 'New space');
    expect((await page.getByRole('textbox', { name: 'Space' }).boundingBox())?.width).toBeGreaterThan(150);
    expect((await rename.boundingBox())?.height).toBe((await create.boundingBox())?.height);
    expect(await horizontalOverflow(page), `sideways scroll at ${width}px`).toBe(0);
    await expectWithinViewportWidth(page, theme);
  }
  await saveScreenshot(page, 'topbar-800');
  // On a phone the menu button and the space picker share the row; the picker shrinks to fit.
  // The layout follows a resize a frame or more later (media queries and resize observers set
  // React state), so what it settles to is polled for.
  const centreOf = (box: { y: number; height: number } | null) => (box?.y ?? 0) + (box?.height ?? 0) / 2;
  for (const width of [390, 360]) {
    await page.setViewportSize({ width, height: 800 });
    await expect
      .poll(async () => {
        const menu = await page.getByRole('button', { name: 'Navigation menu' }).boundingBox();
        const picker = await page.getByRole('textbox', { name: 'Space' }).boundingBox();
        return Math.abs(centreOf(menu) - centreOf(picker));
      }, `menu button and picker on one row at ${width}px`)
      .toBeLessThan(2);
    await expect.poll(() => horizontalOverflow(page), `sideways scroll at ${width}px`).toBe(0);
  }
  await saveScreenshot(page, 'topbar-360', { viewportOnly: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(async () => (await rename.boundingBox())?.width).toBeGreaterThan(100);
});

test('switching space, or Back into another space, asks before it drops an unsaved mapping', async ({
  page,
  request,
}) => {
  const other = await createSpace(request, 'Other');
  await page.goto('/');
  await expect(identifierRow(page, 'email')).toBeVisible();
  const phone = page.getByLabel('Phone number');
  await phone.selectOption('user_id');

  const space = page.getByRole('textbox', { name: 'Space' });
  const discard = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
  await chooseSpace(page, other, `Other (${other})`);
  await expect(discard).toContainText(
    `Your changes on Identifiers have not been saved. Switching to the space Other (${other}) discards them.`,
  );
  // The safe answer comes first.
  await expect(discard.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'spaces-discard-edits-dialog');
  await page.keyboard.press('Escape');
  // Kept: same space, same URL, the edit kept.
  await expect(discard).toBeHidden();
  // Focus goes back to the switcher, where the admin was.
  await expect(space).toBeFocused();
  await expect(space).toHaveValue('Default');
  await expect(page).toHaveURL(/^http:\/\/[^/]+\/unified-profiles\/manage\/identifiers$/);
  await expect(phone).toHaveValue('user_id');

  await chooseSpace(page, other, `Other (${other})`);
  await discard.getByRole('button', { name: 'Discard and switch' }).click();
  await expect(page).toHaveURL(new RegExp(`/spaces/${other}/unified-profiles/manage/identifiers$`));
  await expect(phone).toHaveValue('phone');
  await expect(discard).toBeHidden();

  // An unsaved edit in this space, then Back (into the default space): asked too.
  await phone.selectOption('user_id');
  const historyLength = () => page.evaluate(() => window.history.length);
  const entries = await historyLength();
  await page.goBack();
  await expect(discard).toContainText('Switching to the space Default discards them.');
  await expect(page).toHaveURL(new RegExp(`/spaces/${other}/unified-profiles/manage/identifiers$`));
  await discard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(discard).toBeHidden();
  await expect(phone).toHaveValue('user_id');
  await expect(space).toHaveValue(`Other (${other})`);
  // The refused step was undone, not covered by a new entry: the history is as it was.
  expect(await historyLength()).toBe(entries);

  // Back again, discarding this time: the default space, its saved mapping; the same Back, so
  // Forward still leads to the other space.
  await page.goBack();
  await expect(discard).toContainText('Switching to the space Default discards them.');
  await expect(page).toHaveURL(new RegExp(`/spaces/${other}/unified-profiles/manage/identifiers$`));
  await discard.getByRole('button', { name: 'Discard and switch' }).click();
  await expect(page).toHaveURL(/^http:\/\/[^/]+\/unified-profiles\/manage\/identifiers$/);
  await expect(space).toHaveValue('Default');
  const saved = await request.get('/api/v1/spaces/default/address-type-mappings');
  await expect(phone).toHaveValue((await saved.json()).mappings.phone ?? '');
  expect(await historyLength()).toBe(entries);
  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`/spaces/${other}/unified-profiles/manage/identifiers$`));
  await expect(space).toHaveValue(`Other (${other})`);
});

test('switching space while a mapping is being saved waits for the save instead of calling the edit unsaved', async ({
  page,
  request,
}) => {
  const other = await createSpace(request, 'Other');
  await page.goto('/');
  await expect(identifierRow(page, 'email')).toBeVisible();
  // The save's answer is held until the admin has picked the other space.
  const answer = await holdAnswers(page, '**/spaces/default/address-type-mappings');
  await page.getByLabel('Phone number').selectOption('user_id');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await chooseSpace(page, other, `Other (${other})`);
  await expect(page).toHaveURL(/^http:\/\/[^/]+\/unified-profiles\/manage\/identifiers$/);
  answer();

  // Saved, then switched: no dialog ever asked (it would have kept the page where it was).
  await expect(page).toHaveURL(new RegExp(`/spaces/${other}/unified-profiles/manage/identifiers$`));
  await expect(page.getByRole('alertdialog', { name: 'Discard unsaved changes?' })).toHaveCount(0);
  const saved = await request.get('/api/v1/spaces/default/address-type-mappings');
  expect((await saved.json()).mappings).toEqual({ phone: 'user_id', email: 'email' });
});

test('New space creates an empty space from the top bar and opens it', async ({ page, request }) => {
  const suffix = Date.now().toString(36);
  await page.goto('/unified-profiles/manage/identity-resolution');
  await page.getByRole('button', { name: 'New space' }).click();
  const dialog = page.getByRole('dialog', { name: 'New space' });
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await name.fill(`EU support ${suffix}`);
  // The ID follows the name until it is typed in.
  const id = dialog.getByRole('textbox', { name: 'ID' });
  await expect(id).toHaveValue(`eu-support-${suffix}`);
  await dialog.getByLabel('Start from').selectOption('preset:empty');
  const country = dialog.getByLabel('Default country');
  await expect(country).toHaveValue('US');
  await country.selectOption({ label: 'United Kingdom (GB)' });
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'spaces-new-dialog');

  await dialog.getByRole('button', { name: 'Create space' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Space “EU support ${suffix}” created.`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/spaces/eu-support-${suffix}/unified-profiles/manage/identity-resolution$`));
  await expect(page.getByRole('heading', { name: 'This space has no identifiers yet' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Space' })).toHaveValue(`EU support ${suffix} (eu-support-${suffix})`);

  const space = await request.get(`/api/v1/spaces/eu-support-${suffix}`);
  expect(await space.json()).toMatchObject({ name: `EU support ${suffix}`, defaultCountry: 'GB' });
});

test('New space shows a taken ID next to the field, and copies a space with its country', async ({
  page,
  request,
  browserProblems,
}) => {
  browserProblems.allowHttpStatus(409);
  const suffix = Date.now().toString(36);
  await page.goto('/');
  await page.getByRole('button', { name: 'New space' }).click();
  const dialog = page.getByRole('dialog', { name: 'New space' });
  const id = dialog.getByRole('textbox', { name: 'ID' });

  // Taken by a listed space: said before anything is sent.
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Default');
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(
    /^Another space is already called “Default” \(default\)\./,
  );
  await dialog.getByRole('button', { name: 'Create space' }).click();
  // Said by the field itself (a screen reader may also hear it from the focused-field announcer).
  await expect(id).toHaveAccessibleDescription('A space with this ID already exists');
  await expect(id).toBeFocused();

  // Taken meanwhile by another admin: the server's 409 lands on the same field.
  const taken = `taken-${suffix}`;
  const other = await request.post('/api/v1/spaces', { data: { id: taken, name: 'Taken', preset: 'empty' } });
  expect(other.status()).toBe(201);
  await id.fill(taken);
  await dialog.getByRole('button', { name: 'Create space' }).click();
  await expect(id).toHaveAccessibleDescription('A space with this ID already exists');
  await expect(id).toHaveAttribute('aria-invalid', 'true');

  // A copy of a GB space takes GB unless another country is chosen.
  const source = `source-${suffix}`;
  const created = await request.post('/api/v1/spaces', {
    data: { id: source, name: 'Source', preset: 'contact-center', defaultCountry: 'GB' },
  });
  expect(created.status()).toBe(201);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'New space' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(`Copy ${suffix}`);
  await dialog.getByLabel('Start from').selectOption(`copy:${source}`);
  await expect(dialog.getByLabel('Default country')).toHaveValue('GB');
  await dialog.getByRole('button', { name: 'Create space' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/spaces/copy-${suffix}/unified-profiles/manage/identifiers$`));
  await expect(identifierRow(page, 'phone')).toBeVisible();
  const copy = await request.get(`/api/v1/spaces/copy-${suffix}`);
  expect(await copy.json()).toMatchObject({ defaultCountry: 'GB' });
});

test('creating the space an address named opens its page in place', async ({ page, browserProblems }) => {
  browserProblems.allowHttpStatus(404);
  const id = `later-${Date.now().toString(36)}`;
  await page.goto(`/spaces/${id}/unified-profiles/manage/identifiers`);
  await expect(page.getByRole('heading', { name: `There is no space “${id}”` })).toBeVisible();
  await page.getByRole('button', { name: 'New space' }).click();
  const dialog = page.getByRole('dialog', { name: 'New space' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(id);
  await dialog.getByRole('button', { name: 'Create space' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: `There is no space “${id}”` })).toBeHidden();
  await expect(identifierRow(page, 'user_id')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/spaces/${id}/unified-profiles/manage/identifiers$`));
  // One address, not two: Back leaves the space's page.
  await page.goBack();
  await expect(page).not.toHaveURL(new RegExp(`/spaces/${id}/`));
});
