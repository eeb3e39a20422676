/**
 * A stand-in for a `File` registered with DuckDB's file-reader protocol: DuckDB reads
 * it by `slice()`, never whole, and the furthest byte asked for is the load's progress.
 */
export class ProgressFile {
	private readonly file: Blob;
	bytesRead = 0;

	constructor(file: Blob) {
		this.file = file;
	}

	get size(): number {
		return this.file.size;
	}

	slice(start?: number, end?: number): Blob {
		const stop = Math.min(end ?? this.file.size, this.file.size);
		if (stop > this.bytesRead) this.bytesRead = stop;
		return this.file.slice(start, end);
	}
}
