/**
 * The app shell: react-router on the scoped history OSD hands the app, so every page has a deep link that
 * survives reload and the back button. Campaigns is the landing page; the setup page is one route among
 * them (its components are mounted as they are).
 */
import React, { useEffect, useMemo } from 'react';
import {
  EuiPage,
  EuiPageBody,
  EuiPageHeader,
  EuiSpacer,
  EuiTab,
  EuiTabs,
  EuiTitle,
} from '@elastic/eui';
import { Route, Router, Switch, useHistory, useLocation } from 'react-router-dom';
import { PLUGIN_NAME } from '../common/constants';
import type { CoreStart, ScopedHistory } from './osd_port';
import { createCampaignsApi } from './api/campaigns';
import { createNamesApi } from './api/names';
import { createSummariesApi } from './api/summaries';
import { CampaignsPage } from './features/campaigns/campaigns_page';
import { CampaignPage } from './features/campaigns/campaign_page';
import { JourneyPage } from './features/journeys/journey_page';

const TABS = [
  { id: 'campaigns', label: 'Campaigns', path: '/' },
  { id: 'setup', label: 'Setup', path: '/setup' },
] as const;

function Nav(props: { core: CoreStart }): React.ReactElement {
  const location = useLocation();
  const history = useHistory();
  const current = location.pathname.startsWith('/setup') ? 'setup' : 'campaigns';
  useEffect(() => {
    const crumbs: Array<{ text: string }> = [{ text: PLUGIN_NAME }];
    if (current === 'setup') crumbs.push({ text: 'Setup' });
    else if (location.pathname !== '/')
      crumbs.push({ text: location.pathname.startsWith('/journeys') ? 'Journey' : 'Campaign' });
    props.core.chrome.setBreadcrumbs(crumbs);
  }, [current, location.pathname, props.core]);
  return (
    <EuiTabs aria-label="Pinpoint pages">
      {TABS.map((tab) => (
        <EuiTab
          key={tab.id}
          isSelected={tab.id === current}
          onClick={() => history.push(tab.path)}
          data-test-subj={`pinpointTab-${tab.id}`}
        >
          {tab.label}
        </EuiTab>
      ))}
    </EuiTabs>
  );
}

export function AppRouter(props: {
  core: CoreStart;
  history: ScopedHistory;
  setup: React.ReactNode;
}): React.ReactElement {
  const api = useMemo(() => createCampaignsApi(props.core.http), [props.core]);
  const namesApi = useMemo(() => createNamesApi(props.core.http), [props.core]);
  const summariesApi = useMemo(() => createSummariesApi(props.core.http), [props.core]);
  return (
    <Router history={props.history as never}>
      <EuiPage data-test-subj="pinpointApp">
        <EuiPageBody>
          <EuiPageHeader>
            <EuiTitle size="l">
              <h1>{PLUGIN_NAME}</h1>
            </EuiTitle>
          </EuiPageHeader>
          <Nav core={props.core} />
          <EuiSpacer size="m" />
          <Switch>
            <Route path="/setup">{props.setup}</Route>
            <Route path="/campaigns/:id">
              <CampaignPage api={api} appHref={(path) => props.core.http.basePath.prepend(path)} />
            </Route>
            <Route path="/journeys/:id">
              <JourneyPage api={api} />
            </Route>
            <Route path="/">
              <CampaignsPage api={api} namesApi={namesApi} summariesApi={summariesApi} />
            </Route>
          </Switch>
        </EuiPageBody>
      </EuiPage>
    </Router>
  );
}
