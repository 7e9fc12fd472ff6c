import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useLibraryStore } from '../stores/library-store';

/** Tells the analyst, once per start, about every store file that was damaged and set aside. */
export function useStoreNotices(): void {
  const notices = useLibraryStore((s) => s.status?.notices);
  const error = useLibraryStore((s) => s.error);

  useEffect(() => {
    for (const notice of notices ?? []) {
      notifications.show({
        id: `store-notice-${notice.file}`,
        color: 'red',
        autoClose: false,
        title: `${notice.file} was damaged`,
        message: [
          `It could not be read: ${notice.reason}.`,
          notice.setAsideAs ? `Margin set it aside as ${notice.setAsideAs}.` : '',
          notice.outcome,
        ]
          .filter(Boolean)
          .join(' '),
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
