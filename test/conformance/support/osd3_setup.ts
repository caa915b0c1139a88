/**
 * Setup of the conformance-osd3 jest project (jest.config.js): the suite checks the Dashboards 3.x zip, with
 * React 18.2 and OUI 1.22 mapped in as the page's shared dependencies.
 */
import { OSD3_VERSION } from '../../../scripts/lib/test_tiers';

process.env.PINPOINT_OSD_VERSION ??= OSD3_VERSION;
