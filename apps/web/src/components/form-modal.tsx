import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { WarningIcon } from '@twilio-paste/icons/esm/WarningIcon';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/modal';
import { Text } from '@twilio-paste/text';
import {
  type FormEventHandler,
  type ReactNode,
  type RefObject,
  useEffect,
  useEffectEvent,
  useId,
  useRef,
  useState,
} from 'react';
import { useBackForwardClosesDialog } from '../lib/router.ts';
import type { ConflictStatus } from '../lib/use-save-status.ts';
import { ConflictNotice, FormErrorAlert } from './form-alerts.tsx';

// The form spans body and footer, and must let the modal body scroll inside it.
const FORM_STYLE = { display: 'flex', flexDirection: 'column', minHeight: 0 } as const;

interface FormModalProps {
  heading: NonNullable<ReactNode>;
  size?: 'default' | 'wide';
  /** The field focused when the modal opens, and again once Reload has brought the latest values. */
  initialFocusRef: RefObject<HTMLElement | null>;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The primary button's label, e.g. "Save rules". */
  submitLabel: string;
  busy: boolean;
  /** Whether the form holds unsaved edits: closing it then asks before discarding them. */
  dirty: boolean;
  /**
   * How the last save went (from `useSaveStatus`): a 412 conflict shows what was not saved (and
   * `theirs`, the other change, when known), offers Reload (and Keep my changes, with `onKeepMine`)
   * and disables the primary button; `keptOver` names the other change the edits now overwrite;
   * an error no field explains shows above the fields.
   */
  saveStatus: ConflictStatus & { formError: unknown };
  /** Secondary actions on the left of the footer, e.g. "Reset to default". */
  footerStart?: ReactNode;
  children: NonNullable<ReactNode>;
}

/**
 * A modal holding one settings form: heading, the save's conflict or error, the fields, and a
 * footer with Cancel and the primary button. The form wraps body and footer, so Enter in a field
 * and the primary button both submit. Escape, the close button and Cancel close it at once when
 * nothing was edited, and otherwise ask in the footer whether to discard the edits; so do the
 * browser's Back and Forward, which leave the page behind the dialog where it is. While a save is
 * under way none of them closes it.
 */
export function FormModal({
  heading,
  size = 'default',
  initialFocusRef,
  onClose,
  onSubmit,
  submitLabel,
  busy,
  dirty,
  saveStatus,
  footerStart,
  children,
}: FormModalProps) {
  const headingId = useId();
  const { confirmingDiscard, requestClose, keepEditing, cancelRef } = useDiscardConfirmation(dirty, busy, onClose);
  useFocusAfterReload(saveStatus.conflict, initialFocusRef);
  useEscapeWhenFocusIsLost(requestClose);
  useBackForwardClosesDialog(requestClose);

  return (
    <Modal isOpen onDismiss={requestClose} size={size} ariaLabelledby={headingId} initialFocusRef={initialFocusRef}>
      <form onSubmit={onSubmit} noValidate style={FORM_STYLE} aria-labelledby={headingId}>
        <ModalHeader>
          <ModalHeading as="h2" id={headingId}>
            {/* Headings name an identifier, whose key may be 64 characters with nowhere to break. */}
            <Box as="span" overflowWrap="anywhere">
              {heading}
            </Box>
          </ModalHeading>
        </ModalHeader>
        <ModalBody>
          {saveStatus.conflict || saveStatus.keptOver ? (
            <Box marginBottom="space70">
              <ConflictNotice status={saveStatus} />
            </Box>
          ) : null}
          {saveStatus.formError ? (
            <Box marginBottom="space70">
              <FormErrorAlert error={saveStatus.formError} />
            </Box>
          ) : null}
          {children}
        </ModalBody>
        <ModalFooter>
          {confirmingDiscard ? (
            <DiscardChangesPrompt onKeepEditing={keepEditing} onDiscard={onClose} />
          ) : (
            <>
              {footerStart ? <ModalFooterActions justify="start">{footerStart}</ModalFooterActions> : null}
              <ModalFooterActions>
                <Button ref={cancelRef} variant="secondary" onClick={requestClose} disabled={busy}>
                  Cancel
                </Button>
                <Button variant="primary" type="submit" loading={busy} disabled={saveStatus.conflict}>
                  {submitLabel}
                </Button>
              </ModalFooterActions>
            </>
          )}
        </ModalFooter>
      </form>
    </Modal>
  );
}

/**
 * Closing with unsaved edits asks first. "Keep editing" puts focus back where it was, or on Cancel
 * when that was the button pressed (the prompt replaced it).
 */
function useDiscardConfirmation(dirty: boolean, busy: boolean, onClose: () => void) {
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const cancelRef = useRef<HTMLButtonElement | null>(null);
  const focusBeforePrompt = useRef<Element | null>(null);
  const restoreFocus = useRef(false);

  function requestClose() {
    // A save under way cannot be called back: offering to discard it would be a lie (the edit is
    // saved a moment later). The dialog closes by itself once it succeeds.
    if (busy) return;
    if (confirmingDiscard) {
      // Escape on the prompt answers it the safe way.
      keepEditing();
      return;
    }
    if (!dirty) {
      onClose();
      return;
    }
    focusBeforePrompt.current = document.activeElement;
    setConfirmingDiscard(true);
  }

  function keepEditing() {
    restoreFocus.current = true;
    setConfirmingDiscard(false);
  }

  // Nothing left to discard (a reload after a conflict put the saved values back), or a save
  // started meanwhile (Enter in a field): the question no longer stands.
  useEffect(() => {
    if ((!dirty || busy) && confirmingDiscard) setConfirmingDiscard(false);
  }, [dirty, busy, confirmingDiscard]);

  useEffect(() => {
    if (confirmingDiscard || !restoreFocus.current) return;
    restoreFocus.current = false;
    const previous = focusBeforePrompt.current;
    if (previous instanceof HTMLElement && previous.isConnected && previous !== document.body) previous.focus();
    else cancelRef.current?.focus();
  }, [confirmingDiscard]);

  return { confirmingDiscard, requestClose, keepEditing, cancelRef };
}

/** "Discard your changes?" in place of the footer's buttons; focus starts on the safe answer. */
function DiscardChangesPrompt({ onKeepEditing, onDiscard }: { onKeepEditing: () => void; onDiscard: () => void }) {
  const questionId = useId();
  const keepEditingRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    keepEditingRef.current?.focus();
  }, []);
  return (
    <Box
      role="group"
      aria-labelledby={questionId}
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      justifyContent="space-between"
      columnGap="space50"
      rowGap="space40"
      width="100%"
    >
      <Box display="flex" alignItems="flex-start" columnGap="space30">
        <WarningIcon decorative color="colorTextIconWarning" />
        <Text as="p">
          <Text as="span" id={questionId} fontWeight="fontWeightSemibold">
            Discard your changes?
          </Text>{' '}
          <Text as="span" color="colorTextWeak">
            They have not been saved.
          </Text>
        </Text>
      </Box>
      {/* Right-aligned like the buttons it replaces, also when it wraps below the question. */}
      <Box display="flex" columnGap="space50" marginLeft="auto">
        <Button ref={keepEditingRef} variant="secondary" onClick={onKeepEditing}>
          Keep editing
        </Button>
        <Button variant="destructive" onClick={onDiscard}>
          Discard changes
        </Button>
      </Box>
    </Box>
  );
}

/**
 * Reload replaces the conflict alert, and the Reload button in it, by the latest values, and
 * enables the fields again: focus the first field, once it is enabled (after the render), instead
 * of leaving focus on the removed button.
 */
function useFocusAfterReload(conflict: boolean, initialFocusRef: RefObject<HTMLElement | null>) {
  const hadConflict = useRef(conflict);
  useEffect(() => {
    if (hadConflict.current && !conflict) initialFocusRef.current?.focus();
    hadConflict.current = conflict;
  }, [conflict, initialFocusRef]);
}

/**
 * The dialog handles Escape while focus is inside it. A control that disables or removes itself
 * while focused drops focus to <body>, out of the dialog's reach; Escape must close it still.
 */
function useEscapeWhenFocusIsLost(onEscape: () => void) {
  const handleEscape = useEffectEvent(onEscape);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape' && event.target === document.body) handleEscape();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
