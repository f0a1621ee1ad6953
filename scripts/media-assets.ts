// Makes the mock's shipped video files (src/mock/media/assets/), one per size, duration and sound
// that the fixtures' video models can claim (src/mock/media/sizes.ts): H.264 in MP4 with the moov atom
// first (`+faststart`, so a browser plays it without Range requests), at the model's fps, a solid
// colour at a very low bitrate so that the set stays small; with sound, a silent AAC track.
// Needs ffmpeg at build time only (apt-get install -y ffmpeg); the mock reads the files as they are.
//   npx tsx scripts/media-assets.ts
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadDefaultFixtures } from '../src/mock/fixtures.ts';
import { videoFileName, videoFiles, type VideoFile } from '../src/mock/media/sizes.ts';
import { root } from './root.ts';

const dir = join(root, 'src/mock/media/assets');

function make(file: VideoFile, out: string) {
  const video = `color=c=0x2f4f6f:s=${file.width}x${file.height}:r=${file.fps}:d=${file.duration}`;
  const audio = file.sound ? ['-f', 'lavfi', '-i', 'anullsrc=r=22050:cl=mono'] : [];
  const audioCodec = file.sound ? ['-c:a', 'aac', '-b:a', '8k', '-t', String(file.duration)] : ['-an'];
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', video, ...audio],
    ...['-c:v', 'libx264', '-preset', 'medium', '-tune', 'stillimage', '-crf', '51', '-pix_fmt', 'yuv420p'],
    ...[...audioCodec, '-map_metadata', '-1', '-fflags', '+bitexact', '-movflags', '+faststart', out],
  ]);
}

mkdirSync(dir, { recursive: true });
const wanted = new Set<string>();
for (const file of videoFiles(loadDefaultFixtures())) {
  const name = videoFileName(file);
  wanted.add(name);
  make(file, join(dir, name));
}
for (const name of readdirSync(dir)) if (!wanted.has(name)) rmSync(join(dir, name));
const bytes = [...wanted].reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
console.log(`${wanted.size} video files in src/mock/media/assets, ${(bytes / 1024).toFixed(0)} KiB in all`);
