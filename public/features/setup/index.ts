export { SetupPage, type SetupPageProps } from './components/setup_page';
export { IndexCheckItem } from './components/index_check_item';
export { applyToast } from './utils/apply_words';
