export {
  RepairIndexButton,
  repairedWords,
  type RepairIndexButtonProps,
} from './components/repair_index_button';
export { RepairControls, type RepairControlsProps } from './components/repair_controls';
export { useRepairJob, type RepairView } from './hooks/use_repair_job';
