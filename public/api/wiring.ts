/**
 * The AWS wiring resource over core.http: run the check, and load/save the inputs the setup page remembers.
 * Components reach it through props; every call takes an AbortSignal so leaving the page cancels it.
 */
import { API_PATHS } from '../../common/constants';
import type { WiringReport, WiringRequest, WiringSettings } from '../../common/wiring_types';
import type { HttpSetup } from '../osd_port';

export interface WiringApi {
  /** The report (HTTP 200 even when checks fail); rejects on a 400 with the reason to fix. */
  check(request: WiringRequest, signal?: AbortSignal): Promise<WiringReport>;
  /** null when nothing was saved yet in this tenant. */
  loadSettings(signal?: AbortSignal): Promise<WiringSettings | null>;
  saveSettings(settings: WiringSettings, signal?: AbortSignal): Promise<WiringSettings>;
}

export function createWiringApi(http: HttpSetup): WiringApi {
  return {
    check(request, signal) {
      return http.post<WiringReport>(API_PATHS.wiring, { body: JSON.stringify(request), signal });
    },
    async loadSettings(signal) {
      const res = await http.get<{ settings: WiringSettings | null }>(API_PATHS.wiringSettings, {
        signal,
      });
      return res.settings;
    },
    async saveSettings(settings, signal) {
      const res = await http.put<{ settings: WiringSettings }>(API_PATHS.wiringSettings, {
        body: JSON.stringify(settings),
        signal,
      });
      return res.settings;
    },
  };
}
