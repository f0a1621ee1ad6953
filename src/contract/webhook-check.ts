// A webhook delivery checked against the event its `type` names: its headers, its payload, and
// (given the secret) its Standard Webhooks signature and timestamp.
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { constOf, type Contract } from '../kernel/contract.ts';
import { isObject } from '../kernel/json.ts';
import { explain } from './explain.ts';
import { checkHeaders, headerPlan } from './header-check.ts';
import { headerRecord } from './header-record.ts';
import type { WebhookDelivery } from './observed.ts';
import { parseBody } from './response-check.ts';
import type { SchemaPlans } from './schema-plans.ts';
import { headerKind } from './violation-kind.ts';
import type { Violation } from './violations.ts';

export function checkWebhook(contract: Contract, plans: SchemaPlans, delivery: WebhookDelivery): Violation[] {
  const { spec } = contract;
  const headers = headerRecord(delivery.headers);
  const { value, violation } = parseBody(delivery.body);
  if (violation) return [violation];
  const type = isObject(value) ? value.type : undefined;
  const webhook = contract.webhooks.find(w => constOf(spec, w.schema, 'type') === type);
  if (!webhook) {
    const known = contract.webhooks.map(w => JSON.stringify(constOf(spec, w.schema, 'type'))).join(', ');
    return [
      {
        kind: 'schema',
        where: 'body/type',
        message: `${JSON.stringify(type)} is not a webhook event of the contract (${known})`,
      },
    ];
  }
  const out = checkHeaders(
    webhook.headers.map(header => headerPlan(plans, header)),
    headers,
  );
  explain(out, plans.of(webhook.schema), value, 'body');
  if (delivery.secret !== undefined && out.every(v => !v.where.startsWith('header'))) {
    try {
      new StandardWebhook(delivery.secret).verify(delivery.body, headers);
    } catch (error) {
      out.push({
        kind: headerKind('bad header', 'webhook-signature'),
        where: 'header webhook-signature',
        message: `does not verify: ${(error as Error).message}`,
      });
    }
  }
  return out;
}
