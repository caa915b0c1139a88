export { SetupPage, type SetupPageProps } from './components/setup_page';
export { FindingItem } from './components/finding_item';
