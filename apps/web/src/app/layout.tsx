import { Box } from '@twilio-paste/box';
import { Button } from '@twilio-paste/button';
import { DarkModeIcon } from '@twilio-paste/icons/esm/DarkModeIcon';
import { LightModeIcon } from '@twilio-paste/icons/esm/LightModeIcon';
import { ProductContactCenterAdminIcon } from '@twilio-paste/icons/esm/ProductContactCenterAdminIcon';
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
import { type ReactNode, useState } from 'react';
import { ProductLogo } from '../components/product-logo.tsx';
import { handleLinkClick } from '../lib/router.ts';
import type { ThemeName } from './theme-preference.ts';

export const MANAGE_PATH = '/unified-profiles/manage/identifiers';

interface LayoutProps {
  pathname: string;
  spaceId: string;
  theme: ThemeName;
  onToggleTheme: () => void;
  children: ReactNode;
}

const IDS = { main: 'main-content', navigation: 'sidebar-navigation', topbar: 'topbar' };

/** The console shell: sidebar navigation, top bar, and the page in between. */
export function Layout({ pathname, spaceId, theme, onToggleTheme, children }: LayoutProps) {
  const [collapsed, setCollapsed] = useState(false);
  const onManage = pathname.startsWith('/unified-profiles/manage');
  return (
    <Box minHeight="100vh">
      <Sidebar
        variant="compact"
        collapsed={collapsed}
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
                  href={MANAGE_PATH}
                  selected={onManage}
                  aria-current={onManage ? 'page' : undefined}
                  onClick={(event) => handleLinkClick(event, MANAGE_PATH)}
                >
                  Manage
                </SidebarNavigationItem>
              </SidebarNavigationDisclosureContent>
            </SidebarNavigationDisclosure>
          </SidebarNavigation>
        </SidebarBody>
        <SidebarFooter>
          <SidebarCollapseButton
            onClick={() => setCollapsed((value) => !value)}
            i18nCollapseLabel="Collapse sidebar"
            i18nExpandLabel="Expand sidebar"
          />
        </SidebarFooter>
      </Sidebar>
      <SidebarPushContentWrapper collapsed={collapsed} variant="compact">
        <Topbar id={IDS.topbar} role="banner">
          <TopbarActions justify="start">
            <Text as="span" color="colorTextWeak">
              Space:{' '}
              <Text as="span" fontWeight="fontWeightSemibold">
                {spaceId}
              </Text>
            </Text>
          </TopbarActions>
          <TopbarActions justify="end">
            <Button variant="secondary" size="small" onClick={onToggleTheme}>
              {theme === 'dark' ? <LightModeIcon decorative /> : <DarkModeIcon decorative />}
              {theme === 'dark' ? 'Light theme' : 'Dark theme'}
            </Button>
          </TopbarActions>
        </Topbar>
        <Box as="main" id={IDS.main} tabIndex={-1} paddingX="space100" paddingY="space90" maxWidth="size160">
          {children}
        </Box>
      </SidebarPushContentWrapper>
    </Box>
  );
}
