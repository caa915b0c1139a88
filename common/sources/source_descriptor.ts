/**
 * A source descriptor says, as data, where an event stream keeps what the campaign views need: which field
 * names a campaign (and its treatment), which event types make up each channel, which field identifies one
 * message, and which extra fields the detail views break numbers down by. Pinpoint is the first source; the
 * SES and End User Messaging SMS v2 event streams are added by writing another descriptor, not by editing the
 * service or the views.
 */

/** What groups messages: a campaign (split by treatment) or a journey (split by activity). */
export interface GroupDescriptor {
  kind: 'campaign' | 'journey';
  /** Keyword field holding the campaign or journey id. */
  idField: string;
  /** Keyword field splitting the group: the treatment of a campaign, the activity of a journey. */
  splitField: string;
  /** The split value that is the baseline of comparisons ("0": the control treatment). */
  baselineSplit?: string;
}

/** One channel: its event types and the field that identifies one message (or endpoint) of it. */
export interface ChannelDescriptor {
  id: 'email' | 'sms' | 'campaign';
  /** The event types of this channel, exactly as in `event_type`. */
  eventTypes: readonly string[];
  /** Keyword field identifying one message: counts "per message" are distinct values of this field. */
  entityField: string;
  /**
   * Keyword fields kept apart in the aggregation because a metric filters or sums on them (delivery type
   * and send status of `_campaign.send`, SMS message parts). Each becomes one composite source.
   */
  dimensionFields: readonly string[];
  /** Numeric fields summed per message (SMS price). */
  sumFields: readonly string[];
  /** Fields the campaign page breaks this channel down by (recipient, country, record status...). */
  detailFields: readonly string[];
}

export interface SourceDescriptor {
  id: string;
  label: string;
  /** Where the messages' send time lives: a report covers messages whose events' value here is in range. */
  sendTimeField: string;
  /** When each event happened / arrived: the time axis of "events over time" and hour of day. */
  arrivalTimeField: string;
  eventTypeField: string;
  groups: readonly GroupDescriptor[];
  channels: readonly ChannelDescriptor[];
  /** Clicked link, for "top links". */
  linkField?: string;
}
