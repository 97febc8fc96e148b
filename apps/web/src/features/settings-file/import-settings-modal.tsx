import type { SettingsDocument, SettingsImport } from '@idr/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/callout';
import { Modal, ModalBody, ModalFooter, ModalFooterActions, ModalHeader, ModalHeading } from '@twilio-paste/modal';
import { Text } from '@twilio-paste/text';
import { Fragment, useEffect, useId, useMemo, useRef, useState } from 'react';
import { FormErrorAlert } from '../../components/form-alerts.tsx';
import { ApiError, isVersionConflict } from '../../lib/errors.ts';
import { settingsQueryKey } from '../../lib/query-client.ts';
import { useBackForwardClosesDialog } from '../../lib/router.ts';
import type { SettingsState } from '../../lib/settings-diff.ts';
import { useOneAtATime } from '../../lib/use-one-at-a-time.ts';
import { summarizeImport } from './import-summary.ts';
import { IssueList } from './issue-list.tsx';
import { type DocumentIssue, describeIssues } from './settings-file.ts';
import { settingsDocumentQueryOptions, useImportSettings } from './settings-file-queries.ts';

interface ImportSettingsModalProps {
  spaceId: string;
  spaceName: string;
  fileName: string;
  /** The document to send, as the file holds it once checked. */
  document: SettingsImport;
  /** The settings the document stands for, defaults filled in, in priority order. */
  settings: SettingsState;
  /** The space's settings the summary compares with; the import requires their version. */
  current: SettingsDocument;
  onClose: () => void;
  onImported: () => void;
}

type Problem = { kind: 'conflict' } | { kind: 'refused'; issues: DocumentIssue[] } | { kind: 'error'; error: unknown };

/**
 * "Replace the settings of <space>?": what the file would change against the current settings,
 * and the import itself, conditional on the version the summary was computed from. A 412 offers to
 * compare again with the latest settings; a 400 lists the server's issues.
 */
export function ImportSettingsModal({
  spaceId,
  spaceName,
  fileName,
  document,
  settings,
  current: initial,
  onClose,
  onImported,
}: ImportSettingsModalProps) {
  const headingId = useId();
  const descriptionId = useId();
  const queryClient = useQueryClient();
  const mutation = useImportSettings(spaceId);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState(initial);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [reloading, setReloading] = useState(false);
  const [focusSummary, setFocusSummary] = useState(false);
  const summary = useMemo(() => summarizeImport(current, settings), [current, settings]);
  // A file that holds the current settings has nothing to replace: the import would only add a
  // version and a history entry that changes nothing.
  const unchanged = summary.length === 0;

  const reloadRef = useRef<HTMLButtonElement>(null);
  // Reload replaced the alert holding the focused button: put focus on the new summary instead.
  useEffect(() => {
    if (!focusSummary) return;
    setFocusSummary(false);
    summaryRef.current?.focus();
  }, [focusSummary]);
  // A refusal disables Replace settings while it has focus, which would drop focus out of the dialog:
  // move it to what can be done next (Reload after a conflict, Cancel after a refused file).
  const problemKind = problem?.kind;
  useEffect(() => {
    if (problemKind === 'conflict') reloadRef.current?.focus();
    else if (problemKind === 'refused') cancelRef.current?.focus();
  }, [problemKind]);

  const confirm = useOneAtATime(async () => {
    setProblem(null);
    try {
      await mutation.mutateAsync({ document, version: current.version });
      onImported();
    } catch (error) {
      if (isVersionConflict(error)) {
        setProblem({ kind: 'conflict' });
        // The other tabs show the settings that are now current.
        void queryClient.invalidateQueries({ queryKey: settingsQueryKey(spaceId) });
      } else if (error instanceof ApiError && error.code === 'validation_failed' && error.issues.length > 0) {
        setProblem({ kind: 'refused', issues: describeIssues(error.issues, document) });
      } else setProblem({ kind: 'error', error });
    }
  });

  async function reload() {
    setReloading(true);
    try {
      setCurrent(await queryClient.fetchQuery(settingsDocumentQueryOptions(spaceId)));
      setProblem(null);
      setFocusSummary(true);
    } catch (error) {
      setProblem({ kind: 'error', error });
    } finally {
      setReloading(false);
    }
  }

  const busy = mutation.isPending;
  // An import under way finishes in the dialog that started it: closing waits for its answer.
  const dismiss = () => {
    if (!busy) onClose();
  };
  useBackForwardClosesDialog(dismiss);
  return (
    <Modal
      isOpen
      onDismiss={dismiss}
      size="wide"
      ariaLabelledby={headingId}
      aria-describedby={descriptionId}
      initialFocusRef={cancelRef}
    >
      <ModalHeader>
        <ModalHeading as="h2" id={headingId}>
          <Box as="span" overflowWrap="anywhere">
            Replace the settings of {spaceName}?
          </Box>
        </ModalHeading>
      </ModalHeader>
      <ModalBody>
        {problem?.kind === 'conflict' ? (
          <Box marginBottom="space70">
            <Callout variant="warning" marginY="space0">
              <CalloutText>
                <strong>The settings of {spaceName} changed after this summary was made.</strong> Nothing was replaced.
                Reload to compare the file with the latest settings, then decide again.
              </CalloutText>
              <Box marginTop="space40">
                <Button ref={reloadRef} variant="secondary" size="small" onClick={reload} loading={reloading}>
                  Reload
                </Button>
              </Box>
            </Callout>
          </Box>
        ) : null}
        {problem?.kind === 'refused' ? (
          <Box marginBottom="space70">
            <Callout variant="error" marginY="space0">
              <CalloutHeading as="h3">The server refused this file</CalloutHeading>
              <CalloutText>Nothing was replaced. Fix these problems in the file and import it again:</CalloutText>
              <IssueList issues={problem.issues} />
            </Callout>
          </Box>
        ) : null}
        {problem?.kind === 'error' ? (
          <Box marginBottom="space70">
            <FormErrorAlert error={problem.error} />
          </Box>
        ) : null}
        <Box
          ref={summaryRef}
          tabIndex={-1}
          aria-label="What would change"
          role="region"
          overflowWrap="anywhere"
          // Focus lands here only after Reload, to be read from the top: no ring around the whole text.
          _focus={{ outline: 'none' }}
        >
          <Text as="p" id={descriptionId} marginBottom="space50">
            Importing{' '}
            <Text as="span" fontWeight="fontWeightSemibold">
              {fileName}
            </Text>{' '}
            replaces every identifier, the address-type mapping and the default country of {spaceName}. Existing
            profiles are not re-resolved; the new settings apply to events received afterwards.
          </Text>
          {unchanged ? (
            <Text as="p" fontWeight="fontWeightSemibold">
              Nothing would change: the file holds the settings {spaceName} has now, so there is nothing to replace.
            </Text>
          ) : (
            <>
              <Text as="p" fontWeight="fontWeightSemibold" marginBottom="space30">
                Compared with the current settings, the import:
              </Text>
              <Box as="ul" margin="space0" paddingLeft="space70" aria-label="Changes">
                {summary.map((line) => (
                  <Box as="li" key={line.text} marginBottom="space30">
                    <Text as="span">
                      {line.about ? (
                        <>
                          {line.about.lead}{' '}
                          {line.about.keys.map((key, index) => (
                            <Fragment key={key}>
                              {index > 0 ? ', ' : null}
                              <Text as="span" fontFamily="fontFamilyCode">
                                {key}
                              </Text>
                            </Fragment>
                          ))}
                        </>
                      ) : (
                        line.text
                      )}
                    </Text>
                    {line.details.length > 0 ? (
                      <Box as="ul" marginTop="space20" marginBottom="space0" paddingLeft="space70">
                        {line.details.map((detail) => (
                          <Box as="li" key={detail} marginBottom="space10">
                            <Text as="span" color="colorTextWeak">
                              {detail}
                            </Text>
                          </Box>
                        ))}
                      </Box>
                    ) : null}
                  </Box>
                ))}
              </Box>
            </>
          )}
        </Box>
      </ModalBody>
      <ModalFooter>
        <ModalFooterActions>
          <Button ref={cancelRef} variant="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          {/* Nothing to replace: no red button that looks as if it still would. */}
          {unchanged ? null : (
            <Button
              variant="destructive"
              onClick={confirm}
              loading={busy}
              disabled={problem?.kind === 'conflict' || problem?.kind === 'refused'}
            >
              Replace settings
            </Button>
          )}
        </ModalFooterActions>
      </ModalFooter>
    </Modal>
  );
}
