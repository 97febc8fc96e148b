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
