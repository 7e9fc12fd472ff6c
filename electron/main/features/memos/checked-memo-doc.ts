import type { MemoDoc } from '../../../../shared/domain/memo-doc';
import {
  assertMemoDocStructure,
  MemoDocStructureError,
} from '../../../../shared/memo/memo-doc-structure';
import { AppError } from '../../errors/app-error';

/**
 * The memo body as the editor's schema accepts it (the contract checked types, links and
 * bounds); anything else is refused as INVALID_INPUT before a byte is written.
 */
export function checkedMemoDoc(doc: MemoDoc): MemoDoc {
  try {
    assertMemoDocStructure(doc);
  } catch (error) {
    if (error instanceof MemoDocStructureError) {
      throw new AppError('INVALID_INPUT', `${error.message} Nothing was saved.`);
    }
    throw error;
  }
  return doc;
}
