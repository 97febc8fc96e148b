import { ScreenReaderOnly } from '@twilio-paste/screen-reader-only';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';

/** The text of the elements that describe a field (its help text or error). */
function descriptionOf(field: HTMLElement): string {
  return (field.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => (id ? (document.getElementById(id)?.textContent?.trim() ?? '') : ''))
    .filter(Boolean)
    .join(' ');
}

/** The focused field's error, when it has one (`aria-invalid`); `''` otherwise. */
function focusedFieldError(): { text: string; field: HTMLElement | null } {
  const field = document.activeElement;
  if (!(field instanceof HTMLElement) || field.getAttribute('aria-invalid') !== 'true')
    return { text: '', field: null };
  return { text: descriptionOf(field), field };
}

interface Announcement {
  text: string;
  /** Where the live region lives: inside the open dialog, as a modal hides everything else from screen readers. */
  container: Element;
}

/**
 * Speaks an error that appears on the field that already has the focus (WCAG 4.1.3): after Enter in
 * a field, validation puts the focus on the first invalid field, which is that same one, so a screen
 * reader, which reads a field's description when focus arrives, says nothing. Errors shown on a field
 * the focus then moves to are read with it and are not repeated here.
 */
export function FocusedFieldErrorAnnouncer() {
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const [spoken, setSpoken] = useState('');
  useEffect(() => {
    // What the focused field said when the focus arrived or when it was last announced.
    let heard = focusedFieldError().text;
    const onFocus = () => {
      heard = focusedFieldError().text;
    };
    const observer = new MutationObserver(() => {
      const { text, field } = focusedFieldError();
      if (text === heard) return;
      heard = text;
      if (text === '' || field === null) return;
      const container = field.closest('[role="dialog"], [role="alertdialog"]') ?? document.body;
      // The region is put in place empty first, then filled: a region that appears with its text
      // already in it is not read by every screen reader.
      setSpoken('');
      setAnnouncement({ text, container });
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-invalid', 'aria-describedby'],
    });
    document.addEventListener('focusin', onFocus);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocus);
    };
  }, []);
  useEffect(() => {
    if (announcement === null) return;
    const timer = setTimeout(() => setSpoken(announcement.text), 100);
    return () => clearTimeout(timer);
  }, [announcement]);
  if (announcement === null || !announcement.container.isConnected) return null;
  return createPortal(
    <ScreenReaderOnly>
      <div role="status" data-testid="focused-field-error">
        {spoken}
      </div>
    </ScreenReaderOnly>,
    announcement.container,
  );
}
