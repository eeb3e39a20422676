const HEAD_BYTES = 256 * 1024;
const TAIL_BYTES = 64 * 1024;

export interface HeadTail {
	head: string;
	tail: string;
	/** The head is the whole file. */
	complete: boolean;
}

/** The decoded start and end of a UTF-8 file, for sniffing its dialect and footer. */
export async function readHeadTail(blob: Blob): Promise<HeadTail> {
	const decode = async (from: number, to: number) => new TextDecoder('utf-8').decode(await blob.slice(from, to).arrayBuffer());
	const complete = blob.size <= HEAD_BYTES;
	const head = await decode(0, Math.min(blob.size, HEAD_BYTES));
	if (complete) return { head, tail: head, complete };
	const tailText = await decode(Math.max(HEAD_BYTES, blob.size - TAIL_BYTES), blob.size);
	// The tail starts mid-line: keep whole lines only.
	const firstBreak = tailText.search(/[\r\n]/);
	return { head, tail: firstBreak < 0 ? '' : tailText.slice(firstBreak + 1), complete };
}
