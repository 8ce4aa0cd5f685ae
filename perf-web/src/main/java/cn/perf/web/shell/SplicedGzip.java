package cn.perf.web.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.tomcat.util.http.parser.AcceptEncoding;

/**
 * A page compressed once, with different short texts (the session's CSRF token, the one-time notices) put between its
 * parts for every response, without compressing it again (RFC 1951/1952).
 *
 * <p>Each part is compressed on its own as raw deflate ending in a full flush: the output ends on a byte boundary,
 * no block is final, and nothing later refers back into it, so parts and texts can be joined in any order. A text
 * goes in as a stored (uncompressed) block; an empty final block ends the stream; the gzip header and trailer (CRC-32
 * and length of the whole text) wrap it. Compressing 220 KB of a 40-row form costs milliseconds once per version.
 *
 * <p><b>Only the compressed bytes are kept</b> (a tenth of the plain text), with each part's plain length and CRC-32:
 * the CRC-32 of a response is combined from its parts' and its texts' ({@link #combine}, zlib's
 * {@code crc32_combine}), a few microseconds. Keeping the plain text too made a kept 40-row page 240 KB, and at
 * 2,000 deadline-week users the pages in use no longer fitted in the page cache (docs/performance.md). A client that
 * does not accept gzip (rare: every browser does) gets the parts decompressed again ({@link #writePlain}).
 */
final class SplicedGzip {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /** An empty stored block marked final. */
    private static final byte[] FINAL_BLOCK = {1, 0, 0, (byte) 0xff, (byte) 0xff};
    /**
     * zlib's level 3, the last of its fast levels: a 222 KB edit page compresses to 20.5 KB in 0.6 ms, against
     * 16.4 KB in 1.4 ms at the default level 6 (measured with the same zlib). A page is compressed once per version,
     * but under deadline load every save renders and compresses two (the edit and the read page), on the CPU the
     * pages share; 4 KB more per response is nothing on any network the users have.
     */
    static final int LEVEL = 3;
    /** A stored block holds at most this many bytes. */
    private static final int MAX_STORED = 65_535;

    private static final long POLY = 0xedb88320L;
    /** {@code X2N[k]} is x^(2^k) modulo the CRC-32 polynomial (zlib's x2n_table). */
    private static final long[] X2N = new long[32];

    static {
        long p = 1L << 30; // x^1
        X2N[0] = p;
        for (int n = 1; n < 32; n++) {
            X2N[n] = p = multiplyModP(p, p);
        }
    }

    private final List<byte[]> deflated;
    private final long[] plainLengths;
    private final long[] plainCrcs;

    private SplicedGzip(List<byte[]> deflated, long[] plainLengths, long[] plainCrcs) {
        this.deflated = deflated;
        this.plainLengths = plainLengths;
        this.plainCrcs = plainCrcs;
    }

    /** The parts, compressed. */
    static SplicedGzip of(List<byte[]> parts) {
        List<byte[]> out = new ArrayList<>(parts.size());
        long[] lengths = new long[parts.size()];
        long[] crcs = new long[parts.size()];
        Deflater deflater = new Deflater(LEVEL, true);
        CRC32 crc = new CRC32();
        try {
            byte[] buffer = new byte[16 * 1024];
            for (byte[] part : parts) {
                crc.reset();
                crc.update(part);
                crcs[out.size()] = crc.getValue();
                lengths[out.size()] = part.length;
                deflater.reset();
                deflater.setInput(part);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length / 6 + 64);
                int n;
                do {
                    n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
                    bytes.write(buffer, 0, n);
                } while (n == buffer.length); // a full flush consumes all input once output space is left over
                out.add(bytes.toByteArray());
            }
        } finally {
            deflater.end();
        }
        return new SplicedGzip(List.copyOf(out), lengths, crcs);
    }

    /** How many parts (one more than the joints {@link #write} takes). */
    int parts() {
        return deflated.size();
    }

    /** Compressed bytes held (for the cache's weight). */
    long compressedBytes() {
        long n = 0;
        for (byte[] d : deflated) {
            n += d.length;
        }
        return n;
    }

    /** The length of {@link #write} with {@code joint} between every two parts. */
    long length(byte[] joint) {
        return length(Collections.nCopies(deflated.size() - 1, joint));
    }

    /** The length of {@link #write(List, OutputStream)} with these joints. */
    long length(List<byte[]> joints) {
        long n = HEADER.length + FINAL_BLOCK.length + 8 + compressedBytes();
        for (byte[] joint : joints) {
            n += stored(joint.length);
        }
        return n;
    }

    /** Writes the gzip stream of the parts joined by {@code joint}. */
    void write(byte[] joint, OutputStream out) throws IOException {
        write(Collections.nCopies(deflated.size() - 1, joint), out);
    }

    /**
     * Writes the gzip stream of the parts with {@code joints.get(i)} between part {@code i} and part {@code i + 1}
     * (one joint fewer than parts).
     */
    void write(List<byte[]> joints, OutputStream out) throws IOException {
        requireJointsFor(joints);
        CRC32 jointCrc = new CRC32();
        long crc = 0;
        long size = 0;
        out.write(HEADER);
        for (int i = 0; i < deflated.size(); i++) {
            if (i > 0) {
                byte[] joint = joints.get(i - 1);
                writeStored(joint, out);
                jointCrc.reset();
                jointCrc.update(joint);
                crc = combine(crc, jointCrc.getValue(), joint.length);
                size += joint.length;
            }
            out.write(deflated.get(i));
            crc = combine(crc, plainCrcs[i], plainLengths[i]);
            size += plainLengths[i];
        }
        out.write(FINAL_BLOCK);
        writeIntLe(out, crc);
        writeIntLe(out, size);
    }

    private void requireJointsFor(List<byte[]> joints) {
        if (joints.size() != deflated.size() - 1) {
            throw new IllegalArgumentException(deflated.size() + " parts need " + (deflated.size() - 1)
                    + " joints, not " + joints.size());
        }
    }

    /** The length of the plain text {@link #writePlain} writes with these joints. */
    long plainLength(List<byte[]> joints) {
        long n = 0;
        for (long length : plainLengths) {
            n += length;
        }
        for (byte[] joint : joints) {
            n += joint.length;
        }
        return n;
    }

    /**
     * Writes the plain text, the parts decompressed again, with {@code joints.get(i)} between part {@code i} and part
     * {@code i + 1}: for a client that does not accept gzip.
     */
    void writePlain(List<byte[]> joints, OutputStream out) throws IOException {
        requireJointsFor(joints);
        Inflater inflater = new Inflater(true);
        try {
            byte[] buffer = new byte[16 * 1024];
            for (int i = 0; i < deflated.size(); i++) {
                if (i > 0) {
                    out.write(joints.get(i - 1));
                }
                inflater.reset();
                inflater.setInput(deflated.get(i));
                long left = plainLengths[i];
                while (left > 0) {
                    int n = inflater.inflate(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw new IllegalStateException("a kept part decompressed to fewer bytes than it had");
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("a kept part does not decompress", e);
        } finally {
            inflater.end();
        }
    }

    /**
     * The CRC-32 of A followed by B from the CRC-32 of A, that of B and B's length (zlib's {@code crc32_combine}:
     * A's CRC multiplied by x^(8·length) modulo the polynomial, plus B's).
     */
    static long combine(long crcA, long crcB, long lengthB) {
        return multiplyModP(xToThe8N(lengthB), crcA) ^ (crcB & 0xffffffffL);
    }

    /** x^(8n) modulo the polynomial. */
    private static long xToThe8N(long n) {
        long p = 1L << 31; // x^0
        int k = 3;         // 2^3 bits a byte
        while (n != 0) {
            if ((n & 1) != 0) {
                p = multiplyModP(X2N[k & 31], p);
            }
            n >>>= 1;
            k++;
        }
        return p;
    }

    /** a·b modulo the CRC-32 polynomial, both in the reflected bit order of CRC-32. */
    private static long multiplyModP(long a, long b) {
        long m = 1L << 31;
        long p = 0;
        while (true) {
            if ((a & m) != 0) {
                p ^= b;
                if ((a & (m - 1)) == 0) {
                    break;
                }
            }
            m >>>= 1;
            b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
        }
        return p;
    }

    /** Whether the request's {@code Accept-Encoding} headers accept gzip (a quality of 0 refuses it). */
    static boolean accepted(Enumeration<String> acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        while (acceptEncoding.hasMoreElements()) {
            String header = acceptEncoding.nextElement();
            try {
                for (AcceptEncoding e : AcceptEncoding.parse(new StringReader(header))) {
                    if (("gzip".equalsIgnoreCase(e.getEncoding()) || "x-gzip".equalsIgnoreCase(e.getEncoding()))
                            && e.getQuality() > 0) {
                        return true;
                    }
                }
            } catch (IOException | RuntimeException unreadable) {
                return false;
            }
        }
        return false;
    }

    private static long stored(int length) {
        long blocks = Math.max(1, (length + MAX_STORED - 1) / MAX_STORED);
        return blocks * 5 + length;
    }

    private static void writeStored(byte[] text, OutputStream out) throws IOException {
        int from = 0;
        do {
            int len = Math.min(MAX_STORED, text.length - from);
            out.write(0); // BFINAL 0, BTYPE 00 (stored), then padding to the byte boundary
            out.write(len & 0xff);
            out.write(len >>> 8);
            out.write(~len & 0xff);
            out.write((~len >>> 8) & 0xff);
            out.write(text, from, len);
            from += len;
        } while (from < text.length);
    }

    private static void writeIntLe(OutputStream out, long v) throws IOException {
        out.write((int) (v & 0xff));
        out.write((int) ((v >>> 8) & 0xff));
        out.write((int) ((v >>> 16) & 0xff));
        out.write((int) ((v >>> 24) & 0xff));
    }
}
