import type { CallOptions } from '@ecny/sdk-core'
import {
  type CreateMerchantApplicationParameters,
  type CreateMerchantApplicationReturnType,
  createMerchantApplication,
} from '../../actions/onboarding/createMerchantApplication.js'
import {
  type CreateQrCodeParameters,
  type CreateQrCodeReturnType,
  createQrCode,
} from '../../actions/onboarding/createQrCode.js'
import {
  type CreateSceneParameters,
  type CreateSceneReturnType,
  createScene,
} from '../../actions/onboarding/createScene.js'
import {
  type CreateTerminalParameters,
  type CreateTerminalReturnType,
  createTerminal,
} from '../../actions/onboarding/createTerminal.js'
import {
  type GetMerchantParameters,
  type GetMerchantReturnType,
  getMerchant,
} from '../../actions/onboarding/getMerchant.js'
import {
  type SubmitMerchantApplicationParameters,
  type SubmitMerchantApplicationReturnType,
  submitMerchantApplication,
} from '../../actions/onboarding/submitMerchantApplication.js'
import {
  type UpdateMerchantApplicationParameters,
  type UpdateMerchantApplicationReturnType,
  updateMerchantApplication,
} from '../../actions/onboarding/updateMerchantApplication.js'
import {
  type UploadMerchantDocumentParameters,
  type UploadMerchantDocumentReturnType,
  uploadMerchantDocument,
} from '../../actions/onboarding/uploadMerchantDocument.js'
import type { MerchantBaseClient } from '../MerchantBaseClient.js'

type Read = Omit<CallOptions, 'idempotencyKey'>

export type OnboardingActions = {
  onboarding: {
    /** Starts an application. See {@link createMerchantApplication}. */
    createApplication: (
      parameters: CreateMerchantApplicationParameters,
      options?: CallOptions,
    ) => Promise<CreateMerchantApplicationReturnType>
    /** Uploads a document (SHA-256 computed locally). See {@link uploadMerchantDocument}. */
    uploadDocument: (
      parameters: UploadMerchantDocumentParameters,
      options?: CallOptions,
    ) => Promise<UploadMerchantDocumentReturnType>
    /** Sends the application to review. See {@link submitMerchantApplication}. */
    submit: (
      parameters?: SubmitMerchantApplicationParameters,
      options?: CallOptions,
    ) => Promise<SubmitMerchantApplicationReturnType>
    /** Reads status and rejections. See {@link getMerchant}. */
    get: (parameters?: GetMerchantParameters, options?: Read) => Promise<GetMerchantReturnType>
    /** Fixes a draft or rejected application. See {@link updateMerchantApplication}. */
    update: (
      parameters: UpdateMerchantApplicationParameters,
      options?: Read,
    ) => Promise<UpdateMerchantApplicationReturnType>
    /** Registers a retail, transit, government or utility scene. See {@link createScene}. */
    createScene: (parameters: CreateSceneParameters, options?: CallOptions) => Promise<CreateSceneReturnType>
    /** Registers a terminal in a scene. See {@link createTerminal}. */
    createTerminal: (
      parameters: CreateTerminalParameters,
      options?: CallOptions,
    ) => Promise<CreateTerminalReturnType>
    /** Creates a static or dynamic QR code. See {@link createQrCode}. */
    createQrCode: (
      parameters: CreateQrCodeParameters,
      options?: CallOptions,
    ) => Promise<CreateQrCodeReturnType>
  }
}

/**
 * Binds the onboarding actions as `client.onboarding.*`.
 *
 * @example
 * const { onboarding } = onboardingActions(base)
 * const application = await onboarding.createApplication({ … })
 */
export function onboardingActions(client: MerchantBaseClient): OnboardingActions {
  return {
    onboarding: {
      createApplication: (parameters, options) => createMerchantApplication(client, parameters, options),
      uploadDocument: (parameters, options) => uploadMerchantDocument(client, parameters, options),
      submit: (parameters, options) => submitMerchantApplication(client, parameters, options),
      get: (parameters, options) => getMerchant(client, parameters, options),
      update: (parameters, options) => updateMerchantApplication(client, parameters, options),
      createScene: (parameters, options) => createScene(client, parameters, options),
      createTerminal: (parameters, options) => createTerminal(client, parameters, options),
      createQrCode: (parameters, options) => createQrCode(client, parameters, options),
    },
  }
}
