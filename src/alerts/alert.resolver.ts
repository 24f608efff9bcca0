import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../api/graphql/context.js';
import type { AlertService } from './alert.service.js';
import type { AlertEventPayload } from './alert-events.js';
import {
  AlertCreatedType,
  AlertEventType,
  AlertInput,
  AlertType,
  WebhookDeliveryType,
  toAlertView,
  toDeliveryView,
  toEventView,
} from './alert.types.js';

/** Over WebSocket the context also carries the alert service (src/api/ws/graphql-ws.server.ts). */
export interface SubscriptionContext extends GraphQLContext {
  alerts?: AlertService;
}

@Resolver(() => AlertType)
export class AlertResolver {
  constructor(private readonly service: AlertService) {}

  @Mutation(() => AlertCreatedType, {
    description: 'The same callers who may run the underlying query: a candidate for itself, a recruiter for its own posting, job boards and admins as their read rights allow',
  })
  async createAlert(@Arg('input', () => AlertInput) input: AlertInput, @Ctx() ctx: GraphQLContext): Promise<AlertCreatedType> {
    const { alert, secret } = await this.service.create(ctx.principal, input);
    return { alert: toAlertView(alert), secret };
  }

  @Mutation(() => Boolean)
  async deleteAlert(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.service.delete(ctx.principal, id);
  }

  @Query(() => [AlertType], { description: "The caller's own (admins: all)" })
  async alerts(@Ctx() ctx: GraphQLContext): Promise<AlertType[]> {
    return (await this.service.list(ctx.principal)).map(toAlertView);
  }

  @Query(() => [WebhookDeliveryType])
  async alertDeliveries(
    @Arg('alertId', () => ID) alertId: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebhookDeliveryType[]> {
    return (await this.service.deliveriesOf(ctx.principal, alertId, first)).map(toDeliveryView);
  }

  @Subscription(() => AlertEventType, {
    description: "The caller's alerts, or one of them (graphql-ws on /graphql, key in connection_init)",
    subscribe: ({ args, context }) => {
      const ctx = context as SubscriptionContext;
      if (!ctx.alerts) throw new Error('alert events are served over WebSocket only');
      return ctx.alerts.subscribe(ctx.principal, (args as { alertId?: string | null }).alertId);
    },
  })
  alertEvents(@Root() event: AlertEventPayload, @Arg('alertId', () => ID, { nullable: true }) _alertId: string | null): AlertEventType {
    return toEventView(event);
  }
}
