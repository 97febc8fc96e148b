import type { SettingsDocument, SettingsImport } from '@idr/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Callout, CalloutHeading, CalloutText } from '@twilio-paste/callout';
import { DownloadIcon } from '@twilio-paste/icons/esm/DownloadIcon';
import { UploadIcon } from '@twilio-paste/icons/esm/UploadIcon';
import { Text } from '@twilio-paste/text';
import { type ChangeEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { ErrorState } from '../../components/error-state.tsx';
import { useToast } from '../../components/toast.tsx';
import type { SettingsState } from '../../lib/settings-diff.ts';
import { spaceQueryOptions } from '../../lib/space-query.ts';
import { useRefocusAfterBusy } from '../../lib/use-refocus-after-busy.ts';
import { ImportSettingsModal } from './import-settings-modal.tsx';
import { IssueList } from './issue-list.tsx';
import { type ParsedSettingsFile, parseSettingsFile, settingsFileContent, settingsFileName } from './settings-file.ts';
import { settingsDocumentQueryOptions } from './settings-file-queries.ts';

/** Larger than any export (200 identifiers of 100 blocked values each): not a settings file. */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

type FileProblem =
  | { fileName: string; parsed: Exclude<ParsedSettingsFile, { ok: true }> }
  | { fileName: string; tooLarge: true }
  | { fileName: string; error: unknown };

interface PendingImport {
  fileName: string;
  document: SettingsImport;
  settings: SettingsState;
  current: SettingsDocument;
}

/** Saves a text as a file through the browser's download. */
function downloadFile(name: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Export and import of a space's whole settings as a JSON file (SPEC §9, `GET`/`PUT …/settings`):
 * how admins move settings from one space (dev) to another (prod). An import is read and checked in
 * the browser, then summarised against the current settings before anything is replaced.
 */
export function SettingsFileSection({ spaceId }: { spaceId: string }) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const space = useQuery(spaceQueryOptions(spaceId));
  const spaceName = space.data?.space.name ?? spaceId;
  const exportButtonRef = useRef<HTMLButtonElement>(null);
  const importButtonRef = useRef<HTMLButtonElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const [reading, setReading] = useState(false);
  const [fileProblem, setFileProblem] = useState<FileProblem | null>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);
  useReturnFocus(pending !== null, importButtonRef);

  async function exportSettings() {
    setExporting(true);
    setExportError(null);
    try {
      const settings = await queryClient.fetchQuery(settingsDocumentQueryOptions(spaceId));
      const name = settingsFileName(spaceId, new Date());
      downloadFile(name, settingsFileContent(settings));
      toast(`Settings of ${spaceName} exported as ${name}.`);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  }

  async function readFile(file: File) {
    setFileProblem(null);
    if (file.size > MAX_FILE_BYTES) {
      setFileProblem({ fileName: file.name, tooLarge: true });
      return;
    }
    setReading(true);
    try {
      const parsed = parseSettingsFile(await file.text());
      if (!parsed.ok) {
        setFileProblem({ fileName: file.name, parsed });
        return;
      }
      // The summary compares with the settings as they are now, at the version the import will require.
      const current = await queryClient.fetchQuery(settingsDocumentQueryOptions(spaceId));
      setPending({ fileName: file.name, document: parsed.document, settings: parsed.settings, current });
    } catch (error) {
      setFileProblem({ fileName: file.name, error });
    } finally {
      setReading(false);
    }
  }

  // Export and Import are disabled while they work, which drops their focus to the page.
  useRefocusAfterBusy(exporting, exportButtonRef);
  useRefocusAfterBusy(reading, importButtonRef);

  // A problem with the file shows below the buttons, out of view on a short screen: brought into it.
  useEffect(() => {
    if (fileProblem) problemRef.current?.scrollIntoView({ block: 'nearest' });
  }, [fileProblem]);

  function onFileChosen(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) is a change too.
    event.target.value = '';
    if (file) void readFile(file);
  }

  return (
    <>
      <Box display="flex" flexWrap="wrap" columnGap="space40" rowGap="space30">
        <Button ref={exportButtonRef} variant="secondary" onClick={exportSettings} loading={exporting}>
          <DownloadIcon decorative />
          Export settings
        </Button>
        <Button
          ref={importButtonRef}
          variant="secondary"
          onClick={() => fileInputRef.current?.click()}
          loading={reading}
        >
          <UploadIcon decorative />
          Import settings…
        </Button>
        {/* The button above opens it; hidden, it is neither in the tab order nor read out twice. */}
        <input ref={fileInputRef} type="file" accept=".json,application/json" hidden onChange={onFileChosen} />
      </Box>
      <Box aria-live="polite">
        {exportError ? (
          <Box marginTop="space50" maxWidth="size70">
            <ErrorState heading="The settings could not be exported" error={exportError} />
          </Box>
        ) : null}
        {fileProblem ? (
          <Box ref={problemRef} marginTop="space50" maxWidth="size70">
            <FileProblemCallout problem={fileProblem} />
          </Box>
        ) : null}
      </Box>
      {pending ? (
        <ImportSettingsModal
          spaceId={spaceId}
          spaceName={spaceName}
          fileName={pending.fileName}
          document={pending.document}
          settings={pending.settings}
          current={pending.current}
          onClose={() => setPending(null)}
          onImported={() => {
            toast(`Settings of ${spaceName} replaced from ${pending.fileName}.`);
            setPending(null);
          }}
        />
      ) : null}
    </>
  );
}

/** The dialog gives focus back to the button that opened it when it closes, whichever way it closes. */
function useReturnFocus(open: boolean, buttonRef: RefObject<HTMLButtonElement | null>) {
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) buttonRef.current?.focus();
    wasOpen.current = open;
  }, [open, buttonRef]);
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Why a chosen file cannot be imported, below the buttons. */
function FileProblemCallout({ problem }: { problem: FileProblem }) {
  const file = `“${problem.fileName}”`;
  if ('error' in problem) return <ErrorState heading={`${file} could not be imported`} error={problem.error} />;
  if ('tooLarge' in problem) {
    return (
      <Callout variant="error" marginY="space0">
        <CalloutHeading as="h3">{file} is too large to be a settings file</CalloutHeading>
        <CalloutText>Choose a file exported with Export settings.</CalloutText>
      </Callout>
    );
  }
  const { parsed } = problem;
  if (parsed.problem === 'empty') {
    return (
      <Callout variant="error" marginY="space0">
        <CalloutHeading as="h3">{file} is empty</CalloutHeading>
        <CalloutText>Choose a file exported with Export settings.</CalloutText>
      </Callout>
    );
  }
  if (parsed.problem === 'syntax') {
    const where = parsed.line === null ? '' : `Line ${parsed.line}, column ${parsed.column}: `;
    return (
      <Callout variant="error" marginY="space0">
        <CalloutHeading as="h3">{file} is not valid JSON</CalloutHeading>
        <CalloutText>
          <Text as="span" overflowWrap="anywhere">
            {where}
            {where ? parsed.reason : capitalize(parsed.reason)}. Nothing was imported.
          </Text>
        </CalloutText>
      </Callout>
    );
  }
  return (
    <Callout variant="error" marginY="space0">
      <CalloutHeading as="h3">{file} is not a valid settings file</CalloutHeading>
      <CalloutText>Nothing was imported. Fix these problems in the file and import it again:</CalloutText>
      <IssueList issues={parsed.issues} />
    </Callout>
  );
}
