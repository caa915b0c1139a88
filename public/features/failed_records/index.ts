export {
  FailedRecordsSection,
  type FailedRecordsSectionProps,
} from './components/failed_records_section';
