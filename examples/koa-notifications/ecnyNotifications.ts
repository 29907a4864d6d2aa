import {
  createNodeNotificationHandler,
  handleNotification,
  type NodeNotificationHandlerOptions,
  type NotificationHandlerOptions,
  type VerifyNotificationOptions,
} from '@ecny/sdk-merchant'
import type { Middleware } from 'koa'

/**
 * Koa middleware answering the gateway's notifications on `path`: the SDK's Node handler reads the
 * raw body from `ctx.req` and answers on `ctx.res` itself (`ctx.respond = false`). Mount it before any
 * body parser: a parser that read the stream first makes every delivery a 400 `body_already_parsed`.
 *
 * @example
 * const app = new Koa()
 * app.use(ecnyNotifications('/ecny/notify', { gatewayKeys: jwksUrl, handle: applyEvent }))
 * app.use(bodyParser()) // the rest of the app
 */
export function ecnyNotifications(path: string, options: NodeNotificationHandlerOptions): Middleware {
  const receive = createNodeNotificationHandler(options)
  return async (ctx, next) => {
    if (ctx.method !== 'POST' || ctx.path !== path) return next()
    ctx.respond = false // the SDK writes the answer on ctx.res
    await receive(ctx.req, ctx.res)
  }
}

/**
 * The same behind an app-wide `@koa/bodyparser`, which keeps the exact text it parsed in
 * `ctx.request.rawBody`: verify that, never `ctx.request.body` (parsed and re-serialised JSON no
 * longer matches the signature).
 *
 * @example
 * app.use(bodyParser())
 * app.use(ecnyNotificationsAfterBodyParser('/ecny/notify', { gatewayKeys: jwksUrl, handle: applyEvent }))
 */
export function ecnyNotificationsAfterBodyParser(
  path: string,
  options: VerifyNotificationOptions & NotificationHandlerOptions,
): Middleware {
  return async (ctx, next) => {
    if (ctx.method !== 'POST' || ctx.path !== path) return next()
    const rawBody = (ctx.request as { rawBody?: string }).rawBody ?? ''
    const answer = await handleNotification(rawBody, ctx.headers, options)
    ctx.status = answer.status
    ctx.set(answer.headers)
    ctx.body = answer.body
  }
}
