import { useTabState } from '@twilio-paste/tabs';
import { useEffect, useState } from 'react';
import { navigate } from '../lib/router.ts';
import { spacePath } from '../lib/space-path.ts';
import type { ManageTab } from './manage-tabs.ts';

const tabDomId = (id: ManageTab['id']) => `manage-tab-${id}`;

/** Gives the tab the admin chose its path; the selection follows the URL (`useManageTabs`). */
function showTab(spaceId: string, tab: ManageTab): void {
  const path = spacePath(spaceId, tab.path);
  if (path !== window.location.pathname) navigate(path);
}

/**
 * The Manage page's tab state, kept on the URL's tab: a path reached by Back, Forward, a link or a
 * tab the admin chose selects its tab, and nothing else selects one. `tabProps` gives each `Tab` its
 * id and the handlers through which the admin chooses it.
 */
export function useManageTabs(spaceId: string, tabId: ManageTab['id']) {
  const tabState = useTabState({ baseId: 'manage-tabs', selectedId: tabDomId(tabId) });
  const { setSelectedId, setCurrentId } = tabState;
  useEffect(() => {
    setSelectedId(tabDomId(tabId));
    // The tab list's one Tab stop (its roving "current" tab) follows too: left on the tab focused
    // last, Shift+Tab back into the list would land on it, and focusing a tab selects it.
    setCurrentId(tabDomId(tabId));
  }, [tabId, setSelectedId, setCurrentId]);

  /**
   * The tab library selects a tab on click and on focus by itself; here both only change the URL,
   * which the selection then follows, so the two cannot drift apart (after Back, the tab the admin
   * had chosen keeps the keyboard focus while another is selected). A click, Enter or Space chooses
   * the tab; a focus chooses it only when it moved from another tab of the list (the arrow keys),
   * not when it comes back to the page or from a closing dialog.
   */
  function tabProps(tab: ManageTab) {
    return {
      id: tabDomId(tab.id),
      onClick: (event: React.MouseEvent<HTMLElement>) => {
        event.preventDefault();
        showTab(spaceId, tab);
      },
      onFocus: (event: React.FocusEvent<HTMLElement>) => {
        event.preventDefault();
        const from = event.relatedTarget;
        const list = event.currentTarget.closest('[role="tablist"]');
        if (from instanceof Element && from.getAttribute('role') === 'tab' && list?.contains(from)) {
          showTab(spaceId, tab);
        }
      },
    };
  }

  return { tabState, tabProps };
}

/**
 * The tabs opened so far. A panel mounts on its first visit (no requests, and no hidden duplicate
 * loading or error states, for tabs never opened) and then stays mounted, so switching tabs keeps
 * unsaved edits.
 */
export function useVisitedTabs(tabId: ManageTab['id']): ReadonlySet<ManageTab['id']> {
  const [visited, setVisited] = useState<ReadonlySet<ManageTab['id']>>(() => new Set([tabId]));
  if (!visited.has(tabId)) setVisited(new Set([...visited, tabId]));
  return visited;
}
