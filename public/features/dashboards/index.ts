export { DashboardsSection, type DashboardsSectionProps } from './components/dashboards_section';
