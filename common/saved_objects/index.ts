/** The shipped saved objects (common: data and pure helpers only). */
export * from './types';
export * from './catalog';
export * from './ndjson';
export * from './dashboard_url';
export { CAMPAIGN_OVERVIEW_ID, CAMPAIGN_FIELD } from './dashboards/campaign_overview';
export { EMAIL_DELIVERABILITY_ID } from './dashboards/email_deliverability';
export { SMS_DELIVERY_ID } from './dashboards/sms_delivery';
export { PIPELINE_HEALTH_ID } from './dashboards/pipeline_health';
