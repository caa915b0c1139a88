/**
 * Which roles the wiring route may assume with the server's credentials: only those an administrator listed
 * (pinpoint.wiring.assumableRoleArns), by exact ARN. Anything else is refused before any AWS call, with the
 * key to set: the server's identity must not become a way for any Dashboards user into another account.
 * The CLI does not go through here: its operator runs it with their own credentials.
 */
import { ASSUMABLE_ROLES_KEY, type PinpointConfig } from '../../config';
import { ForbiddenError } from '../../errors';

export function assertRoleAssumable(roleArn: string | undefined, config: PinpointConfig): void {
  if (roleArn === undefined) return;
  const allowed = config.wiring.assumableRoleArns;
  if (allowed.includes(roleArn)) return;
  throw new ForbiddenError(
    allowed.length === 0
      ? `Assuming a role is turned off on this Dashboards server: the check runs with the server's own AWS identity. Leave "Role to assume" empty, or ask an administrator to list ${roleArn} in ${ASSUMABLE_ROLES_KEY} (opensearch_dashboards.yml).`
      : `${roleArn} is not one of the roles an administrator allowed (${ASSUMABLE_ROLES_KEY}: ${allowed.join(', ')}).`,
    { roleArn, allowed: [...allowed] }
  );
}
