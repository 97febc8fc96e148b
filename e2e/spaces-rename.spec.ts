import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, horizontalOverflow, saveScreenshot, test } from './fixtures.ts';

/** Creates a space with the contact-center preset, under an id no earlier run has used. */
async function createSpace(request: APIRequestContext, name: string): Promise<string> {
  const id = `e2e-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
  const created = await request.post('/api/v1/spaces', { data: { id, name, preset: 'contact-center' } });
  expect(created.status(), await created.text()).toBe(201);
  return id;
}

/**
 * Opens Rename space and waits for the refetch it starts: the dialog's base is then the latest
 * version, so a rename made elsewhere afterwards is one the dialog has not seen.
 */
async function openRenameDialog(page: Page, id: string) {
  const refetched = page.waitForResponse(
    (response) => response.request().method() === 'GET' && new URL(response.url()).pathname === `/api/v1/spaces/${id}`,
  );
  await page.getByRole('button', { name: 'Rename space' }).click();
  await refetched;
  const dialog = page.getByRole('dialog', { name: 'Rename space' });
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  return { dialog, name };
}

test('Rename space renames the current space from the top bar; its id and address stay', async ({ page, request }) => {
  // A name no other space has, whatever ran before: a shared name would add a warning to the field.
  const original = `Staging ${Date.now().toString(36)}`;
  const id = await createSpace(request, original);
  const path = `/spaces/${id}/unified-profiles/manage/identity-resolution`;
  await page.goto(path);
  const switcher = page.getByRole('textbox', { name: 'Space' });
  await expect(switcher).toHaveValue(`${original} (${id})`);

  const { dialog, name } = await openRenameDialog(page, id);
  await expect(name).toHaveValue(original);
  await expect(name).toHaveAccessibleDescription(`The ID ${id} and the addresses of its pages stay the same.`);
  await name.fill('EU support');
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'spaces-rename-dialog');

  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Space renamed to “EU support”.')).toBeVisible();
  // The switcher names the space at once, and focus is back where the rename started.
  await expect(switcher).toHaveValue(`EU support (${id})`);
  await expect(page.getByRole('button', { name: 'Rename space' })).toBeFocused();
  expect(new URL(page.url()).pathname).toBe(path);
  // The list has the new name too (narrowed to it: the list renders only the entries in view).
  await switcher.fill(id);
  await expect(page.getByRole('option', { name: `EU support (${id})`, exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(switcher).toHaveValue(`EU support (${id})`);
  await saveScreenshot(page, 'spaces-renamed');

  await page.reload();
  await expect(switcher).toHaveValue(`EU support (${id})`);
  const space = await request.get(`/api/v1/spaces/${id}`);
  expect(await space.json()).toMatchObject({ id, name: 'EU support' });
});

test('Rename space shows an empty name next to the field, and a rename made meanwhile as a conflict', async ({
  page,
  request,
  browserProblems,
}) => {
  browserProblems.allowHttpStatus(412);
  const id = await createSpace(request, 'Staging');
  await page.goto(`/spaces/${id}/unified-profiles/manage/identifiers`);
  const { dialog, name } = await openRenameDialog(page, id);

  // Said before anything is sent, next to the field.
  await name.fill('   ');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/^Enter a name\b/);
  await expect(name).toBeFocused();

  // The name of another space is allowed, with a warning: only the IDs would tell them apart.
  await name.fill('default');
  await expect(name).toHaveAccessibleDescription(
    /^Another space is already called “Default” \(default\)\. Both can have the name; only their IDs will tell them apart\./,
  );
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'spaces-rename-namesake');

  // Another admin renames the space while the dialog is open: saving answers 412 and changes nothing.
  const elsewhere = await request.patch(`/api/v1/spaces/${id}`, { data: { name: 'Renamed elsewhere' } });
  expect(elsewhere.status(), await elsewhere.text()).toBe(200);
  await name.fill('Mine');
  await dialog.getByRole('button', { name: 'Save' }).click();
  const alert = dialog
    .getByRole('alert')
    .filter({ hasText: 'Someone else changed the settings while you were editing' });
  await expect(alert).toContainText('Name “Staging” → “Renamed elsewhere”. The new name was not saved.');
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expect(name).toBeDisabled();
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'spaces-rename-conflict');
  const unchanged = await request.get(`/api/v1/spaces/${id}`);
  expect(await unchanged.json()).toMatchObject({ name: 'Renamed elsewhere' });

  // Reload brings the latest name.
  await dialog.getByRole('button', { name: 'Reload' }).click();
  await expect(name).toHaveValue('Renamed elsewhere');
  await expect(name).toBeFocused();

  // Renamed once more elsewhere: this time the admin keeps their name, and saving applies it.
  const again = await request.patch(`/api/v1/spaces/${id}`, { data: { name: 'Renamed again' } });
  expect(again.status(), await again.text()).toBe(200);
  await name.fill('Mine');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(alert).toContainText('Name “Renamed elsewhere” → “Renamed again”.');
  await alert.getByRole('button', { name: 'Keep my changes' }).click();
  await expect(name).toHaveValue('Mine');
  await expect(name).toBeFocused();
  await expect(
    dialog.getByText('Saving replaces the other change: Name “Renamed elsewhere” → “Renamed again”.'),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Space renamed to “Mine”.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Space' })).toHaveValue(`Mine (${id})`);
});

test('at 390px Rename space is an icon button beside New space, and the dialog fits', async ({ page, request }) => {
  const id = await createSpace(request, 'Staging');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/spaces/${id}/unified-profiles/manage/identifiers`);
  const rename = page.getByRole('button', { name: 'Rename space' });
  await expect(rename).toBeEnabled();
  await expect(page.getByRole('button', { name: 'New space' })).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);
  await saveScreenshot(page, 'spaces-rename-390');

  const { dialog, name } = await openRenameDialog(page, id);
  await name.fill('A space name long enough to wrap inside the dialog at this width');
  await expectNoAxeViolations(page);
  await saveScreenshot(page, 'spaces-rename-dialog-390');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(rename).toBeFocused();
});
