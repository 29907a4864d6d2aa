import type { MessageTexts } from './errorMessage.js'

/**
 * The zh-CN error message catalogue: the same keys as the English texts (each error code, each
 * `code/situation` message in `messagesEn.ts`) and the same `{placeholders}`. Loaded only when a
 * client speaks zh-CN, so English-only bundles do not carry it.
 */
export const messagesZhCN: Record<string, MessageTexts> = {
  // Labels of the lines after the message
  'label/requestId': { message: '请求编号：{requestId}' },
  'label/docs': { message: '文档：{docsUrl}' },
  'label/original': { message: '{text}（原文：{original}）' },

  // One text per error code
  invalid_request: { message: '请求无效。', hint: '请按 details 中指出的字段修正输入；本次未执行任何操作。' },
  payload_too_large: { message: '请求体过大。', hint: '请减少单次调用发送的数据量。' },
  malformed_json: { message: '请求体不是有效的 JSON。', hint: '请发送 UTF-8 编码的 JSON 请求体。' },
  authentication_failed: {
    message: '网关无法认证此请求。',
    hint: '请检查应用 ID（appId）、私钥或客户端令牌。',
  },
  request_expired: { message: '请求签名已过期或时间超前。', hint: '请检查签名所在机器的系统时钟。' },
  request_replayed: { message: '网关已收到过这条签名请求。', hint: '每次尝试都需重新签名；SDK 会自动完成。' },
  unknown_key: {
    message: '网关不认识签名此请求所用的密钥。',
    hint: '请为应用 ID 登记公钥，或改用已登记的密钥签名。',
  },
  token_expired: { message: '客户端令牌已过期。', hint: '请在服务端重新签发客户端令牌。' },
  permission_denied: {
    message: '当前凭证无权执行此操作。',
    hint: '请使用限定于该钱包、订单或商户的凭证或令牌。',
  },
  insecure_environment: {
    message: '服务端凭证被用在了访问者可读取的环境中。',
    hint: '私钥只能留在服务端；浏览器请使用客户端令牌。',
  },
  not_found: { message: '网关中不存在该资源。', hint: '请核对编号；它可能属于其他应用。' },
  conflict: { message: '请求与资源当前状态冲突。', hint: '请重新读取资源，如仍适用再重试。' },
  idempotency_conflict: {
    message: '该幂等键已用于另一个不同的请求。',
    hint: '新请求请使用新的幂等键；仅在重试同一请求时复用幂等键。',
  },
  request_in_progress: { message: '使用该幂等键的请求仍在处理中。', hint: '请稍候，用同一幂等键重试。' },
  duplicate_merchant_order_no: {
    message: '该商户订单号已被使用。',
    hint: '请查询已有订单，或使用新的商户订单号。',
  },
  invalid_state: { message: '资源当前状态不允许此操作。', hint: '请先查询其状态。' },
  wallet_closed: { message: '钱包已注销。', hint: '请开立新钱包；已注销的钱包仍可查询。' },
  wallet_not_empty: { message: '钱包内仍有余额。', hint: '请先将余额赎回至银行卡，再注销钱包。' },
  identity_required: {
    message: '该钱包等级需要更多身份信息。',
    hint: '请提供该等级要求的身份字段（见文档中的钱包等级）。',
  },
  wallet_exists: { message: '此人已有同类型的钱包。', hint: '请使用已有的钱包。' },
  sub_wallet_revoked: { message: '子钱包已被撤销。', hint: '请重新推送子钱包。' },
  payment_password_incorrect: {
    message: '支付密码错误。',
    hint: '请持有人重新输入；details.remainingAttempts 为剩余可尝试次数。',
  },
  wallet_payments_frozen: {
    message: '支付密码错误次数过多，钱包支付已冻结。',
    hint: '请等到 details.frozenUntil 之后再支付；收款和充值不受影响。',
  },
  limit_exceeded: {
    message: '金额超出钱包的某项限额。',
    hint: '请减少金额或等待限额重置。个人钱包的限额随钱包等级提升；企业子钱包的限额由所属企业设定。',
  },
  insufficient_funds: { message: '钱包余额不足。', hint: '请先为钱包充值，或减少支付金额。' },
  payment_code_expired: { message: '付款码已过期。', hint: '请让付款人出示新的付款码。' },
  payment_code_used: { message: '付款码已被使用。', hint: '请让付款人出示新的付款码。' },
  order_expired: { message: '订单已过期。', hint: '请创建新订单。' },
  order_not_payable: {
    message: '订单当前状态无法支付。',
    hint: '请查询订单：它可能已支付、已关闭或已取消。',
  },
  refund_exceeds_paid: { message: '退款总额将超过实付金额。', hint: '退款金额不能超过剩余的实付金额。' },
  refund_funding_insufficient: {
    message: '商户结算钱包暂时无法支付这笔退款。',
    hint: '请稍后重试，或为结算钱包充值。',
  },
  refund_window_closed: {
    message: '订单支付时间过早，已超过运营机构的退款期限，无法退款。',
    hint: '请在网关之外与付款人处理（例如转账）；退款期限由运营机构设定。',
  },
  app_handoff_invalid: {
    message: '钱包 App 无法打开此订单交接数据。',
    hint: '请商户服务端重新加密生成订单。',
  },
  app_handoff_key_unknown: { message: '订单交接数据所用的加密密钥未知。', hint: '请用当前密钥重新加密。' },
  merchant_not_approved: { message: '商户尚未通过审核。', hint: '请完成入驻并等待审核通过。' },
  document_missing: { message: '缺少必需的资料。', hint: '请上传入驻流程列出的资料。' },
  bill_code_unknown: {
    message: '没有使用此缴款码的票单。',
    hint: '请核对通知书上的缴款码，或请执收单位重新开具。',
  },
  bill_code_expired: { message: '该缴款码已过最后可缴日。', hint: '请联系执收单位重新开具票单。' },
  bill_agency_mismatch: {
    message: '该缴款码不是为此执收单位编码签发的。',
    hint: '请输入通知书上缴款码旁的执收单位编码。',
  },
  bill_already_paid: { message: '票单已缴清。', hint: '请获取其财政电子票据，不要重复缴费。' },
  gate_unknown: {
    message: '该闸机未在此交通场景登记。',
    hint: '请在场景设置中登记该闸机（及其车站），或更正设备上报的闸机编号。',
  },
  trip_not_entered: {
    message: '该乘车码没有可对应的进站记录。',
    hint: '场景规则拒绝无进站的出站：请引导乘客到服务中心处理。',
  },
  campaign_not_active: { message: '活动未在进行中。', hint: '请检查活动的时间安排和状态。' },
  budget_exhausted: { message: '活动预算已用完。', hint: '请追加预算或结束活动。' },
  claim_cap_reached: { message: '该钱包的领取次数已达活动上限。', hint: '该钱包无法再领取。' },
  not_eligible: { message: '该钱包不符合活动参与条件。', hint: '请检查活动的目标人群。' },
  expression_syntax: { message: '人群表达式无法解析。', hint: '请按 details 中给出的位置修正表达式。' },
  points_balance_negative: { message: '积分余额为负，暂不能使用积分。', hint: '请先赚回积分至零以上。' },
  points_insufficient: { message: '积分不足。', hint: '请减少使用的积分。' },
  points_redemption_cap_reached: { message: '今日积分使用次数已达上限。', hint: '请明天再试。' },
  points_order_not_open: {
    message: '该订单已不能使用积分抵扣。',
    hint: '请在付款前、用将要付款的钱包对未支付的订单使用积分。',
  },
  points_exceed_order: {
    message: '所用积分的价值超过订单剩余金额。',
    hint: '请减少使用的积分（最多 details.maxPoints）。',
  },
  points_fund_insufficient: {
    message: '积分计划的资金账户暂时不足以支付这些积分。',
    hint: '请减少积分或不用积分付款；积分计划可用 client.campaigns.points.deposit({ amount })（sdk-merchant）补充资金。',
  },
  rate_limited: { message: '请求过于频繁。', hint: '请放慢速度；SDK 会按网关要求的时间后重试。' },
  gateway_error: { message: '网关出错。', hint: '请稍后重试；如持续出现，请附上请求编号报告。' },
  service_unavailable: { message: '网关暂不可用。', hint: '请稍后重试。' },
  connection_error: { message: '无法连接网关。', hint: '请检查 baseUrl 和网络。' },
  timeout: { message: '网关未在规定时间内应答。', hint: '请调大 timeoutMs 或检查网络。' },
  aborted: { message: '调用已被调用方中止。', hint: '如仍需要结果，请重新调用。' },
  signature_invalid: {
    message: '网关签名验证失败。',
    hint: '消息内容未被采用。请检查 gatewayKeys 和系统时钟。',
  },
  invalid_response: { message: '网关的应答不符合协议。', hint: '请升级 SDK，或附上请求编号报告此问题。' },
  unsupported_by_operator: {
    message: '该运营机构不支持此调用。',
    hint: '请查看文档中该运营机构的页面，了解其支持的功能。',
  },
  unsupported_runtime: {
    message: '此功能无法在当前运行时中使用。',
    hint: '请在 Node 中运行，或使用文档给出的替代方式。',
  },
  response_too_large: {
    message: '应答超过 maxResponseBytes 上限。',
    hint: '如网关确实会返回这么大的应答，请调大 maxResponseBytes。',
  },
  result_unknown: { message: '调用结果未知。', hint: '请用同一幂等键重试，或查询结果。' },
  notification_replayed: { message: '该通知已处理过。', hint: '无需处理：向网关应答成功即可。' },
  notification_in_progress: {
    message: '该通知正由另一个进程处理。',
    hint: '请应答可重试的失败，网关会再次投递。',
  },
  body_already_parsed: {
    message: '通知请求体在验签之前已被解析。',
    hint: '请把原始请求体（如 express.raw()）交给通知处理函数。',
  },
  csv_line_too_long: {
    message: '对账单中有一行超出长度上限。',
    hint: '请确认文件是对账单，或调大行长度上限。',
  },

  // Input and configuration
  'invalid_request/input': {
    message: '参数无效（{what}）：{field}：{problem}。',
    hint: '请修正上面指出的字段；请求未发送到网关。',
  },
  'invalid_request/inputs': {
    message: '参数无效（{what}）：{field}：{problem}（另有 {more} 处）。',
    hint: '请修正 details.issues 中列出的字段；请求未发送到网关。',
  },
  'invalid_request/config_both_auth': {
    message: '客户端配置无效：同时设置了 credentials 和 clientToken。',
    hint: '服务端使用 credentials，浏览器使用 clientToken。',
  },
  'invalid_request/config_no_auth': {
    message: '客户端配置无效：credentials 和 clientToken 均未设置。',
    hint: '服务端请传 credentials: { appId, privateKey }；浏览器请传 clientToken。',
  },
  'invalid_request/config_app_id': {
    message: '客户端配置无效：credentials.appId 为空。',
    hint: '请传入网关为你签发的应用 ID。',
  },
  'invalid_request/config_base_url': {
    message: '客户端配置无效：baseUrl "{baseUrl}" 不是 http(s) 地址。',
    hint: '请传入类似 http://127.0.0.1:8787 的地址。',
  },
  'insecure_environment/browser_credentials': {
    message: '在浏览器中向 createClient 传入了服务端凭证。',
    hint: '浏览器中的私钥任何访问者都能读取。请在服务端签发客户端令牌（POST /v1/client-tokens），改传 clientToken。',
  },
  'insecure_environment/browser_build': {
    message: '向浏览器版 SDK 传入了服务端凭证。',
    hint: '浏览器中的私钥任何访问者都能读取。请在服务端签发客户端令牌（clientTokens.create），改传 clientToken。',
  },

  // Transport
  'timeout/attempt': {
    message: '网关未在 {timeoutMs} 毫秒内应答 {path}。',
    hint: '请调大 timeoutMs 或检查网络；SDK 已在安全的情况下重试。',
  },
  'connection_error/unreachable': {
    message: '无法连接网关以调用 {path}{reason}。',
    hint: '请检查 baseUrl 和网络。重试会复用同一幂等键，不会重复扣款。',
  },
  'connection_error/not_sent': { message: '对 {method} {path} 的调用未发出。' },
  'aborted/call': { message: '对 {method} {path} 的调用已被调用方中止。' },
  'aborted/after_sending': {
    message: '对 {method} {path} 的调用已被调用方中止。',
    hint: '网关可能已执行；请用幂等键 "{idempotencyKey}" 重试以确认结果，不会重复执行。',
  },
  'result_unknown/may_have_acted': {
    hint: '网关可能已执行 {method} {path}。请用幂等键 "{idempotencyKey}" 重试（不会重复执行），或查询结果；不要换新的幂等键重试。',
  },
  'result_unknown/outcome': {
    message: '{method} {path} 的结果未知：网关可能已执行，也可能未执行。',
    hint: '请用幂等键 "{idempotencyKey}" 重试（不会重复执行），或{lookup}查询，直到结果确定。',
  },
  'invalid_response/not_json': { message: '网关发来的已签名应答体不是 JSON。' },
  'invalid_response/shape': {
    message: '网关应答的结构与预期不符（{problem}）。',
    hint: '请升级 @ecny/sdk-core，或附上请求编号报告此问题。',
  },
  'response_too_large/answer': {
    message: '来自 {path} 的应答超过 {limit} 字节，已停止读取。',
    hint: '其中内容均未使用。如网关确实会返回这么大的应答，请调大 maxResponseBytes；否则说明你与网关之间的某个环节有异常。',
  },

  // Wallet checks before sending
  'insufficient_funds/over_balance': {
    message: '本次{kind} {amount} 超过钱包余额 {balance}（还差 {shortfall}）。',
    hint: '请先为钱包充值，或减少金额。',
  },
  'wallet_closed/closed': { message: '钱包已注销，无法使用。', hint: '请开立新钱包；已注销的钱包仍可查询。' },
  'limit_exceeded/corporate_sub_wallet': {
    message: '这笔{kind} {amount} 将超出子钱包的{cap} {limit}（由所属企业设定）。剩余额度：{headroom}。',
    hint: '请减少金额或等待限额重置，或请企业调整该限额（updateCorporateSubWalletCaps()）。',
  },
  'limit_exceeded/set_by_company': {
    hint: '企业子钱包的限额由所属企业设定，与钱包等级无关：请企业调整限额（updateCorporateSubWalletCaps()）。',
  },
  'wallet_closed/corporate_sub_wallet': {
    message: '该企业子钱包已被所属企业注销，无法使用。',
    hint: '其账单仍可查询。企业可用 openCorporateSubWallet() 开立新的子钱包。',
  },

  // Browser pages (sdk-react)
  'invalid_request/outside_provider': {
    message: '在 <EcnyProvider> 之外使用了数字人民币 hook。',
    hint: '请用 <EcnyProvider baseUrl clientToken> 包裹使用数字人民币 hook 的组件树。',
  },
  'insecure_environment/provider_credentials': {
    message: '<EcnyProvider> 收到了 {prop}：服务端凭证绝不能出现在浏览器中。',
    hint: '请在服务端签发短期客户端令牌（createClientToken），通过 clientToken 传入。',
  },
  'insecure_environment/token_is_key': {
    message: '{what} 看起来是私钥，而不是客户端令牌。',
    hint: '私钥只能留在服务端。请在服务端签发短期客户端令牌（createClientToken）并传入该令牌。',
  },
  'authentication_failed/no_token': {
    message: '没有客户端令牌：此请求无法认证。',
    hint: '请向 <EcnyProvider> 传入 clientToken（令牌本身，或从后端获取令牌的函数）。',
  },
  'authentication_failed/empty_token': {
    message: '客户端令牌来源没有返回令牌。',
    hint: '请让令牌接口返回 createClientToken 结果中的 `token`（或整个结果）。',
  },
  'invalid_request/checkout_amount': {
    message: '请求无效：amount：{amount} 不是以分为单位的正整数。',
    hint: '请以分为单位传入金额（parseYuan("12.34") → 1234）。',
  },
  'invalid_response/checkout_no_order': {
    message: 'createOrder 没有返回订单：必须包含 orderId 和 qrPayload。',
    hint: '请返回后端所创建订单的 { orderId, qrPayload, amount, expiresAt, clientToken }。',
  },
  'invalid_response/checkout_amount': {
    message: '订单 {orderId} 的金额是 {received}，而不是本页面请求的 ¥{asked}。',
    hint: '该订单未展示给用户支付。请严格按页面发送的金额（单位：分）创建订单。',
  },
}
