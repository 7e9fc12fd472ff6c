import { useEffect, useState } from 'react';
import type { ClaimRelations } from '../../../../shared/domain/claim-relations';
import { requireWorkbench } from '../../lib/require-workbench';
import { errorMessage } from '../../lib/workbench-client';
import { useLinkingStore } from '../../stores/linking-store';

export type RelationsState =
  | { status: 'loading' }
  | { status: 'ready'; relations: ClaimRelations }
  | { status: 'error'; message: string };

/** A claim's links, loaded again whenever a link changes anywhere or the claim is edited. */
export function useClaimRelations(
  articleId: string,
  id: string,
  updatedAt: string,
): RelationsState {
  const version = useLinkingStore((s) => s.version);
  const [state, setState] = useState<RelationsState>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    requireWorkbench()
      .claims.relations({ articleId, id })
      .then((relations) => current && setState({ status: 'ready', relations }))
      .catch(
        (error: unknown) => current && setState({ status: 'error', message: errorMessage(error) }),
      );
    return () => {
      current = false;
    };
  }, [articleId, id, updatedAt, version]);
  return state;
}
