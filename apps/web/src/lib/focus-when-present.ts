/**
 * Focuses the element `find` returns as soon as it returns one, looking once a frame for up to
 * `frames` frames (five seconds at 60 Hz). After a change, the element to focus may appear only once
 * a list is read again, in a component that the caller does not re-render; `find` may also wait for
 * the element that had the focus to be gone (a dialog that closes hands the focus back to it).
 */
export function focusWhenPresent(find: () => HTMLElement | null, frames = 300): void {
  const look = (left: number) => {
    const element = find();
    if (element) element.focus();
    else if (left > 0) requestAnimationFrame(() => look(left - 1));
  };
  requestAnimationFrame(() => look(frames));
}

/**
 * Whether the keyboard focus is on a submit button, or already lost to the page. A form's Save
 * button turns itself off once the save leaves the form clean, which drops the focus on the page:
 * a form asks this before saving, and afterwards puts the focus back in its fields.
 */
export function focusIsOnSubmitOrLost(): boolean {
  const active = document.activeElement;
  return (
    active === null || active === document.body || (active instanceof HTMLButtonElement && active.type === 'submit')
  );
}

/**
 * Focuses the field called `name` of the form an event came from, once the save's render is done,
 * unless the admin has moved on to another control while the save was on its way.
 */
export function focusFieldOf(event: { target: EventTarget | null } | undefined, name: string): void {
  const form = event?.target;
  if (!(form instanceof HTMLFormElement) || !focusIsOnSubmitOrLost()) return;
  focusWhenPresent(() => {
    const field = form.elements.namedItem(name);
    return field instanceof HTMLElement ? field : null;
  });
}

/**
 * Gives the keyboard focus back to the control `find` returns once it is enabled again, if the
 * focus is still lost to the page by then. After a failed save: the Save button, disabled while it
 * showed its loading state, dropped the focus, and nothing else takes it (a field the error names
 * does, and then this does nothing).
 */
export function refocusWhenLost(find: () => HTMLButtonElement | null, frames = 120): void {
  const look = (left: number) => {
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    const control = find();
    if (control && !control.disabled) control.focus();
    else if (left > 0) requestAnimationFrame(() => look(left - 1));
  };
  requestAnimationFrame(() => look(frames));
}

/** `refocusWhenLost` for the submit button of the form an event came from. */
export function refocusSubmitOf(event: { target: EventTarget | null } | undefined): void {
  const form = event?.target;
  if (!(form instanceof HTMLFormElement)) return;
  refocusWhenLost(() => form.querySelector<HTMLButtonElement>('button[type="submit"]'));
}
