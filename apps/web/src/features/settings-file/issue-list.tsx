import { CalloutList, CalloutListItem } from '@twilio-paste/callout';
import { Text } from '@twilio-paste/text';
import type { DocumentIssue } from './settings-file.ts';

/** Issues listed at most; a file wrong throughout would otherwise fill the page. */
const MAX_LISTED_ISSUES = 20;

/** Issues of a document, each path in words; the first twenty, then how many more. */
export function IssueList({ issues }: { issues: readonly DocumentIssue[] }) {
  const shown = issues.slice(0, MAX_LISTED_ISSUES);
  const more = issues.length - shown.length;
  return (
    <CalloutList as="ul">
      {shown.map((issue, index) => (
        // Two issues may share a path and a message (a key listed three times): the index tells them apart.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
        <CalloutListItem key={`${issue.path}-${index}`}>
          <Text as="span" overflowWrap="anywhere">
            <Text as="span" fontWeight="fontWeightSemibold">
              {issue.where}
            </Text>
            {issue.plain ? ' ' : ': '}
            {issue.message}
          </Text>
        </CalloutListItem>
      ))}
      {more > 0 ? <CalloutListItem>…and {more} more</CalloutListItem> : null}
    </CalloutList>
  );
}
