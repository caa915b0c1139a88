export { CheckItem, type CheckItemProps } from './check_item';
export { EvidenceList } from './evidence_list';
export { STATUS_COLOR, STATUS_LABEL, calloutColor } from './status';
