import { readFileSync } from 'node:fs';

/**
 * The duration of an MP4 file in seconds, read from its movie header (moov › mvhd), so that a
 * reel's length is measured from the media itself without ffprobe.
 */
export function mp4Duration(path: string): number {
  const data = readFileSync(path);
  const moov = findBox(data, 0, data.length, 'moov');
  if (!moov) throw new Error(`${path}: no moov box: not an MP4 file`);
  const mvhd = findBox(data, moov.start, moov.end, 'mvhd');
  if (!mvhd) throw new Error(`${path}: no mvhd box in moov`);
  const version = data.readUInt8(mvhd.start);
  const timescale = version === 1 ? data.readUInt32BE(mvhd.start + 20) : data.readUInt32BE(mvhd.start + 12);
  const duration = version === 1 ? Number(data.readBigUInt64BE(mvhd.start + 24)) : data.readUInt32BE(mvhd.start + 16);
  if (!timescale) throw new Error(`${path}: mvhd has a zero timescale`);
  return duration / timescale;
}

/** The payload range of the first box of `type` between `from` and `to`. */
function findBox(data: Buffer, from: number, to: number, type: string): { start: number; end: number } | null {
  let at = from;
  while (at + 8 <= to) {
    let size = data.readUInt32BE(at);
    let header = 8;
    if (size === 1) {
      size = Number(data.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < header) return null;
    if (data.toString('latin1', at + 4, at + 8) === type) return { start: at + header, end: at + size };
    at += size;
  }
  return null;
}

/**
 * The picture size of an MP4 file's video track, from its track header (moov › trak › tkhd), so
 * that a portrait cut is known to be taller than wide without ffprobe. Sound tracks have no size.
 */
export function mp4VideoSize(path: string): { width: number; height: number } {
  const data = readFileSync(path);
  const moov = findBox(data, 0, data.length, 'moov');
  if (!moov) throw new Error(`${path}: no moov box: not an MP4 file`);
  let at = moov.start;
  for (let trak = findBox(data, at, moov.end, 'trak'); trak; trak = findBox(data, at, moov.end, 'trak')) {
    at = trak.end;
    const tkhd = findBox(data, trak.start, trak.end, 'tkhd');
    if (!tkhd) continue;
    // Width and height are 16.16 fixed point, after the matrix: 76 bytes in, or 88 for version 1.
    const offset = tkhd.start + (data.readUInt8(tkhd.start) === 1 ? 88 : 76);
    const width = data.readUInt32BE(offset) / 65536;
    const height = data.readUInt32BE(offset + 4) / 65536;
    if (width > 0 && height > 0) return { width, height };
  }
  throw new Error(`${path}: no video track`);
}
