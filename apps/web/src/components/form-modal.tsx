import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/modal';
import { type FormEventHandler, type ReactNode, type RefObject, useId } from 'react';
import { ConflictAlert, FormErrorAlert } from './form-alerts.tsx';

// The form spans body and footer, and must let the modal body scroll inside it.
const FORM_STYLE = { display: 'flex', flexDirection: 'column', minHeight: 0 } as const;

interface FormModalProps {
  heading: NonNullable<ReactNode>;
  size?: 'default' | 'wide';
  /** The field focused when the modal opens. */
  initialFocusRef: RefObject<HTMLElement | null>;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The primary button's label, e.g. "Save rules". */
  submitLabel: string;
  busy: boolean;
  /**
   * How the last save went (from `useSaveStatus`): a 412 conflict shows what was not saved, offers
   * Reload and disables the primary button; an error no field explains shows above the fields.
   */
  saveStatus: { conflict: boolean; formError: unknown; reloading: boolean; onReload: () => void; notSaved: string };
  /** Secondary actions on the left of the footer, e.g. "Reset to default". */
  footerStart?: ReactNode;
  children: NonNullable<ReactNode>;
}

/**
 * A modal holding one settings form: heading, the save's conflict or error, the fields, and a
 * footer with Cancel and the primary button. The form wraps body and footer, so Enter in a field
 * and the primary button both submit.
 */
export function FormModal({
  heading,
  size = 'default',
  initialFocusRef,
  onClose,
  onSubmit,
  submitLabel,
  busy,
  saveStatus,
  footerStart,
  children,
}: FormModalProps) {
  const headingId = useId();
  return (
    <Modal isOpen onDismiss={onClose} size={size} ariaLabelledby={headingId} initialFocusRef={initialFocusRef}>
      <form onSubmit={onSubmit} noValidate style={FORM_STYLE} aria-labelledby={headingId}>
        <ModalHeader>
          <ModalHeading as="h2" id={headingId}>
            {heading}
          </ModalHeading>
        </ModalHeader>
        <ModalBody>
          {saveStatus.conflict ? (
            <Box marginBottom="space70">
              <ConflictAlert
                notSaved={saveStatus.notSaved}
                onReload={saveStatus.onReload}
                reloading={saveStatus.reloading}
              />
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
          {footerStart ? <ModalFooterActions justify="start">{footerStart}</ModalFooterActions> : null}
          <ModalFooterActions>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button variant="primary" type="submit" loading={busy} disabled={saveStatus.conflict}>
              {submitLabel}
            </Button>
          </ModalFooterActions>
        </ModalFooter>
      </form>
    </Modal>
  );
}
