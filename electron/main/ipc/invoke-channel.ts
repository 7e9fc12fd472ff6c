import { z } from 'zod';
import { channels, type Channel } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import { failure, success, type Envelope } from '../../../shared/ipc/envelope';
import { AppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import type { ChannelHandlers } from './channel-handlers';

const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && (channels as readonly string[]).includes(value);

/**
 * Runs one call from the renderer: parse the payload with the contract, run the feature,
 * check what it returns, and wrap the outcome in an envelope. Never throws: anything the
 * renderer sends ends as a typed error or a valid result. Used by the IPC registration
 * and, in end-to-end tests, by the Playwright bridge: both take the same path.
 */
export async function invokeChannel(
  handlers: ChannelHandlers,
  channel: unknown,
  payload: unknown,
  logger: Logger,
): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return failure('INVALID_INPUT', 'Margin received a request it does not know and ignored it.');
  }
  const spec = contract[channel];
  const input = spec.input.safeParse(payload);
  if (!input.success) {
    logger.warn(`Refused invalid input on ${channel}: ${z.prettifyError(input.error)}`);
    return failure(
      'INVALID_INPUT',
      `Margin refused a malformed request (${channel}): ${z.prettifyError(input.error)}`,
    );
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    const output = spec.output.safeParse(await handler(input.data));
    if (!output.success) {
      logger.error(`Handler for ${channel} broke the contract: ${z.prettifyError(output.error)}`);
      return failure('INTERNAL', internalMessage);
    }
    return success(output.data);
  } catch (error) {
    if (error instanceof AppError) {
      if (error.cause) logger.warn(`${channel}: ${error.message}`, error.cause);
      return failure(error.code, error.message);
    }
    logger.error(`Unexpected error on ${channel}`, error);
    return failure('INTERNAL', internalMessage);
  }
}

const internalMessage =
  'Margin hit an internal error and could not finish this action. Details are in the log file; if it happens again, restart Margin.';
