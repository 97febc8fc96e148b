import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, openIdentifiersTab, saveScreenshot, test } from './fixtures.ts';

// The sidebar on a wide screen: open, or collapsed to a rail of icons that still leads everywhere.

/** The navigation of the sidebar, open or collapsed. */
function navigation(page: Page) {
  return page.getByRole('navigation', { name: 'Console' });
}

/** Waits until the sidebar has finished sliding (Paste animates its width). */
async function sidebarSettled(page: Page, width: number) {
  const sidebar = page.locator('[data-paste-element="SIDEBAR"]');
  await expect.poll(async () => Math.round((await sidebar.boundingBox())?.width ?? 0)).toBe(width);
}

test('collapsed, the sidebar is a rail of icons that leads to the pages, and it stays collapsed after a reload', async ({
  page,
}) => {
  await openIdentifiersTab(page);
  await page.getByRole('button', { name: 'Collapse sidebar' }).click();
  const expand = page.getByRole('button', { name: 'Expand sidebar' });
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await sidebarSettled(page, 76);

  // Each page is an icon, named for screen readers, titled for the mouse; the current one is marked.
  const manage = navigation(page).getByRole('link', { name: 'Unified Profiles: Manage' });
  await expect(manage).toBeInViewport({ ratio: 1 });
  await expect(manage).toHaveAttribute('title', 'Unified Profiles: Manage');
  await expect(manage).toHaveAttribute('aria-current', 'page');
  await expect(manage.locator('svg')).toBeVisible();
  const box = await manage.boundingBox();
  expect(box?.width ?? 0, 'an icon, not a cut label').toBeLessThanOrEqual(48);
  // Reached from the keyboard, with the sidebar's visible focus ring.
  await manage.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(manage).toBeFocused();
  await expect(manage).toHaveCSS('outline', 'rgb(255, 255, 255) solid 2px');
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'sidebar-rail', { viewportOnly: true });

  // The admin wanted the room for the page: a reload keeps the rail.
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Identifiers', selected: true })).toBeVisible();
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await expect(manage).toBeInViewport({ ratio: 1 });
  await manage.click();
  await expect(page).toHaveURL(/\/unified-profiles\/manage\/identifiers$/);

  // Open again, it stays open after a reload too, with its full labels.
  await expand.click();
  await expect(page.getByRole('button', { name: 'Collapse sidebar' })).toHaveAttribute('aria-expanded', 'true');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Collapse sidebar' })).toHaveAttribute('aria-expanded', 'true');
  await expect(navigation(page).getByRole('link', { name: 'Manage', exact: true })).toBeInViewport();
  await expect(navigation(page).getByText('Unified Profiles')).toBeVisible();
});

test('on a phone the sidebar stays a drawer, closed on load, whatever was chosen on a wide screen', async ({
  page,
}) => {
  await openIdentifiersTab(page);
  await page.getByRole('button', { name: 'Collapse sidebar' }).click();
  await expect(page.getByRole('button', { name: 'Expand sidebar' })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const menu = page.getByRole('button', { name: 'Navigation menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  // The drawer opens in full, labels and all, not as the rail.
  await menu.click();
  const manage = navigation(page).getByRole('link', { name: 'Manage', exact: true });
  await expect(manage).toBeFocused();
  await expect(manage).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(menu).toBeFocused();

  // Back on the wide screen, the rail chosen there is still the choice.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByRole('button', { name: 'Expand sidebar' })).toHaveAttribute('aria-expanded', 'false');
  await expect(navigation(page).getByRole('link', { name: 'Unified Profiles: Manage' })).toBeInViewport();
});
