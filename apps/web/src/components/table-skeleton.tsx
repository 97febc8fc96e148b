import { Box } from '@twilio-paste/box';
import { ScreenReaderOnly } from '@twilio-paste/screen-reader-only';
import { SkeletonLoader } from '@twilio-paste/skeleton-loader';
import { Table, TBody, Td, Tr } from '@twilio-paste/table';
import type { ReactNode } from 'react';

interface TableSkeletonProps {
  /** Said to screen readers while loading, e.g. "Loading identifiers…". */
  label: string;
  /** The table's real head, so the columns do not jump when the rows arrive. */
  head: ReactNode;
  rows: number;
  columns: number;
}

/** A table still loading: grey cells for the eye, hidden from assistive technology, which hears the label. */
export function TableSkeleton({ label, head, rows, columns }: TableSkeletonProps) {
  return (
    <Box aria-busy="true">
      <ScreenReaderOnly>{label}</ScreenReaderOnly>
      <Table aria-hidden="true">
        {head}
        <TBody>
          {numbered(rows).map((row) => (
            <Tr key={row}>
              {numbered(columns).map((cell) => (
                <Td key={cell}>
                  <SkeletonLoader height="sizeIcon20" />
                </Td>
              ))}
            </Tr>
          ))}
        </TBody>
      </Table>
    </Box>
  );
}

function numbered(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index + 1);
}
