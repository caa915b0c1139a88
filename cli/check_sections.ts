/** The sections `check` runs, in order: the index engine, then the AWS wiring check (behind --aws). */
import type { CheckSection } from './check_section';
import { indexCheckSection } from './check_index_section';
import { awsCheckSection } from './commands/check_aws';

export const CHECK_SECTIONS: CheckSection[] = [indexCheckSection, awsCheckSection];
