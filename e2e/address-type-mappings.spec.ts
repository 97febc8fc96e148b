import { expect, holdAnswers, identifierRow, openIdentifiersTab, saveScreenshot, test } from './fixtures.ts';

test('map phone and email and see the mapping after a reload', async ({ page, api }) => {
  await api.reset({ phone: null, email: null });
  await openIdentifiersTab(page);
  const phone = page.getByLabel('Phone number');
  const email = page.getByLabel('Email address');
  const save = page.getByRole('button', { name: 'Save mapping' });
  await expect(phone).toHaveValue('');
  await expect(email).toHaveValue('');
  await expect(save).toBeDisabled();

  await phone.selectOption('phone');
  await email.selectOption('email');
  await expect(save).toBeEnabled();
  // From the keyboard: Save turns itself off once saved, and the focus goes back to the form.
  await save.focus();
  await page.keyboard.press('Enter');

  await expect(page.getByText('Identifier mapping by address type saved.')).toBeVisible();
  await expect(save).toBeDisabled();
  await expect(phone).toBeFocused();
  await expect(identifierRow(page, 'phone').getByText('Phone number')).toBeVisible();
  await expect(identifierRow(page, 'email').getByText('Email address')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Phone number')).toHaveValue('phone');
  await expect(page.getByLabel('Email address')).toHaveValue('email');
  await expect(identifierRow(page, 'phone').getByText('Phone number')).toBeVisible();
  expect(await api.mappings()).toEqual({ phone: 'phone', email: 'email' });
});

test('warns when the normalization does not fit, and refuses one identifier for both types', async ({ page, api }) => {
  await openIdentifiersTab(page);
  const phone = page.getByLabel('Phone number');
  const email = page.getByLabel('Email address');

  await phone.selectOption('user_id');
  await expect(phone).toHaveAccessibleDescription(/Lookups will not match: user_id uses “trim” normalization.*E\.164/);
  await saveScreenshot(page, 'mapping-warning');

  // One identifier for both address types: refused at once, on the select just changed, and Save
  // is off until it is resolved.
  await email.selectOption('user_id');
  await expect(email).toHaveAccessibleDescription(/user_id is already mapped to Phone number\. /);
  await expect(page.getByRole('button', { name: 'Save mapping' })).toBeDisabled();
  await saveScreenshot(page, 'mapping-clash');
  expect(await api.mappings()).toEqual({ phone: 'phone', email: 'email' });

  // The warning does not block saving: the mapping is allowed (SPEC §4).
  await email.selectOption('email');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByText('Identifier mapping by address type saved.')).toBeVisible();
  expect(await api.mappings()).toEqual({ phone: 'user_id', email: 'email' });

  // None says what lookups then do; Discard puts back what is saved.
  await phone.selectOption('');
  await expect(phone).toHaveAccessibleDescription(
    'Not mapped: calls, SMS and WhatsApp messages find no profile. Their lookups answer that phone numbers are not mapped.',
  );
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(phone).toHaveValue('user_id');
  await expect(phone).toHaveAccessibleDescription(
    /^Calls, SMS and WhatsApp messages are looked up by this identifier\./,
  );
});

test('a mapping conflict made by a second client is explained and reloads the form', async ({
  page,
  api,
  browserProblems,
}) => {
  browserProblems.allowHttpStatus(412);
  await openIdentifiersTab(page);
  const phone = page.getByLabel('Phone number');
  await phone.selectOption('');

  await api.setMappings({ phone: 'phone', email: null });

  await page.getByRole('button', { name: 'Save mapping' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Someone else changed the settings' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Email address: email → none. Your mapping was not saved.');
  await expect(alert.getByRole('button', { name: 'Reload' })).toBeFocused();
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(alert).toBeHidden();
  await expect(phone).toHaveValue('phone');
  await expect(page.getByLabel('Email address')).toHaveValue('');
  expect(await api.mappings()).toEqual({ phone: 'phone', email: null });

  // Again, and the admin keeps their change this time. Theirs was to another address type: both
  // survive, so nothing of theirs is overwritten and no note says so.
  await phone.selectOption('');
  await api.setMappings({ phone: 'phone', email: 'email' });
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(alert).toContainText('Email address: none → email.');
  await alert.getByRole('button', { name: 'Keep my changes' }).click();
  await expect(alert).toBeHidden();
  await expect(phone).toHaveValue('');
  await expect(page.getByLabel('Email address')).toHaveValue('email');
  await expect(page.getByText('Your changes are kept')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByText('Identifier mapping by address type saved.')).toBeVisible();
  expect(await api.mappings()).toEqual({ phone: null, email: 'email' });

  // Both change the same address type: the admin's kept value replaces theirs, and a note says so.
  await phone.selectOption('phone');
  await api.setMappings({ phone: 'user_id', email: 'email' });
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(alert).toContainText('Phone number: none → user_id.');
  await alert.getByRole('button', { name: 'Keep my changes' }).click();
  await expect(phone).toHaveValue('phone');
  await expect(page.getByText('Saving replaces the other change: Phone number: none → user_id.')).toBeVisible();
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByText('Your changes are kept')).toBeHidden();
  await expect.poll(() => api.mappings()).toEqual({ phone: 'phone', email: 'email' });
});

test('a select changed while the save is on its way keeps the new choice, as an unsaved change', async ({
  page,
  api,
}) => {
  await openIdentifiersTab(page);
  // The save's answer is held until the admin has changed the select again.
  const answer = await holdAnswers(page, '**/address-type-mappings');
  const phone = page.getByLabel('Phone number');
  await phone.selectOption('user_id');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect.poll(() => api.mappings()).toEqual({ phone: 'user_id', email: 'email' });
  await phone.selectOption('anonymous_id');
  answer();

  await expect(page.getByText('Identifier mapping by address type saved.')).toBeVisible();
  await expect(phone).toHaveValue('anonymous_id');
  await expect(page.getByText('You have unsaved changes.')).toBeVisible();
  // What was saved is now what Discard goes back to.
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(phone).toHaveValue('user_id');
  expect(await api.mappings()).toEqual({ phone: 'user_id', email: 'email' });
});

test('a change elsewhere in the space does not block saving the mapping', async ({ page, api, browserProblems }) => {
  // The save first answers 412 (the form's version is stale), then goes through on the latest.
  browserProblems.allowHttpStatus(412);
  await openIdentifiersTab(page);
  const phone = page.getByLabel('Phone number');
  await phone.selectOption('user_id');
  await api.setDisplayName('anonymous_id', 'Visitor');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByText('Identifier mapping by address type saved.')).toBeVisible();
  expect(await api.mappings()).toEqual({ phone: 'user_id', email: 'email' });
  expect(await api.displayName('anonymous_id')).toBe('Visitor');
});

test('a save that fails from the keyboard keeps the focus on Save, not lost to the page', async ({
  page,
  api,
  browserProblems,
}) => {
  browserProblems.allowFailedRequests(/address-type-mappings$/);
  await openIdentifiersTab(page);
  await page.getByLabel('Phone number').selectOption('anonymous_id');
  // The server went away: the request never gets an answer.
  await page.route('**/address-type-mappings', (route) =>
    route.request().method() === 'PUT' ? route.abort('connectionrefused') : route.continue(),
  );
  const save = page.getByRole('button', { name: 'Save mapping' });
  await save.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('The server cannot be reached')).toBeVisible();
  // Save showed its loading state (disabled) meanwhile; the edits are still there to save again.
  await expect(save).toBeFocused();
  await expect(page.getByLabel('Phone number')).toHaveValue('anonymous_id');
  expect(await api.mappings()).toEqual({ phone: 'phone', email: 'email' });
});

test('unsaved mapping changes ask before the page is left', async ({ page }) => {
  await openIdentifiersTab(page);
  const phone = page.getByLabel('Phone number');
  // Chromium only asks when the page has had a real user gesture.
  await phone.click();
  await page.keyboard.press('Escape');
  await phone.selectOption('user_id');
  await expect(page.getByText('You have unsaved changes.')).toBeVisible();

  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const beforeUnload = await dialog;
  expect(beforeUnload.type()).toBe('beforeunload');
  await beforeUnload.accept();
});
