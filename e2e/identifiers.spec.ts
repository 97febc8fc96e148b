import type { Locator, Page } from '@playwright/test';
import {
  displayNameCell,
  expect,
  expectNoAxeViolations,
  expectNoOverflowingText,
  expectWithinViewportWidth,
  horizontalOverflow,
  identifierRow,
  LONG_KEY,
  LONG_NAME,
  openEditModal,
  openIdentifiersTab,
  type SettingsApi,
  saveScreenshot,
  test,
} from './fixtures.ts';

const PHONE_VIEWPORT = { width: 390, height: 844 };

test('edit a display name and see it after a reload', async ({ page, api }) => {
  await openIdentifiersTab(page);
  await expect(displayNameCell(page, 'email')).toHaveText('email');

  const { dialog, input } = await openEditModal(page, 'email');
  await expect(dialog.getByText('Priority')).toBeVisible();
  await expect(input).toHaveValue('email');
  await input.fill('Email address');
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(dialog).toBeHidden();
  const toast = page.getByText('Display name of email saved as “Email address”.');
  await expect(toast).toBeVisible();
  await expect(displayNameCell(page, 'email')).toHaveText('Email address');
  // Focus goes back to the action that opened the dialog, not to the toast.
  await expect(page.getByRole('button', { name: 'Edit identifier email', exact: true })).toBeFocused();
  // The toast sits below the top bar, leaving its theme button uncovered.
  const toastBox = await toast.boundingBox();
  const topbarBox = await page.getByRole('banner').boundingBox();
  expect(toastBox && topbarBox && toastBox.y >= topbarBox.y + topbarBox.height).toBe(true);

  await page.reload();
  await expect(displayNameCell(page, 'email')).toHaveText('Email address');
  expect(await api.displayName('email')).toBe('Email address');
});

test('reset a display name to its default', async ({ page, api }) => {
  await api.setDisplayName('user_id', 'Customer ID');
  await openIdentifiersTab(page);
  await expect(displayNameCell(page, 'user_id')).toHaveText('Customer ID');

  const { dialog } = await openEditModal(page, 'user_id');
  await dialog.getByRole('button', { name: 'Reset to default' }).click();
  await expect(dialog).toBeHidden();
  await expect(displayNameCell(page, 'user_id')).toHaveText('user_id');
  expect(await api.displayName('user_id')).toBe('user_id');
});

test('a validation error is shown next to the field', async ({ page, api, browserProblems }) => {
  browserProblems.allowHttpStatus(400);
  await api.setDisplayName('phone', 'Mobile');
  await openIdentifiersTab(page);
  const patches: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH') patches.push(request.url());
  });

  const { dialog, input } = await openEditModal(page, 'email');
  const save = dialog.getByRole('button', { name: 'Save' });

  // Checked in the browser with the shared schema: nothing is sent.
  await input.fill('   ');
  await save.click();
  await expect(input).toHaveAccessibleDescription('Enter a display name');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toBeFocused();

  await input.fill('x'.repeat(51));
  await expect(input).toHaveAccessibleDescription('Use at most 50 characters');
  expect(patches).toEqual([]);

  // A case-insensitive clash with another identifier's display name comes from the server.
  await input.fill('MOBILE');
  await save.click();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).not.toHaveAccessibleDescription(/How agents and flow builders see/);
  const description = await input.evaluate((element) => {
    const ids = element.getAttribute('aria-describedby') ?? '';
    return ids
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
  });
  expect(description.trim().length).toBeGreaterThan(0);
  expect(patches).toHaveLength(1);
  await expect(dialog).toBeVisible();
  await saveScreenshot(page, 'identifiers-validation-error');

  // Correcting the value clears the error; Cancel, once the unsaved edit is discarded, leaves
  // everything as it was.
  await input.fill('Email');
  await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  expect(await api.displayName('email')).toBe('email');
});

/**
 * Types "Mine" as email's display name while another admin renames it "Theirs", then saves: the
 * save answers 412. Returns the dialog, its input and the conflict alert.
 */
async function saveAfterARenameElsewhere(page: Page, api: SettingsApi) {
  await openIdentifiersTab(page);
  const { dialog, input } = await openEditModal(page, 'email');
  await input.fill('Mine');
  await api.setDisplayName('email', 'Theirs');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const alert = dialog.getByRole('alert').filter({ hasText: 'Someone else changed the settings' });
  return { dialog, input, alert };
}

test('a 412 conflict made by a second client is explained and reloads the form', async ({
  page,
  api,
  browserProblems,
}) => {
  browserProblems.allowHttpStatus(412);
  const { dialog, input, alert } = await saveAfterARenameElsewhere(page, api);
  await expect(alert).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  expect(await api.displayName('email')).toBe('Theirs');
  await saveScreenshot(page, 'identifiers-conflict');

  // Escape asks before dropping the edit; a Reload then drops it anyway, and the question goes too.
  await page.keyboard.press('Escape');
  await expect(dialog.getByText('Discard your changes?')).toBeVisible();
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(alert).toBeHidden();
  await expect(input).toHaveValue('Theirs');
  await expect(dialog.getByText('Discard your changes?')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeVisible();

  // After the reload the edit goes through.
  await input.fill('Mine after all');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(displayNameCell(page, 'email')).toHaveText('Mine after all');
  expect(await api.displayName('email')).toBe('Mine after all');
});

test('after a 412 the admin may keep their display name, told what it overwrites', async ({
  page,
  api,
  browserProblems,
}) => {
  browserProblems.allowHttpStatus(412);
  const { dialog, input, alert } = await saveAfterARenameElsewhere(page, api);
  // The alert says what the other admin did, not only that something changed.
  await expect(alert).toContainText('Display name “email” → “Theirs”. Your display name was not saved.');
  await saveScreenshot(page, 'identifiers-conflict-keep-mine');

  await alert.getByRole('button', { name: 'Keep my changes' }).click();
  await expect(alert).toBeHidden();
  await expect(input).toHaveValue('Mine');
  await expect(input).toBeFocused();
  await expect(dialog.getByText('Your changes are kept')).toBeVisible();
  await expect(dialog).toContainText('Saving replaces the other change: Display name “email” → “Theirs”.');
  await saveScreenshot(page, 'identifiers-conflict-kept');
  expect(await api.displayName('email')).toBe('Theirs');

  // Saving now goes on the latest version: the admin's name replaces theirs, knowingly.
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(displayNameCell(page, 'email')).toHaveText('Mine');
  expect(await api.displayName('email')).toBe('Mine');
});

test('the Identifiers tab is accessible, keyboard-operable, and looks right in light and dark', async ({ page }) => {
  await openIdentifiersTab(page);
  await expect(identifierRow(page, 'phone').getByText('Phone number')).toBeVisible();
  await expect(identifierRow(page, 'email').getByText('Email address')).toBeVisible();
  await expect(identifierRow(page, 'user_id').getByRole('cell').nth(3)).toHaveText(/—/);
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'identifiers-light');

  // Keyboard only: focus the Edit action, open with Enter, close with Escape.
  const edit = page.getByRole('button', { name: 'Edit identifier phone', exact: true });
  await edit.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit identifier' });
  await expect(dialog.getByRole('textbox', { name: /Display name/ })).toBeFocused();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'identifiers-edit-modal');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();

  // In the dark sidebar, the focused entry wears a white ring (Paste's own cue is too faint there).
  const manage = page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Manage' });
  await manage.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(manage).toBeFocused();
  await expect(manage).toHaveCSS('outline', 'rgb(255, 255, 255) solid 2px');

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.getByRole('button', { name: 'Light theme' })).toBeVisible();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'identifiers-dark');
});

test('the theme follows the system until chosen otherwise, and choosing the system’s theme follows it again', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const stored = () => page.evaluate(() => window.localStorage.getItem('idr.theme'));
  await expect(page.getByRole('button', { name: 'Light theme' })).toBeVisible();
  // A choice other than the system's is kept, across a reload.
  await page.getByRole('button', { name: 'Light theme' }).click();
  expect(await stored()).toBe('default');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toBeVisible();
  // Back to the system's theme: the choice is forgotten, and the console follows the system again.
  await page.getByRole('button', { name: 'Dark theme' }).click();
  expect(await stored()).toBeNull();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.getByRole('button', { name: 'Dark theme' })).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.getByRole('button', { name: 'Light theme' })).toBeVisible();
});

test('an address type mapped to an identifier whose normalization does not suit it is marked', async ({
  page,
  api,
}) => {
  await api.setMappings({ phone: 'user_id', email: 'email' });
  await openIdentifiersTab(page);
  const badge = identifierRow(page, 'user_id').getByRole('cell').nth(3);
  const warning = 'Normalization is “trim”: phone lookups will not match E.164 values.';
  await expect(badge).toContainText('Phone number');
  await expect(badge).toContainText(`Warning: ${warning}`);
  await expect(badge.getByTitle(warning)).toBeVisible();
  // A mapping whose normalization suits its address type stays an ordinary badge.
  await expect(identifierRow(page, 'email').getByRole('cell').nth(3)).toHaveText('Email address');
  await expectNoAxeViolations(page);
});

test('at 390px the navigation is a drawer and identifiers and their priority are lists, as beside the sidebar at 800px', async ({
  page,
}) => {
  await page.setViewportSize(PHONE_VIEWPORT);
  await openIdentifiersTab(page);
  const menu = page.getByRole('button', { name: 'Navigation menu' });
  const manage = page.locator('#sidebar-navigation').getByRole('link', { name: 'Manage' });

  // Closed on load, so the page is readable; the page itself never scrolls sideways.
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(manage).not.toBeInViewport();
  expect(await horizontalOverflow(page)).toBe(0);
  // The identifiers are a list in priority order, each with its display name, address type and
  // Edit in view: no table to scroll sideways.
  const identifiers = page.getByRole('list', { name: 'Identifiers' });
  await expect(identifiers.getByRole('listitem')).toHaveCount(4);
  const email = identifierRow(page, 'email');
  await expect(email).toContainText('Priority 2email');
  await expect(email.getByRole('term')).toHaveText(['Display name', 'Address type']);
  await expect(email.getByRole('definition')).toHaveText(['email', 'Email address']);
  await expect(identifierRow(page, 'user_id').getByRole('definition').nth(1)).toHaveText('—not mapped');
  await expect(page.getByRole('region', { name: 'Identifiers table' })).toHaveCount(0);
  for (const key of ['user_id', 'email', 'phone', 'anonymous_id']) {
    await expectWithinViewportWidth(page, page.getByRole('button', { name: `Edit identifier ${key}`, exact: true }));
  }
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'identifiers-narrow');
  await page.getByRole('button', { name: 'Edit identifier email', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Edit identifier' })).toBeVisible();
  await page.keyboard.press('Escape');

  // The priority order is a list too: each identifier with its rules and every action in view.
  await page.getByRole('tab', { name: 'Identity resolution' }).click();
  const order = page.getByRole('list', { name: 'Priority and rules' });
  await expect(order.getByRole('listitem')).toHaveCount(4);
  const anonymous = order.getByRole('listitem').nth(3);
  await expect(anonymous).toContainText('Priority 4anonymous_id');
  await expect(anonymous.getByRole('term')).toHaveText(['Limit', 'Normalization', 'Blocked values']);
  await expect(anonymous.getByRole('definition')).toHaveText([
    '5 per 7 days',
    'Trim',
    '/^[0-]*$/, “-1”, “null”and 1 more',
  ]);
  await expect(page.getByRole('region', { name: 'Priority order table' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Move anonymous_id up', exact: true }).click();
  await expect(order.getByRole('listitem').nth(2)).toContainText('Priority 3was 4anonymous_id');
  // A move by keyboard from the bottom of the window carries the row (a tall list item) below it:
  // the focused arrow is scrolled back into view, so the admin sees what moved.
  const moveDown = page.getByRole('button', { name: 'Move email down', exact: true });
  await moveDown.evaluate((button) => button.scrollIntoView({ block: 'end' }));
  await moveDown.focus();
  await page.keyboard.press('Enter');
  await expect(order.getByRole('listitem').nth(2)).toContainText('Priority 3was 2email');
  await expect(moveDown).toBeFocused();
  await expect(moveDown).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Enter');
  await expect(order.getByRole('listitem').nth(3)).toContainText('Priority 4was 2email');
  // At the bottom the down arrow is off: the focus moves to the up arrow, still in view.
  const moveUp = page.getByRole('button', { name: 'Move email up', exact: true });
  await expect(moveUp).toBeFocused();
  await expect(moveUp).toBeInViewport({ ratio: 1 });
  await moveUp.click();
  await moveUp.click();
  await expect(order.getByRole('listitem').nth(1)).toContainText('Priority 2email');
  // With unsaved moves, Save order stays at the bottom of the window, however far below the list
  // puts it: the admin need not look for it.
  await order
    .getByRole('listitem')
    .first()
    .evaluate((item) => item.scrollIntoView({ block: 'start' }));
  await expect(page.getByRole('button', { name: 'Save order' })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('button', { name: 'Discard changes' })).toBeInViewport({ ratio: 1 });
  await saveScreenshot(page, 'identity-resolution-narrow-unsaved-bar', { viewportOnly: true });
  for (const name of [
    'Move anonymous_id up',
    'Move anonymous_id down',
    'Edit rules for anonymous_id',
    'Delete anonymous_id',
  ]) {
    await expectWithinViewportWidth(page, page.getByRole('button', { name, exact: true }));
  }
  expect(await horizontalOverflow(page)).toBe(0);
  await saveScreenshot(page, 'identity-resolution-narrow');
  await page.getByRole('button', { name: 'Discard changes' }).click();

  // Beside the open sidebar in an 800px window the tables would scroll sideways and hide their
  // actions: the identifiers and the priority order are lists there too, every action in view.
  await page.setViewportSize({ width: 800, height: 900 });
  // The sidebar slides in from the drawer: judged once it has.
  await expect(manage).toBeInViewport({ ratio: 1 });
  await expect(order.getByRole('listitem')).toHaveCount(4);
  await expect(page.getByRole('region', { name: 'Priority order table' })).toHaveCount(0);
  for (const name of ['Move user_id down', 'Edit rules for user_id', 'Delete user_id']) {
    await expectWithinViewportWidth(page, page.getByRole('button', { name, exact: true }));
  }
  expect(await horizontalOverflow(page)).toBe(0);
  await saveScreenshot(page, 'identity-resolution-800px');
  await page.getByRole('tab', { name: 'Identifiers' }).click();
  await expect(identifiers.getByRole('listitem')).toHaveCount(4);
  await expectWithinViewportWidth(
    page,
    page.getByRole('button', { name: 'Edit identifier anonymous_id', exact: true }),
  );
  await saveScreenshot(page, 'identifiers-800px');
  // From 1280px the sidebar leaves room for the tables themselves.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByRole('table', { name: 'Identifiers' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Identifiers' })).toHaveCount(0);
  await page.setViewportSize(PHONE_VIEWPORT);
  await page.getByRole('tab', { name: 'Identifiers' }).click();

  // The menu button opens the navigation; choosing a page closes it again.
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(manage).toBeInViewport();
  await expect(manage).toBeFocused();
  await manage.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(manage).not.toBeInViewport();
  await expect(page.getByRole('main')).toBeFocused();

  // Escape closes it too, back on the menu button; after a reload it starts closed.
  await menu.click();
  await expect(manage).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await page.reload();
  await expect(identifierRow(page, 'user_id')).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(manage).not.toBeInViewport();
});

test('as lists, the identifiers and the priority order lay out their items alike', async ({ page }) => {
  // Beside the open sidebar at 800px both are lists (at 390px too, tested above).
  await page.setViewportSize({ width: 800, height: 900 });
  await openIdentifiersTab(page);
  const box = async (locator: Locator) => {
    const found = await locator.boundingBox();
    if (!found) throw new Error('not rendered');
    return found;
  };
  const identifier = page.getByRole('list', { name: 'Identifiers' }).getByRole('listitem').nth(1);
  await expect(identifier).toContainText('Priority 2email');
  const identifierLayout = {
    item: await box(identifier),
    key: await box(identifier.getByText('email', { exact: true }).first()),
    lastFact: await box(identifier.getByRole('definition').last()),
    action: await box(identifier.getByRole('button', { name: 'Edit identifier email' })),
  };
  await saveScreenshot(page, 'identifiers-list-layout', { viewportOnly: true });

  await page.getByRole('tab', { name: 'Identity resolution' }).click();
  const order = page.getByRole('list', { name: 'Priority and rules' }).getByRole('listitem').nth(1);
  await expect(order).toContainText('Priority 2email');
  const orderLayout = {
    item: await box(order),
    key: await box(order.getByText('email', { exact: true })),
    lastFact: await box(order.getByRole('definition').last()),
    action: await box(order.getByRole('button', { name: 'Edit rules for email' })),
    move: await box(order.getByRole('button', { name: 'Move email up' })),
  };
  await saveScreenshot(page, 'identity-resolution-list-layout', { viewportOnly: true });

  // The key starts at the same place in both, after the priority's column.
  expect(Math.abs(identifierLayout.key.x - orderLayout.key.x), 'key starts alike').toBeLessThanOrEqual(1);
  // The row's actions come last, below what the item says, from its left edge, in both.
  for (const layout of [identifierLayout, orderLayout]) {
    expect(layout.action.y).toBeGreaterThan(layout.lastFact.y + layout.lastFact.height);
    expect(Math.abs(layout.action.x - layout.item.x)).toBeLessThanOrEqual(1);
  }
  // The move arrows, which only the priority order has, stay on the key's line, at its end.
  expect(orderLayout.move.y).toBeLessThan(orderLayout.key.y + orderLayout.key.height);
  expect(orderLayout.move.x).toBeGreaterThan(orderLayout.item.x + orderLayout.item.width / 2);
});

test('at 390px toasts do not pile up and long names wrap inside them', async ({ page, api }) => {
  await page.setViewportSize(PHONE_VIEWPORT);
  await openIdentifiersTab(page);
  // 50 characters, the most a display name may have, and no space to break at.
  const longName = 'Anonymous_visitor_identifier_for_web_and_mobile_ab';
  const renames = [
    { key: 'email', displayName: 'Email address' },
    { key: 'anonymous_id', displayName: longName },
  ];
  for (const { key, displayName } of renames) {
    const { dialog, input } = await openEditModal(page, key);
    await input.fill(displayName);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }
  const toast = page.getByText(`Display name of anonymous_id saved as “${longName}”.`);
  await expect(toast).toBeVisible();
  await expect(page.getByRole('button', { name: 'Dismiss toast' })).toHaveCount(1);
  const box = await toast.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= PHONE_VIEWPORT.width).toBe(true);
  expect(await horizontalOverflow(page)).toBe(0);
  expect(await api.displayName('anonymous_id')).toBe(longName);
});

test('a 64-character key and a 50-character name wrap, shown whole, and Edit stays in view at 1440 and 1280px', async ({
  page,
  api,
}) => {
  await api.addLongIdentifier();
  await api.setDisplayName('email', LONG_NAME);
  await openIdentifiersTab(page);
  const row = identifierRow(page, LONG_KEY);
  const edit = page.getByRole('button', { name: `Edit identifier ${LONG_KEY}`, exact: true });
  for (const width of [1440, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    // Whole on screen, wrapping inside its cell: readable without pointing at it (no ellipsis).
    const keyCell = row.getByRole('cell').nth(1);
    await expect(keyCell).toHaveText(LONG_KEY);
    await expectNoOverflowingText(keyCell);
    await expect(displayNameCell(page, LONG_KEY)).toHaveText(LONG_KEY);
    await expect(displayNameCell(page, 'email')).toHaveText(LONG_NAME);
    await expectNoOverflowingText(displayNameCell(page, 'email'));
    // Nothing scrolls sideways: not the page, not the table (which only becomes a region when it does).
    expect(await horizontalOverflow(page)).toBe(0);
    await expect(page.getByRole('region', { name: 'Identifiers table' })).toHaveCount(0);
    await expectWithinViewportWidth(page, row.getByRole('cell').nth(3));
    await expectWithinViewportWidth(page, edit);
    await saveScreenshot(page, `identifiers-long-key-${width}`);
  }

  // In the dialog the key wraps inside it rather than running past its edge.
  const { dialog } = await openEditModal(page, LONG_KEY);
  const key = dialog.getByRole('definition').first();
  await expect(key).toHaveText(LONG_KEY);
  await expectNoOverflowingText(key);
  await expectNoOverflowingText(dialog);
  await saveScreenshot(page, 'identifiers-long-key-modal');
  await page.keyboard.press('Escape');
  await expect(edit).toBeFocused();
  await expectWithinViewportWidth(page, row.getByRole('cell').first());
});
