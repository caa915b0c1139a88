/** Hop 1: who the check runs as, in which region. Everything after it depends on these credentials working. */
import type { CallerIdentity } from '../../aws/sts';
import { isAwsError, type HopContext, readFailure } from './context';
import type { IdentityFacts } from './facts';
import type { HopBuilder } from './hop_builder';
import { judgeIdentity } from './judgements/pinpoint';

export interface IdentityResult {
  identity?: CallerIdentity;
  /** Credentials are missing or rejected: every other call will fail the same way. */
  noCredentials: boolean;
}

export async function checkIdentity(ctx: HopContext, hop: HopBuilder): Promise<IdentityResult> {
  const base: IdentityFacts = { region: ctx.request.region, assumedRole: ctx.request.roleArn };
  try {
    const identity = await ctx.aws().sts.getCallerIdentity(ctx.call);
    hop.record(judgeIdentity({ ...base, account: identity.account, arn: identity.arn }));
    return { identity, noCredentials: false };
  } catch (error) {
    const assumeRefused = ctx.request.roleArn !== undefined && isAwsError(error, 'access_denied');
    if (isAwsError(error, 'credentials') || assumeRefused) {
      hop.record(
        judgeIdentity({
          ...base,
          error: error.message,
          failureKind: error.kind,
        })
      );
      return { noCredentials: true };
    }
    hop.failure(
      'identity.caller',
      readFailure(error),
      'read the caller identity from STS',
      undefined,
      base
    );
    return { noCredentials: false };
  }
}
