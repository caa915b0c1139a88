import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { type CallOptions, callAws } from './call';

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

/** The STS calls the wiring check makes. */
export interface StsPort {
  getCallerIdentity(options: CallOptions): Promise<CallerIdentity>;
}

export function stsPort(client: STSClient): StsPort {
  return {
    async getCallerIdentity(options) {
      const out = await callAws('sts', 'GetCallerIdentity', options, (abortSignal) =>
        client.send(new GetCallerIdentityCommand({}), { abortSignal })
      );
      return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
    },
  };
}
