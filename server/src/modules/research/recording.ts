// Whether an attachment is (or may be) a recording, which needs the participant's recording
// consent. The declared media type alone is the client's word: a file counts as a recording when
// its type, its file name's extension or its first bytes say audio or video.

const RECORDING_EXTENSIONS = new Set([
  'mp3',
  'wav',
  'm4a',
  'aac',
  'ogg',
  'oga',
  'opus',
  'flac',
  'wma',
  'amr',
  'aif',
  'aiff',
  'mp4',
  'm4v',
  'mov',
  'webm',
  'mkv',
  'avi',
  'wmv',
  '3gp',
  'mpg',
  'mpeg',
]);

const startsWith = (b: Buffer, bytes: number[], at = 0) =>
  b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Audio and video containers recognised by their first bytes. */
function looksLikeRecording(b: Buffer): boolean {
  return (
    startsWith(b, ascii('ID3')) || // MP3 with an ID3 tag
    (b.length >= 2 && b[0] === 0xff && (b[1]! & 0xe0) === 0xe0) || // MPEG audio frame, ADTS AAC
    (startsWith(b, ascii('RIFF')) &&
      (startsWith(b, ascii('WAVE'), 8) || startsWith(b, ascii('AVI '), 8))) ||
    startsWith(b, ascii('OggS')) ||
    startsWith(b, ascii('fLaC')) ||
    startsWith(b, ascii('FORM')) || // AIFF
    startsWith(b, ascii('#!AMR')) ||
    startsWith(b, ascii('ftyp'), 4) || // MP4, M4A, MOV, 3GP
    startsWith(b, [0x1a, 0x45, 0xdf, 0xa3]) || // Matroska, WebM
    startsWith(b, [0x30, 0x26, 0xb2, 0x75]) // ASF: WMA, WMV
  );
}

export function isRecording(mediaType: string, filename: string, bytes: Buffer): boolean {
  if (/^(audio|video)\//i.test(mediaType)) return true;
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  if (ext !== undefined && RECORDING_EXTENSIONS.has(ext)) return true;
  return looksLikeRecording(bytes);
}
