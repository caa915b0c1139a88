export { PipelineSection, type PipelineSectionProps } from './components/pipeline_section';
export { PipelineView } from './components/pipeline_view';
