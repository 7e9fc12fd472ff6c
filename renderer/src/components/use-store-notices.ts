import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import type { StoreNotice } from '../../../shared/domain/library-status';
import { shownNotices } from '../lib/shown-notices';
import { useLibraryStore } from '../stores/library-store';

const sentence = (text: string) => (text ? `${text.replace(/\.$/, '')}.` : '');

function noticeMessage(notice: StoreNotice): string {
  const parts = notice.title
    ? [sentence(notice.reason), notice.setAsideAs && `Margin kept it as ${notice.setAsideAs}.`]
    : [
        `It could not be read: ${sentence(notice.reason)}`,
        notice.setAsideAs && `Margin set it aside as ${notice.setAsideAs}.`,
      ];
  parts.push(notice.outcome);
  return parts.filter(Boolean).join(' ');
}

/**
 * Tells the analyst, once each, about what the store did on their behalf: a file that was
 * damaged and set aside, a conflict copy, a file put back from a rolling copy. Notices
 * arrive at startup and during the session (the library store polls).
 */
export function useStoreNotices(): void {
  const notices = useLibraryStore((s) => s.status?.notices);
  const error = useLibraryStore((s) => s.error);

  useEffect(() => {
    for (const notice of notices ?? []) {
      const key = shownNotices.key(notice);
      if (shownNotices.has(key)) continue;
      shownNotices.add(key);
      notifications.show({
        color: notice.title ? 'yellow' : 'red',
        autoClose: false,
        title: notice.title ?? `${notice.file} was damaged`,
        message: noticeMessage(notice),
      });
    }
  }, [notices]);

  useEffect(() => {
    if (error) {
      notifications.show({
        color: 'red',
        autoClose: false,
        title: 'Library unavailable',
        message: error,
      });
    }
  }, [error]);
}
