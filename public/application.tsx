import React from 'react';
import ReactDOM from 'react-dom';
import type { AppMountParameters, AppUnmount, CoreStart } from './osd_port';
import { PinpointApp } from './app';

/** React 18's root API, present on the shared `ReactDom` of Dashboards 3.6+ (absent on 2.x's React 16). */
interface Root {
  render(children: React.ReactNode): void;
  unmount(): void;
}

type SharedReactDom = typeof ReactDOM & { createRoot?: (container: Element) => Root };

/**
 * Mounts with `createRoot` where the shared ReactDom has it (Dashboards 3.x, React 18: `ReactDOM.render` there
 * runs in legacy mode and warns), and with `ReactDOM.render` otherwise (2.x, React 16). Dashboards shares
 * `react-dom`, not `react-dom/client`, so createRoot is read from the main entry (React's development build
 * warns once about that entry point; its production build, which Dashboards ships, does not).
 */
export function renderApp(core: CoreStart, params: AppMountParameters): AppUnmount {
  const app = <PinpointApp core={core} history={params.history} />;
  const dom = ReactDOM as SharedReactDom;
  if (typeof dom.createRoot === 'function') {
    const root = dom.createRoot(params.element);
    root.render(app);
    return () => root.unmount();
  }
  ReactDOM.render(app, params.element);
  return () => {
    ReactDOM.unmountComponentAtNode(params.element);
  };
}
