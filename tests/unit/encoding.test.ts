import { describe, expect, it } from 'vitest';
import { detectEncoding } from '../../src/lib/ingest/detect-encoding';
import { scoreLegacy } from '../../src/lib/ingest/encoding';
import { encodeLegacy, encodeUtf16 } from '../helpers/legacy-encode';

async function* chunksOf(bytes: Uint8Array, size = 7) {
	for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const chinese = '工单号,客户ID,渠道,状态,创建时间\nT001,C001,微信,已解决,2025-01-02 10:00:00\nT002,C002,电话,处理中,2025-01-03 11:00:00\n';
const japanese = '顧客ID,氏名,住所\n1,山田太郎,東京都千代田区\n2,佐藤花子,大阪府大阪市\n3,鈴木一郎,ほっかいどう\n';
const latin = 'id,name,city\n1,Müller,Zürich\n2,José Núñez,São Paulo\n3,Françoise,Besançon\n4,Björk,Reykjavík\n';

describe('detectEncoding', () => {
	it('reads valid UTF-8 as UTF-8, even when multi-byte characters straddle chunks', async () => {
		const guess = await detectEncoding(chunksOf(new TextEncoder().encode(chinese), 5));
		expect(guess).toEqual({ encoding: 'utf-8', reason: 'utf-8' });
	});

	it('takes byte-order marks at their word', async () => {
		expect(await detectEncoding(chunksOf(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a])))).toEqual({ encoding: 'utf-8', reason: 'bom' });
		expect((await detectEncoding(chunksOf(encodeUtf16(latin, 'le')))).encoding).toBe('utf-16le');
		expect((await detectEncoding(chunksOf(encodeUtf16(latin, 'be')))).encoding).toBe('utf-16be');
	});

	it.each([
		['gb18030', chinese],
		['shift_jis', japanese],
		['windows-1252', latin]
	] as const)('scores a %s file as %s', async (encoding, text) => {
		const guess = await detectEncoding(chunksOf(encodeLegacy(text, encoding), 64));
		expect(guess.encoding).toBe(encoding);
		expect(guess.reason).toBe('scored');
	});

	it('decides on all bytes: invalid UTF-8 after a long valid start is still found', async () => {
		const ascii = 'id,name\n' + '1,plain ascii row\n'.repeat(100_000);
		const bytes = new Uint8Array([...new TextEncoder().encode(ascii), ...encodeLegacy('2,Müller\n', 'windows-1252')]);
		const guess = await detectEncoding(chunksOf(bytes, 65536));
		expect(guess.encoding).toBe('windows-1252');
	});

	it('scores every legacy candidate and prefers the plausible one by a margin', () => {
		const { scores } = scoreLegacy(encodeLegacy(chinese, 'gb18030'));
		expect(scores!.gb18030).toBeGreaterThan(scores!['windows-1252']! + 1);
		expect(scores!.gb18030).toBeGreaterThan(scores!.shift_jis!);
	});
});
