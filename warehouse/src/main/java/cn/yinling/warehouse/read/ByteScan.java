package cn.yinling.warehouse.read;

/**
 * What the encoding check needs to know about a file's bytes, gathered in one pass that may be fed piece by piece
 * (so the landing step can do it while it copies and hashes the upload, instead of reading the file again): UTF-8
 * validity (RFC 3629: no overlongs, surrogates or code points past U+10FFFF), NUL bytes, control bytes. Not thread
 * safe; feed the pieces in file order.
 */
public final class ByteScan {

    private long size;
    private long nulBytes;
    private long controlBytes;
    private boolean valid = true;
    /** Continuation bytes still expected, and the allowed range of the next one. */
    private int need;
    private int lo = 0x80;
    private int hi = 0xBF;

    /** Scans the next {@code length} bytes of the file. */
    public void update(byte[] buf, int offset, int length) {
        size += length;
        int need = this.need;
        int lo = this.lo;
        int hi = this.hi;
        boolean valid = this.valid;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int b = buf[i] & 0xFF;
            if (need == 0) {
                if (b >= 0x20 && b < 0x7F) {
                    continue; // printable ASCII: the bulk of a CSV
                }
                if (b < 0x80) {
                    if (b == 0) {
                        nulBytes++;
                    } else if (b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1A) {
                        controlBytes++;
                    }
                    continue;
                }
                if (!valid) {
                    continue;
                }
                if (b >= 0xC2 && b <= 0xDF) {
                    need = 1;
                } else if (b == 0xE0) {
                    need = 2;
                    lo = 0xA0;
                } else if (b >= 0xE1 && b <= 0xEF) {
                    need = 2;
                    if (b == 0xED) {
                        hi = 0x9F;
                    }
                } else if (b == 0xF0) {
                    need = 3;
                    lo = 0x90;
                } else if (b >= 0xF1 && b <= 0xF3) {
                    need = 3;
                } else if (b == 0xF4) {
                    need = 3;
                    hi = 0x8F;
                } else {
                    valid = false;
                }
            } else {
                if (b < lo || b > hi) {
                    valid = false;
                    need = 0;
                    // re-examine this byte as a new start: it may be a NUL or control byte
                    i--;
                } else {
                    need--;
                }
                lo = 0x80;
                hi = 0xBF;
            }
        }
        this.need = need;
        this.lo = lo;
        this.hi = hi;
        this.valid = valid;
    }

    long size() {
        return size;
    }

    long nulBytes() {
        return nulBytes;
    }

    long controlBytes() {
        return controlBytes;
    }

    /** Whether every byte fed so far is valid UTF-8, with no sequence left unfinished. */
    boolean validUtf8() {
        return valid && need == 0;
    }
}
