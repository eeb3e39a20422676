/**
 * Usable, unique column names from a header row: trimmed, empty ones named by position,
 * repeats numbered (`a`, `a_2`, `a_3`).
 */
export function uniqueNames(raw: string[]): string[] {
	const seen = new Set<string>();
	return raw.map((value, i) => {
		let base = value.replace(/^\uFEFF/, '').trim();
		if (!base) base = `column${i + 1}`;
		let name = base;
		for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}_${n}`;
		seen.add(name.toLowerCase());
		return name;
	});
}
