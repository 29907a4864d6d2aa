import { expect, it } from 'vitest'
import * as entry from './index.js'

it('exports exactly the public surface (a change here is a change to the public API)', () => {
  expect(Object.keys(entry).sort()).toMatchInlineSnapshot(`
    [
      "RailsError",
      "buildOpenApiDocument",
      "createCmbDoor",
      "createRails",
      "defaultCampaignHooks",
      "defaultLevelCaps",
      "defaultRefundWindowDays",
      "generateCmbGatewayKeys",
      "notificationRetrySchedule",
      "parseFaultSpec",
      "railsHandlers",
      "seedCmbMerchant",
      "startSandbox",
    ]
  `)
})
