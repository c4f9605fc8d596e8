package mtcheck

// UTF16Offset converts a byte offset in the text to the number of UTF-16
// code units before it, as SARIF's charOffset and JavaScript string indexes
// count. Offsets outside the text are clamped to it; an offset inside a
// multi-byte character counts that character as not yet begun.
func (d *Document) UTF16Offset(off int) int {
	off = max(0, min(off, len(d.text)))
	_, u := d.counts(off)
	return u
}
