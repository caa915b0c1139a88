import {
  DescribeDeliveryStreamCommand,
  type DeliveryStreamDescription,
  type FirehoseClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-firehose';
import { type CallOptions, callAws } from './call';

export type { DeliveryStreamDescription };

/** The Firehose calls the wiring check makes. */
export interface FirehosePort {
  describeDeliveryStream(name: string, options: CallOptions): Promise<DeliveryStreamDescription>;
}

export function firehosePort(client: FirehoseClient): FirehosePort {
  return {
    async describeDeliveryStream(name, options) {
      const out = await callAws(
        'firehose',
        'DescribeDeliveryStream',
        options,
        (abortSignal) =>
          client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name }), {
            abortSignal,
          }),
        (error) => (error instanceof ResourceNotFoundException ? 'not_found' : undefined)
      );
      if (!out.DeliveryStreamDescription) {
        throw new Error(`DescribeDeliveryStream answered without a description for ${name}`);
      }
      return out.DeliveryStreamDescription;
    },
  };
}
