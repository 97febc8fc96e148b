import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { DarkModeIcon } from '@twilio-paste/icons/esm/DarkModeIcon';
import { LightModeIcon } from '@twilio-paste/icons/esm/LightModeIcon';
import { MenuIcon } from '@twilio-paste/icons/esm/MenuIcon';
import { ProductContactCenterAdminIcon } from '@twilio-paste/icons/esm/ProductContactCenterAdminIcon';
import { ScreenReaderOnly } from '@twilio-paste/screen-reader-only';
import {
  Sidebar,
  SidebarBody,
  SidebarCollapseButton,
  SidebarFooter,
  SidebarHeader,
  SidebarHeaderLabel,
  SidebarNavigation,
  SidebarNavigationDisclosure,
  SidebarNavigationDisclosureContent,
  SidebarNavigationDisclosureHeading,
  SidebarNavigationDisclosureHeadingWrapper,
  SidebarNavigationItem,
  SidebarPushContentWrapper,
} from '@twilio-paste/sidebar';
import { Text } from '@twilio-paste/text';
import { Topbar, TopbarActions } from '@twilio-paste/topbar';
import { type MouseEvent, type ReactNode, type RefObject, useRef } from 'react';
import { FocusedFieldErrorAnnouncer } from '../components/focused-field-error-announcer.tsx';
import { LazyPart } from '../components/lazy-part.tsx';
import { PageNotice } from '../components/page-notice.tsx';
import { ProductLogo } from '../components/product-logo.tsx';
import { TopbarButton } from '../components/topbar-button.tsx';
import { useNarrowViewport } from '../components/use-narrow-viewport.ts';
import { useNarrowerThan } from '../components/use-narrower-than.ts';
import { useNavigationDrawer } from '../components/use-navigation-drawer.ts';
import { type SidebarControls, useSidebarState } from '../components/use-sidebar-state.ts';
import { retryableLazy } from '../lib/retryable-lazy.ts';
import { handleLinkClick } from '../lib/router.ts';
import { spacePath } from '../lib/space-path.ts';
import type { ThemeName } from './theme-preference.ts';

export const MANAGE_PATH = '/unified-profiles/manage/identifiers';

// Loaded after the shell: it reads the space list through the contracts (zod), which the first
// paint does not need; until then the top bar names the current space.
const spaceSwitcher = retryableLazy(() =>
  import('../features/spaces/space-switcher.tsx').then((module) => module.SpaceSwitcher),
);

interface LayoutProps {
  /** The page path inside the console, without the space prefix. */
  path: string;
  spaceId: string;
  theme: ThemeName;
  onToggleTheme: () => void;
  children: ReactNode;
}

/** Top bar width (px) below which its labelled buttons would wrap: measured with the longest labels. */
const TOPBAR_LABELS_MIN_WIDTH = 780;

const IDS = { main: 'main-content', navigation: 'sidebar-navigation', topbar: 'topbar' };

/** The rail's items, named by product and page: the product's icon alone does not say which page. */
const RAIL_LABELS = { manage: 'Unified Profiles: Manage' };

/**
 * The console shell: sidebar navigation, top bar, and the page in between.
 *
 * Wide viewports keep Paste's compact sidebar, open by default, collapsing to a rail of icons; the
 * admin's choice is remembered across reloads (`useSidebarState`).
 * Narrow ones (below 768px) turn it into a drawer: closed on every load, opened from a menu button
 * in the top bar, and closed again once a page is chosen, so the page is never hidden behind it.
 * An open drawer acts as a modal (`useNavigationDrawer`).
 */
export function Layout({ path, spaceId, theme, onToggleTheme, children }: LayoutProps) {
  const narrow = useNarrowViewport();
  const menuButton = useRef<HTMLButtonElement>(null);
  const main = useRef<HTMLElement>(null);
  const sidebar = useSidebarState(narrow, IDS.navigation);
  const variant = narrow ? 'default' : 'compact';
  const { drawerOpen, closeDrawer } = useNavigationDrawer(narrow, sidebar, {
    menuButton,
    main,
    navigationId: IDS.navigation,
  });
  // Between a phone and a wide screen (a tablet, a split window, the sidebar open) the top bar's
  // labelled buttons would wrap and then push the page sideways: they go icon-only first.
  const topbar = useRef<HTMLDivElement>(null);
  const topbarIconsOnly = useNarrowerThan(topbar, TOPBAR_LABELS_MIN_WIDTH) || narrow;
  return (
    <Box minHeight="100vh">
      <ConsoleSidebar
        path={path}
        spaceId={spaceId}
        variant={variant}
        sidebar={sidebar}
        // A closed drawer is only moved off-screen: keep its links out of the tab order too.
        offScreen={narrow && sidebar.collapsed}
        onNavigate={() => {
          // The drawer would cover the page just opened: close it and start reading at the page.
          if (drawerOpen) closeDrawer('main');
        }}
        onCollapse={() => {
          if (drawerOpen) closeDrawer('menu');
          else sidebar.toggle();
        }}
      />
      <SidebarPushContentWrapper collapsed={sidebar.collapsed} variant={variant} inert={drawerOpen}>
        <Topbar id={IDS.topbar} role="banner" ref={topbar}>
          <TopbarActions justify="start">
            {narrow ? <NavigationMenuButton buttonRef={menuButton} sidebar={sidebar} /> : null}
            {/* While its code downloads, or if it cannot be: the space's name alone. */}
            <LazyPart
              part={spaceSwitcher}
              what="The space switcher"
              loading={<CurrentSpace spaceId={spaceId} />}
              failed={<CurrentSpace spaceId={spaceId} />}
              render={(SpaceSwitcher) => (
                <SpaceSwitcher spaceId={spaceId} path={path} compact={narrow} iconOnly={topbarIconsOnly} />
              )}
            />
          </TopbarActions>
          <TopbarActions justify="end">
            <ThemeToggle theme={theme} onToggle={onToggleTheme} iconOnly={topbarIconsOnly} />
          </TopbarActions>
        </Topbar>
        <Box
          as="main"
          ref={main}
          id={IDS.main}
          tabIndex={-1}
          paddingX={narrow ? 'space60' : 'space100'}
          paddingY={narrow ? 'space70' : 'space90'}
          maxWidth="size160"
        >
          <PageNotice />
          <FocusedFieldErrorAnnouncer />
          {children}
        </Box>
      </SidebarPushContentWrapper>
    </Box>
  );
}

interface ConsoleSidebarProps {
  path: string;
  spaceId: string;
  variant: 'default' | 'compact';
  sidebar: SidebarControls;
  /** Collapsed into a drawer that is out of view. */
  offScreen: boolean;
  onNavigate: () => void;
  /** The sidebar's own collapse button. */
  onCollapse: () => void;
}

function ConsoleSidebar({ path, spaceId, variant, sidebar, offScreen, onNavigate, onCollapse }: ConsoleSidebarProps) {
  const onManage = path.startsWith('/unified-profiles/manage');
  const managePath = spacePath(spaceId, MANAGE_PATH);
  const openManage = (event: MouseEvent<HTMLAnchorElement>) => {
    handleLinkClick(event, managePath);
    // Only a navigation in place closes the drawer; a link opened in a new tab does not.
    if (event.defaultPrevented) onNavigate();
  };
  const rail = variant === 'compact' && sidebar.collapsed;
  return (
    <Sidebar
      variant={variant}
      inert={offScreen}
      collapsed={sidebar.collapsed}
      mainContentSkipLinkID={IDS.main}
      sidebarNavigationSkipLinkID={IDS.navigation}
      topbarSkipLinkID={IDS.topbar}
    >
      <SidebarHeader>
        <Box display="flex" flexShrink={0} alignItems="center" justifyContent="center" width="sizeIcon60">
          <ProductLogo size={28} />
        </Box>
        <SidebarHeaderLabel>
          {/* Two lines rather than an ellipsis: the product name must be readable in full. */}
          <Box as="span" display="block" whiteSpace="normal" lineHeight="lineHeight20">
            Identity Resolution Console
          </Box>
        </SidebarHeaderLabel>
      </SidebarHeader>
      <SidebarBody>
        {rail ? (
          // Paste hides a collapsed sidebar's disclosures, which would leave the rail empty: there
          // each page is an item of its own, its product's icon alone. The item's text is gone too,
          // so it is named for screen readers and titled for the mouse.
          <SidebarNavigation aria-label="Console" id={IDS.navigation}>
            <SidebarNavigationItem
              href={managePath}
              selected={onManage}
              aria-label={RAIL_LABELS.manage}
              title={RAIL_LABELS.manage}
              icon={<ProductContactCenterAdminIcon decorative />}
              onClick={openManage}
            >
              Manage
            </SidebarNavigationItem>
          </SidebarNavigation>
        ) : (
          <SidebarNavigation aria-label="Console" hierarchical id={IDS.navigation}>
            <SidebarNavigationDisclosure visible>
              <SidebarNavigationDisclosureHeadingWrapper>
                <SidebarNavigationDisclosureHeading
                  selected={onManage}
                  icon={<ProductContactCenterAdminIcon decorative />}
                >
                  Unified Profiles
                </SidebarNavigationDisclosureHeading>
              </SidebarNavigationDisclosureHeadingWrapper>
              <SidebarNavigationDisclosureContent>
                <SidebarNavigationItem
                  href={managePath}
                  selected={onManage}
                  aria-current={onManage ? 'page' : undefined}
                  onClick={openManage}
                >
                  Manage
                </SidebarNavigationItem>
              </SidebarNavigationDisclosureContent>
            </SidebarNavigationDisclosure>
          </SidebarNavigation>
        )}
      </SidebarBody>
      <SidebarFooter>
        <SidebarCollapseButton
          onClick={onCollapse}
          i18nCollapseLabel="Collapse sidebar"
          i18nExpandLabel="Expand sidebar"
        />
      </SidebarFooter>
    </Sidebar>
  );
}

/** The current space, named while the space switcher loads. */
function CurrentSpace({ spaceId }: { spaceId: string }) {
  return (
    <Text as="span" color="colorTextWeak" whiteSpace="nowrap">
      Space:{' '}
      <Text as="span" fontWeight="fontWeightSemibold">
        {spaceId}
      </Text>
    </Text>
  );
}

/** Opens the navigation drawer on narrow viewports, where the closed sidebar leaves no button of its own. */
function NavigationMenuButton({
  buttonRef,
  sidebar,
}: {
  buttonRef: RefObject<HTMLButtonElement | null>;
  sidebar: SidebarControls;
}) {
  return (
    <Button
      ref={buttonRef}
      variant="secondary_icon"
      size="icon"
      aria-expanded={!sidebar.collapsed}
      aria-controls={IDS.navigation}
      // Only ever pressed while the drawer is closed: the open drawer makes the top bar inert.
      onClick={sidebar.openAndFocus}
    >
      <MenuIcon decorative />
      <ScreenReaderOnly>Navigation menu</ScreenReaderOnly>
    </Button>
  );
}

/** `iconOnly` where the top bar is short of room for the label. */
function ThemeToggle({ theme, onToggle, iconOnly }: { theme: ThemeName; onToggle: () => void; iconOnly: boolean }) {
  const icon = theme === 'dark' ? <LightModeIcon decorative /> : <DarkModeIcon decorative />;
  const label = theme === 'dark' ? 'Light theme' : 'Dark theme';
  return <TopbarButton iconOnly={iconOnly} icon={icon} label={label} onClick={onToggle} />;
}
