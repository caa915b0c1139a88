/**
 * Names in the app — owned by the names helper. Mount on the campaigns pages:
 *
 *   import { NameInlineEdit, NamesImport, createNamesApi } from '../names';
 *   const namesApi = createNamesApi(http);           // once, next to the campaigns API
 *   <NameInlineEdit id={id} name={name} api={namesApi} onSaved={(e) => setRenamed(e.name)} />
 *   (showName={false} where a title already shows the name: campaign_page.tsx mounts it so)
 *   <NamesButton api={namesApi} onChanged={reload} />   (the flyout with both below; on the campaigns list)
 *   <NamesImport api={namesApi} onImported={() => reload()} />
 *   <NamesRefresh api={namesApi} defaultRegion="us-east-1" onRefreshed={() => reload()} />
 */
export {
  NameInlineEdit,
  nameProblem,
  type NameInlineEditProps,
} from './components/name_inline_edit';
export { NamesImport, type NamesImportProps } from './components/names_import';
export { NamesButton, type NamesButtonProps } from './components/names_button';
export { NamesRefresh, splitAppIds, type NamesRefreshProps } from './components/names_refresh';
export { createNamesApi, type NamesApi, type NameEntry } from '../../api/names';
