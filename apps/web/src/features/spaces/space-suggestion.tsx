import type { Space } from '@idr/contracts';
import { useQuery } from '@tanstack/react-query';
import { PageLink } from '../../components/page-link.tsx';
import { spacePath } from '../../lib/space-path.ts';
import { spaceLabel, spaceMeantBy } from './space-items.ts';
import { spacesQueryOptions } from './spaces-query.ts';

/**
 * The space an address that names none probably meant (another case, or its name in place of its
 * id); `undefined` while the list loads or when no space is that close.
 */
export function useSpaceMeantBy(typed: string): SpaceMeant | undefined {
  const spaces = useQuery(spacesQueryOptions()).data?.spaces ?? [];
  return spaceMeantBy(spaces, typed);
}

type SpaceMeant = NonNullable<ReturnType<typeof spaceMeantBy<Space>>>;

const WHY: Record<SpaceMeant['by'], string> = {
  id: 'Space ids are written in lower case.',
  name: 'Addresses name a space by its id, not its name.',
};

/** "Did you mean this page in <space>?": a link to the same page of the space meant, and why it differs. */
export function SpaceSuggestion({ meant, path }: { meant: SpaceMeant; path: string }) {
  return (
    <>
      Did you mean{' '}
      <PageLink href={spacePath(meant.space.id, path)}>{`this page in ${spaceLabel(meant.space)}`}</PageLink>?{' '}
      {WHY[meant.by]}
    </>
  );
}
