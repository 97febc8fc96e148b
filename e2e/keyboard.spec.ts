import type { Locator, Page } from '@playwright/test';
import { expect, openEditModal, openIdentifiersTab, saveScreenshot, test } from './fixtures.ts';

// Journeys made with the keyboard alone, and what a screen reader is told on the way.

const PHONE_VIEWPORT = { width: 390, height: 844 };

/**
 * Whether the focus is in the sidebar (the navigation drawer on a phone), or past the document's
 * last control, where Tab goes to the browser's own controls before it comes round again.
 */
function focusIsInSidebar(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      document.activeElement === document.body ||
      document.activeElement?.closest('[data-paste-element="SIDEBAR"]') != null,
  );
}

/** Whether an element is the one a click at its centre would reach: nothing (the top bar) covers it. */
function isUncovered(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return hit !== null && (hit === element || element.contains(hit));
  });
}

test('at 390px the open navigation drawer keeps the focus, and gives it back to the menu button', async ({ page }) => {
  await page.setViewportSize(PHONE_VIEWPORT);
  await openIdentifiersTab(page);
  const menu = page.getByRole('button', { name: 'Navigation menu' });
  const manage = page.locator('#sidebar-navigation').getByRole('link', { name: 'Manage' });

  // The navigation is a closed drawer on a phone: "Skip to navigation" opens it, focus on its link.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to navigation' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(manage).toBeFocused();

  // Open, the drawer covers the page, which is out of reach: Tab goes round the drawer only.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    expect(await focusIsInSidebar(page), `Tab ${i + 1} stays in the drawer`).toBe(true);
  }
  await saveScreenshot(page, 'keyboard-drawer-open', { viewportOnly: true });
  // Escape closes it from wherever the focus is in it, back on the menu button.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();

  // The menu button opens it again, with the focus on the current page's link.
  await page.keyboard.press('Enter');
  await expect(manage).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeFocused();

  // Its own Collapse button closes it too, back on the menu button rather than on nothing.
  await page.keyboard.press('Enter');
  await expect(manage).toBeFocused();
  const collapse = page.getByRole('button', { name: 'Collapse sidebar' });
  await collapse.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
});

test('a control reached with Shift+Tab is never hidden under the top bar', async ({ page }) => {
  await page.goto('/unified-profiles/manage/identity-resolution');
  const country = page.getByRole('combobox', { name: 'Default country' });
  await country.focus();
  // Back through the priority table's row actions: each one lands in view, below the top bar.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Shift+Tab');
    const focused = page.locator(':focus');
    expect(await isUncovered(focused), `Shift+Tab ${i + 1}: ${await focused.getAttribute('aria-label')}`).toBe(true);
  }
});

test('an error that appears on the field already focused is read out', async ({ page, browserProblems }) => {
  // The server refuses a display name another identifier has (400), and the form shows why.
  browserProblems.allowHttpStatus(400);
  await openIdentifiersTab(page);
  const { dialog, input } = await openEditModal(page, 'email');
  await input.fill('PHONE');
  await page.keyboard.press('Enter');
  await expect(input).toBeFocused();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  // The focus did not move, so a screen reader would not read the field's new description: the
  // dialog's status region says it.
  const spoken = dialog.getByTestId('focused-field-error');
  await expect(spoken).toHaveText(/already the display name of “phone”|already the display name of "phone"/);
  await expect(spoken).toHaveAttribute('role', 'status');
});

test('the tab list follows the address: after Back, Shift+Tab returns to the selected tab', async ({ page }) => {
  await openIdentifiersTab(page);
  await page.getByRole('tab', { name: 'Identity resolution' }).click();
  await page.getByRole('tab', { name: 'Lookup preview' }).click();
  await expect(page).toHaveURL(/\/lookup-preview$/);
  await page.goBack();
  const selected = page.getByRole('tab', { name: 'Identity resolution', selected: true });
  await expect(selected).toBeVisible();
  // The one Tab stop of the list is the selected tab, not the one focused last.
  await expect(selected).toHaveAttribute('tabindex', '0');
  await expect(page.getByRole('tab', { name: 'Lookup preview' })).toHaveAttribute('tabindex', '-1');
  await expect(page).toHaveTitle('Identity resolution · Manage — Default space — Identity Resolution Console');
});

test('after Back, the tab that kept the focus shows its panel only when chosen again, and its URL with it', async ({
  page,
}) => {
  await openIdentifiersTab(page);
  const lookup = page.getByRole('tab', { name: 'Lookup preview' });
  await lookup.click();
  await expect(page).toHaveURL(/\/lookup-preview$/);
  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Identifiers', selected: true })).toBeVisible();
  await expect(lookup).toBeFocused();
  const entries = await page.evaluate(() => history.length);

  // The focus leaves and comes back (another window, then this one again): nothing moves.
  await lookup.evaluate((tab) => {
    tab.blur();
    tab.focus();
  });
  await expect(page.getByRole('tab', { name: 'Identifiers', selected: true })).toBeVisible();
  await expect(page).toHaveURL(/\/identifiers$/);

  // Chosen again, with Enter on the focused tab: the panel and the URL follow, as one step.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Lookup preview', selected: true })).toBeVisible();
  await expect(page).toHaveURL(/\/lookup-preview$/);
  expect(await page.evaluate(() => history.length)).toBe(entries);
  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Identifiers', selected: true })).toBeVisible();

  // The arrow keys choose the tab they move to, URL included.
  await page.getByRole('tab', { name: 'Identifiers' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Identity resolution', selected: true })).toBeFocused();
  await expect(page).toHaveURL(/\/identity-resolution$/);
});

test('Export settings keeps the focus once the file is saved', async ({ page }) => {
  await page.goto('/unified-profiles/manage/identity-resolution');
  const exportButton = page.getByRole('button', { name: 'Export settings' });
  await exportButton.focus();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  await download;
  await expect(page.getByText(/^Settings of Default exported as /)).toBeVisible();
  await expect(exportButton).toBeFocused();
  await expect(page).toHaveTitle('Identity resolution · Manage — Default space — Identity Resolution Console');
});

test('each table is named by the heading of its section', async ({ page }) => {
  await openIdentifiersTab(page);
  await expect(page.getByRole('table', { name: 'Identifiers' })).toBeVisible();
  await page.getByRole('tab', { name: 'Identity resolution' }).click();
  await expect(page.getByRole('table', { name: 'Priority and rules' })).toBeVisible();
  await page.getByRole('tab', { name: 'Change history' }).click();
  await expect(page.getByRole('table', { name: 'Change history' })).toBeVisible();
});
