import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * The custom search attributes the sagas keep current, so runs can be filtered in the Temporal UI
 * and listed by the API. The dev server registers them at start; a production cluster needs
 * `temporal operator search-attribute create` once for each (see the README).
 *
 * This module is imported by workflow code, so it must stay free of Node APIs.
 */
export const SagaType = defineSearchAttributeKey('SagaType', SearchAttributeType.KEYWORD);
export const SagaStatus = defineSearchAttributeKey('SagaStatus', SearchAttributeType.KEYWORD);
export const CustomerId = defineSearchAttributeKey('CustomerId', SearchAttributeType.KEYWORD);

export const sagaSearchAttributes = [SagaType, SagaStatus, CustomerId];

/** The `--search-attribute Name=Type` spelling that `temporal server start-dev` expects. */
export function devServerSearchAttributeFlags(): string[] {
  return sagaSearchAttributes.flatMap((key) => ['--search-attribute', `${key.name}=Keyword`]);
}
