/** The participant page's entry: its own small bundle (never the facilitator's app). */
import { createRoot } from 'react-dom/client';
import '@fontsource/inter/400.css';
import '@fontsource/inter/700.css';
import './participant.css';
import { ParticipantApp } from './ParticipantApp';
import { RoomLine } from './connection';

const line = new RoomLine();
line.start();
createRoot(document.getElementById('root')!).render(<ParticipantApp line={line} />);
