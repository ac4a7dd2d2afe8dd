/**
 * Says so when the connection to Journeywall has been down for more than a moment (web host only:
 * in the desktop app the connection cannot drop).
 */
import { useEffect, useState } from 'react';
import { useApi, useConnectionStatus } from '../api/ApiContext';

const GRACE_MS = 2_500;

export function ConnectionBanner() {
  const client = useApi();
  const status = useConnectionStatus();
  const [show, setShow] = useState(false);
  useEffect(() => {
    if (status === 'open') {
      setShow(false);
      return;
    }
    const timer = setTimeout(() => setShow(true), GRACE_MS);
    return () => clearTimeout(timer);
  }, [status]);
  if (!show || client.transport !== 'websocket') return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner">
      <strong>{status === 'connecting' ? 'Connecting to Journeywall…' : 'The connection to Journeywall was lost. Reconnecting…'}</strong>{' '}
      <span>Changes made meanwhile are sent when it is back (if that takes more than a minute they are not saved, and the map shows what was saved). If Journeywall was restarted, open the new address it printed.</span>
    </div>
  );
}
