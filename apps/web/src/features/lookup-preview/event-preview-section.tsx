import type { Identifier, Issue, Normalization, ResolutionResult } from '@idr/contracts';
import { useQuery } from '@tanstack/react-query';
import { Badge } from '@twilio-paste/badge';
import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { Callout, CalloutHeading, CalloutList, CalloutListItem, CalloutText } from '@twilio-paste/callout';
import { Heading } from '@twilio-paste/heading';
import { HelpText } from '@twilio-paste/help-text';
import { Label } from '@twilio-paste/label';
import { Paragraph } from '@twilio-paste/paragraph';
import { ScreenReaderOnly } from '@twilio-paste/screen-reader-only';
import { SkeletonLoader } from '@twilio-paste/skeleton-loader';
import { Stack } from '@twilio-paste/stack';
import { Table, TBody, Td, THead, Th, Tr } from '@twilio-paste/table';
import { Text } from '@twilio-paste/text';
import { type ReactNode, useId, useRef, useState } from 'react';
import { ErrorState, QueryErrorState } from '../../components/error-state.tsx';
import { Fact, Facts } from '../../components/facts.tsx';
import { HorizontalScroll } from '../../components/horizontal-scroll.tsx';
import { ApiError } from '../../lib/errors.ts';
import { explainIssue } from '../../lib/issue-wording.ts';
import { BusySubmitButton } from './busy-submit-button.tsx';
import { DroppedIdentifiers, IdentifierName } from './dropped-identifiers.tsx';
import { EXAMPLE_EVENT, OUTCOME_TEXT, parseEventJson } from './lookup-preview.ts';
import { profileQueryOptions, useEventPreview } from './lookup-preview-queries.ts';
import { Code, IdList, ProfileCard } from './profile-card.tsx';
import { useReveal } from './reveal.ts';

interface EventPreviewSectionProps {
  spaceId: string;
  identifiers: Identifier[] | undefined;
  priorities: ReadonlyMap<string, number>;
}

// Paste's TextArea package is not among our dependencies; a Box renders the native element with
// Paste's tokens, and BoxProps do not declare a textarea's own attributes, hence this cast.
function textareaAttributes(attributes: {
  value: string;
  onChange: (event: React.ChangeEvent<HTMLTextAreaElement>) => void;
  rows: number;
}): object {
  return { ...attributes, spellCheck: false, autoCapitalize: 'off', autoComplete: 'off' };
}

/** Dry-runs one event through the resolver and shows each step (SPEC §7); writes nothing. */
export function EventPreviewSection({ spaceId, identifiers, priorities }: EventPreviewSectionProps) {
  const textareaId = useId();
  const helpId = `${textareaId}-help`;
  const issuesId = `${textareaId}-issues`;
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const issuesRef = useRef<HTMLDivElement | null>(null);
  const preview = useEventPreview(spaceId);
  const [text, setText] = useState(EXAMPLE_EVENT);
  const [jsonError, setJsonError] = useState<string | null>(null);
  // The event the example replaced, which one click puts back (setting a textarea's value from
  // code also empties its undo history, so Ctrl+Z could not); forgotten once the text is edited.
  const [replaced, setReplaced] = useState<string | null>(null);

  function run(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The button stays enabled while a preview runs, to keep focus: a second submit is ignored.
    if (preview.isPending) return;
    preview.reset();
    const parsed = parseEventJson(text);
    if (!parsed.ok) {
      setJsonError(parsed.message);
      textareaRef.current?.focus();
      return;
    }
    setJsonError(null);
    preview.mutate(parsed.event, { onError: () => textareaRef.current?.focus() });
  }

  const error = preview.error;
  const issues = error instanceof ApiError && error.issues.length > 0 ? error.issues : null;
  // The refusal lists the problems under the textarea: keep them in view with the field focused.
  useReveal(issuesRef, issues, { focus: false });
  const invalid = jsonError !== null || issues !== null;
  const displayNames = new Map((identifiers ?? []).map((identifier) => [identifier.key, identifier.displayName]));
  const normalizations = new Map((identifiers ?? []).map((identifier) => [identifier.key, identifier.normalization]));

  return (
    <Stack orientation="vertical" spacing="space70">
      <form onSubmit={run} noValidate aria-label="Dry-run an event" aria-busy={preview.isPending}>
        <Stack orientation="vertical" spacing="space50">
          {/* The field and its problems share one width, so the error box lines up with the textarea. */}
          <Box maxWidth="size100">
            <Label htmlFor={textareaId} required>
              Event (JSON)
            </Label>
            <Box
              as="textarea"
              ref={textareaRef}
              id={textareaId}
              {...textareaAttributes({
                value: text,
                onChange: (change) => {
                  setText(change.target.value);
                  setReplaced(null);
                  if (jsonError) setJsonError(null);
                },
                rows: 14,
              })}
              aria-invalid={invalid || undefined}
              aria-describedby={issues ? `${helpId} ${issuesId}` : helpId}
              display="block"
              width="100%"
              boxSizing="border-box"
              paddingX="space40"
              paddingY="space30"
              fontFamily="fontFamilyCode"
              fontSize="fontSize30"
              lineHeight="lineHeight30"
              color="colorText"
              backgroundColor="colorBackgroundBody"
              borderRadius="borderRadius20"
              borderStyle="solid"
              borderWidth="borderWidth10"
              borderColor={invalid ? 'colorBorderError' : 'colorBorder'}
              resize="vertical"
              outline="none"
              // Focus must not hide that the field is invalid: the border stays red, as Paste's inputs do.
              _focus={{ boxShadow: 'shadowFocus', borderColor: invalid ? 'colorBorderError' : 'colorBorderPrimary' }}
            />
            {jsonError ? (
              <HelpText id={helpId} variant="error">
                {jsonError}
              </HelpText>
            ) : (
              <HelpText id={helpId}>
                One Segment-style event (identify, track, page…). It is resolved against the current profiles and
                settings, then thrown away.
              </HelpText>
            )}
            {issues ? (
              <Box ref={issuesRef} marginTop="space50">
                <EventIssues id={issuesId} issues={issues} event={preview.variables} />
              </Box>
            ) : null}
          </Box>
          {error && !issues ? <ErrorState heading="The preview failed" error={error} /> : null}
          <Box display="flex" columnGap="space40" alignItems="center" flexWrap="wrap" rowGap="space30">
            <BusySubmitButton busy={preview.isPending}>Preview</BusySubmitButton>
            <Button
              variant="secondary"
              disabled={text === EXAMPLE_EVENT}
              onClick={() => {
                setReplaced(text);
                setText(EXAMPLE_EVENT);
                setJsonError(null);
                preview.reset();
              }}
            >
              Restore the example
            </Button>
            {replaced !== null ? (
              <Button
                variant="secondary"
                onClick={() => {
                  setText(replaced);
                  setReplaced(null);
                  preview.reset();
                  textareaRef.current?.focus();
                }}
              >
                Put back your event
              </Button>
            ) : null}
            <Text as="span" color="colorTextWeak" fontSize="fontSize20">
              Dry run: nothing is written.
            </Text>
          </Box>
        </Stack>
      </form>
      {preview.data ? (
        <PreviewResult
          spaceId={spaceId}
          result={preview.data}
          displayNames={displayNames}
          normalizations={normalizations}
          priorities={priorities}
        />
      ) : null}
    </Stack>
  );
}

/** Why the server refused the event: each problem with its field, in plain words where known. */
function EventIssues({ id, issues, event }: { id: string; issues: readonly Issue[]; event: unknown }) {
  return (
    <Callout variant="error" id={id} marginY="space0">
      <CalloutHeading as="h3">The server refused this event</CalloutHeading>
      <CalloutList as="ul">
        {issues.map((issue) => {
          const { path, text, plain } = explainIssue(issue, event);
          return (
            <CalloutListItem key={`${issue.path}\u0000${issue.message}`}>
              {path === '' ? 'The event' : <Code>{path}</Code>}
              {plain ? ' ' : ': '}
              {text}
            </CalloutListItem>
          );
        })}
      </CalloutList>
    </Callout>
  );
}

function SubSection({ heading, children }: { heading: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Box as="section" aria-labelledby={headingId}>
      <Heading as="h4" variant="heading50" id={headingId}>
        {heading}
      </Heading>
      {children}
    </Box>
  );
}

function PreviewResult({
  spaceId,
  result,
  displayNames,
  normalizations,
  priorities,
}: {
  spaceId: string;
  result: ResolutionResult;
  displayNames: ReadonlyMap<string, string>;
  normalizations: ReadonlyMap<string, Normalization>;
  priorities: ReadonlyMap<string, number>;
}) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement | null>(null);
  useReveal(headingRef, result, { focus: true });
  const outcome = OUTCOME_TEXT[result.outcome];
  // A `created` id is made up for the dry run: that profile does not exist.
  const existing = result.profileId !== null && result.outcome !== 'created' ? result.profileId : null;
  return (
    <Box as="section" aria-labelledby={headingId}>
      <Heading as="h3" variant="heading40" id={headingId} ref={headingRef} tabIndex={-1}>
        Preview result
      </Heading>
      <Stack orientation="vertical" spacing="space70">
        <Callout variant="neutral" marginY="space0">
          <CalloutText>
            <strong>Dry run — nothing was written.</strong> No profile, event or setting changed; ingesting this event
            for real may give another result if profiles or settings change first.
          </CalloutText>
        </Callout>
        <Box role="status">
          <Facts>
            <Fact term="Outcome">
              <Badge as="span" variant={outcome.variant}>
                {outcome.label}
              </Badge>{' '}
              {outcome.summary}
            </Fact>
            <Fact term="Profile">
              {result.outcome === 'created' ? (
                'A new profile (not created: this is a dry run)'
              ) : existing ? (
                <Code>{existing}</Code>
              ) : (
                'None'
              )}
            </Fact>
            {result.mergedProfileIds.length > 0 ? (
              <Fact term="Profiles that would merge into it">
                <IdList ids={result.mergedProfileIds} />
              </Fact>
            ) : null}
            <Fact term="Message ID">
              <Code>{result.messageId}</Code>
            </Fact>
          </Facts>
        </Box>

        <SubSection heading="Added identifiers">
          {result.addedIdentifiers.length === 0 ? (
            <Paragraph marginBottom="space0">
              {result.mergedProfileIds.length > 0
                ? // A merge adds no value new to the space, yet the profile gains the merged profiles' values: said so,
                  // or "nothing added" reads as "nothing changes".
                  'No value new to this space would be added. The profiles merged into it bring their own values with them (shown below).'
                : 'No new identifier value would be added to a profile.'}
            </Paragraph>
          ) : (
            <HorizontalScroll label="Added identifiers table">
              <Table>
                <THead>
                  <Tr>
                    <Th width="size20">Identifier</Th>
                    <Th>Value</Th>
                  </Tr>
                </THead>
                <TBody>
                  {result.addedIdentifiers.map((added) => (
                    <Tr key={`${added.key}\u0000${added.value}`}>
                      <Td>
                        <IdentifierName keyName={added.key} displayNames={displayNames} />
                      </Td>
                      <Td>
                        <Code noWrap>{added.value}</Code>
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </HorizontalScroll>
          )}
        </SubSection>

        <SubSection heading="Dropped identifiers">
          <DroppedIdentifiers result={result} displayNames={displayNames} normalizations={normalizations} />
        </SubSection>

        <SubSection heading="How the resolver decided">
          {result.trace && result.trace.length > 0 ? (
            <Box as="ol" margin="space0" paddingLeft="space70">
              {result.trace.map((step, index) => (
                // Steps have no id of their own; their order is their identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: the trace is never reordered
                <Box as="li" key={index} marginBottom="space30" lineHeight="lineHeight30" wordBreak="break-word">
                  {step.message}
                </Box>
              ))}
            </Box>
          ) : (
            <Paragraph marginBottom="space0">The server sent no trace for this event.</Paragraph>
          )}
        </SubSection>

        {existing ? (
          <SubSection heading="The profile it would resolve to, as it is now">
            <ExistingProfile spaceId={spaceId} profileId={existing} priorities={priorities} />
          </SubSection>
        ) : null}
        {/* What a merge would bring in, so the admin can judge whether the merge is right. */}
        {result.mergedProfileIds.map((mergedId) => (
          <SubSection key={mergedId} heading="A profile that would merge into it, as it is now">
            <ExistingProfile spaceId={spaceId} profileId={mergedId} priorities={priorities} />
          </SubSection>
        ))}
      </Stack>
    </Box>
  );
}

function ExistingProfile({
  spaceId,
  profileId,
  priorities,
}: {
  spaceId: string;
  profileId: string;
  priorities: ReadonlyMap<string, number>;
}) {
  const query = useQuery(profileQueryOptions(spaceId, profileId));
  if (query.isPending) {
    return (
      <Box aria-busy="true">
        <ScreenReaderOnly>Loading the profile…</ScreenReaderOnly>
        <SkeletonLoader height="sizeSquare200" />
      </Box>
    );
  }
  if (query.isLoadingError) {
    return <QueryErrorState heading="The profile could not be loaded" query={query} />;
  }
  return (
    <ProfileCard spaceId={spaceId} profile={query.data} priorities={priorities} headingAs="h5" showEvents={false} />
  );
}
