export { dashboardsStatus, installDashboards, type DashboardsDeps } from './install_service';
export { savedObjectsStore, type DashboardsStore, type InstallRecord } from './store';
export { readTenant, tenantFromAuthInfo } from './tenant';
export { shippedObjects } from './shipped_objects';
export { dashboardsInstallRecordType } from './record_type';
