/**
 * The browser core of the development host, loaded after the plugin bundles: reads each plugin from
 * `__osdBundles__`, runs setup then start with the core described by public/osd_port.ts, renders the chrome
 * and mounts the app of the current URL. A failure is logged to the console (where tests look) and shown.
 */
import React from 'react';
import ReactDOM from 'react-dom';
import { EuiEmptyPrompt } from '@elastic/eui';
import type { ChromeBreadcrumb, CoreSetup, CoreStart, Plugin } from '../../../public/osd_port';
import { ApplicationService } from './application_service';
import { Chrome, CHROME_CSS, type MenuMount } from './chrome';
import { createHttpService } from './http_service';
import { readInjectedMetadata, type InjectedMetadata } from './metadata';
import { readPluginInstance } from './plugin_reader';
import { ToastsService } from './toasts_service';
import { createUiSettings } from './ui_settings_service';
import { ValueStore } from './value_store';

function rootElement(): HTMLElement {
  const root = document.getElementById('osd-root');
  if (!root) throw new Error('The page has no #osd-root element');
  return root;
}

function injectStyles(css: string): void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
}

function showFatal(error: unknown): void {
  // The console is where a developer and the browser tests look first.
  console.error(error);
  const message = error instanceof Error ? error.message : String(error);
  ReactDOM.render(
    <EuiEmptyPrompt
      iconType="alert"
      iconColor="danger"
      title={<h2>Something went wrong</h2>}
      body={<p data-test-subj="fatalErrorMessage">{message}</p>}
    />,
    rootElement()
  );
}

async function bootstrap(metadata: InjectedMetadata): Promise<void> {
  const http = createHttpService(metadata.basePath, metadata.version);
  const toasts = new ToastsService();
  const application = new ApplicationService(metadata.basePath);
  const breadcrumbs = new ValueStore<ChromeBreadcrumb[]>([]);
  const actionMenu = new ValueStore<MenuMount>(undefined);
  const uiSettings = createUiSettings(metadata.uiSettings.user);

  const coreStart: CoreStart = {
    http,
    notifications: { toasts },
    chrome: { setBreadcrumbs: (crumbs) => breadcrumbs.set(crumbs) },
    uiSettings,
    application: {
      navigateToApp: application.navigateToApp,
      getUrlForApp: application.getUrlForApp,
    },
  };

  const plugins: Array<{ id: string; instance: Plugin; resolveStart(contract: unknown): void }> =
    [];
  for (const { id } of metadata.uiPlugins) {
    const instance = readPluginInstance(id, {
      opaqueId: Symbol(id),
      env: {
        mode: { name: 'development', dev: true, prod: false },
        packageInfo: {
          version: metadata.version,
          branch: metadata.branch,
          buildNum: metadata.buildNumber,
          buildSha: 'dev-host',
          dist: false,
        },
      },
      config: { get: <T,>() => ({}) as T },
    });
    let resolveStart: (contract: unknown) => void = () => undefined;
    const started = new Promise<unknown>((resolve) => (resolveStart = resolve));
    const coreSetup: CoreSetup = {
      application: { register: application.register },
      http,
      notifications: { toasts },
      getStartServices: async () => [coreStart, {}, await started],
    };
    instance.setup(coreSetup, {});
    plugins.push({ id, instance, resolveStart });
  }
  application.endSetup();
  for (const plugin of plugins) plugin.resolveStart(plugin.instance.start(coreStart, {}));

  injectStyles(CHROME_CSS);
  const appElement = document.createElement('div');
  appElement.className = 'devHost__appMount';
  const currentAppId = application.currentAppId();
  ReactDOM.render(
    <Chrome
      apps={application.list()}
      currentAppId={currentAppId}
      getUrlForApp={(id) => application.getUrlForApp(id)}
      breadcrumbs={breadcrumbs}
      actionMenu={actionMenu}
      toasts={toasts}
      appElement={appElement}
    />,
    rootElement()
  );

  const app = application.list().find((a) => a.id === currentAppId);
  if (!app) {
    ReactDOM.render(
      <EuiEmptyPrompt
        iconType="alert"
        title={<h2>Application Not Found</h2>}
        body={<p>No application was found at this URL.</p>}
        data-test-subj="appNotFoundPageContent"
      />,
      appElement
    );
    return;
  }
  try {
    await application.mount(app, appElement, {
      setHeaderActionMenu: (mount) => actionMenu.set(mount as MenuMount),
    });
  } catch (error) {
    // OSD logs a failed mount and leaves the app area empty.
    console.error(error);
    return;
  }
  window.addEventListener('pagehide', () => application.unmountCurrent());
}

try {
  bootstrap(readInjectedMetadata()).catch(showFatal);
} catch (error) {
  showFatal(error);
}
