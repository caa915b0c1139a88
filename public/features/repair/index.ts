export { RepairIndexButton, type RepairIndexButtonProps } from './components/repair_index_button';
export { useRepairJob, type RepairView } from './hooks/use_repair_job';
