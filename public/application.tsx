import React from 'react';
import ReactDOM from 'react-dom';
import type { AppMountParameters, AppUnmount, CoreStart } from './osd_port';
import { PinpointApp } from './app';

/** OSD 2.x ships React 16: ReactDOM.render / unmountComponentAtNode (no createRoot there). */
export function renderApp(core: CoreStart, params: AppMountParameters): AppUnmount {
  ReactDOM.render(<PinpointApp core={core} history={params.history} />, params.element);
  return () => {
    ReactDOM.unmountComponentAtNode(params.element);
  };
}
