/** Hop 1: who the check runs as, in which region. Everything after it depends on these credentials working. */
import type { CallerIdentity } from '../../aws/sts';
import { isAwsError, type HopContext, unknownFromError } from './context';
import type { HopBuilder } from './hop_builder';

export interface IdentityResult {
  identity?: CallerIdentity;
  /** Credentials are missing or rejected: every other call will fail the same way. */
  noCredentials: boolean;
}

export async function checkIdentity(ctx: HopContext, hop: HopBuilder): Promise<IdentityResult> {
  const region = ctx.request.region;
  try {
    const identity = await ctx.aws().sts.getCallerIdentity(ctx.call);
    hop.add({
      id: 'caller',
      title: 'AWS identity',
      status: 'pass',
      message: `Checking as ${identity.arn} in ${region}.`,
      evidence: {
        account: identity.account,
        arn: identity.arn,
        region,
        assumedRole: ctx.request.roleArn,
      },
    });
    return { identity, noCredentials: false };
  } catch (error) {
    // GetCallerIdentity needs no permission: AccessDenied here can only be the role assumption being refused.
    const assumeRefused = ctx.request.roleArn !== undefined && isAwsError(error, 'access_denied');
    if (isAwsError(error, 'credentials') || assumeRefused) {
      hop.add({
        id: 'caller',
        title: 'AWS identity',
        status: 'fail',
        message: `No usable AWS credentials: ${error.message}`,
        evidence: { region, error: error.describe(), assumedRole: ctx.request.roleArn },
        remedy: {
          summary: ctx.request.roleArn
            ? `Check that the server's credentials may assume ${ctx.request.roleArn} (its trust policy and sts:AssumeRole).`
            : "Give the Dashboards server AWS credentials through the SDK's default chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or a container/instance role.",
          cli: 'aws sts get-caller-identity',
        },
      });
      return { noCredentials: true };
    }
    hop.add(
      unknownFromError(
        { id: 'caller', title: 'AWS identity', evidence: { region } },
        error,
        'read the caller identity from STS'
      )
    );
    return { noCredentials: false };
  }
}
