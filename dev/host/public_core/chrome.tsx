/**
 * A minimal Dashboards chrome: a header with the breadcrumbs the app sets and its action menu, a sidebar
 * listing registered apps by category (OSD's category order), the app's mount element, and the global toast
 * list. The app element is created outside React so the app's own ReactDOM.render owns it alone.
 */
import React, { useEffect, useRef } from 'react';
import {
  EuiCollapsibleNavGroup,
  EuiGlobalToastList,
  EuiHeader,
  EuiHeaderLogo,
  EuiListGroup,
} from '@elastic/eui';
import type { App, AppCategory, ChromeBreadcrumb } from '../../../public/osd_port';
import type { ToastsService } from './toasts_service';
import { useStoreValue, type ValueStore } from './value_store';

export type MenuMount = ((element: HTMLElement) => () => void) | undefined;

export interface ChromeProps {
  apps: App[];
  currentAppId?: string;
  getUrlForApp(appId: string): string;
  breadcrumbs: ValueStore<ChromeBreadcrumb[]>;
  actionMenu: ValueStore<MenuMount>;
  toasts: ToastsService;
  appElement: HTMLElement;
}

const OTHER: AppCategory = { id: 'other', label: 'Other', order: Number.MAX_SAFE_INTEGER };

function byCategory(apps: App[]): Array<{ category: AppCategory; apps: App[] }> {
  const groups = new Map<string, { category: AppCategory; apps: App[] }>();
  for (const app of apps) {
    const category = app.category ?? OTHER;
    const group = groups.get(category.id) ?? { category, apps: [] };
    group.apps.push(app);
    groups.set(category.id, group);
  }
  const order = (n?: number) => n ?? Number.MAX_SAFE_INTEGER;
  return [...groups.values()]
    .sort((a, b) => order(a.category.order) - order(b.category.order))
    .map((g) => ({ ...g, apps: g.apps.sort((a, b) => order(a.order) - order(b.order)) }));
}

function Mount({ mount, testSubj }: { mount: MenuMount; testSubj: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => (mount && ref.current ? mount(ref.current) : undefined), [mount]);
  return <div ref={ref} data-test-subj={testSubj} />;
}

function AppSlot({ element }: { element: HTMLElement }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.appendChild(element);
  }, [element]);
  return <main ref={ref} className="devHost__app" data-test-subj="appContainer" />;
}

export function Chrome(props: ChromeProps): React.ReactElement {
  const breadcrumbs = useStoreValue(props.breadcrumbs);
  const actionMenu = useStoreValue(props.actionMenu);
  const toasts = useStoreValue(props.toasts);
  return (
    <div className="devHost">
      <EuiHeader
        position="fixed"
        sections={[
          {
            items: [
              <EuiHeaderLogo key="logo" iconType="logoOpenSearch" href="#">
                Dashboards dev host
              </EuiHeaderLogo>,
            ],
            borders: 'right',
          },
          {
            breadcrumbs: breadcrumbs.map((b) => ({ text: b.text, href: b.href })),
            borders: 'none',
          },
          { items: [<Mount key="menu" mount={actionMenu} testSubj="headerAppActionMenu" />] },
        ]}
      />
      <div className="devHost__body">
        <nav className="devHost__nav" data-test-subj="devHostNav">
          {byCategory(props.apps).map(({ category, apps }) => (
            <EuiCollapsibleNavGroup
              key={category.id}
              title={category.label}
              iconType={category.euiIconType}
              isCollapsible={false}
            >
              <EuiListGroup
                size="s"
                listItems={apps.map((app) => ({
                  label: app.title,
                  href: props.getUrlForApp(app.id),
                  isActive: app.id === props.currentAppId,
                  iconType: app.euiIconType,
                  'data-test-subj': `navLink-${app.id}`,
                }))}
              />
            </EuiCollapsibleNavGroup>
          ))}
        </nav>
        <AppSlot element={props.appElement} />
      </div>
      <EuiGlobalToastList
        toasts={toasts}
        dismissToast={(toast) => props.toasts.remove(String(toast.id))}
        toastLifeTimeMs={6000}
      />
    </div>
  );
}

/** Layout only; OSD also injects its styles from script. */
export const CHROME_CSS = `
.devHost__body { display: flex; padding-top: 49px; min-height: 100vh; }
.devHost__nav { width: 240px; flex-shrink: 0; border-right: 1px solid #D3DAE6; background: #FFF; }
.devHost__app { flex-grow: 1; min-width: 0; }
`;
