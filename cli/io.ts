/** Where a command writes: standard output for results, standard error for warnings and errors. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}
