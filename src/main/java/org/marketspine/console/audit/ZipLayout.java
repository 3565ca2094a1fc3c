package org.marketspine.console.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Checks that a bundle's zip holds nothing but its entries, one after another from its first
 * byte, then its central directory, then the end record — and that each entry's local header
 * says what the central directory says. A zip reader that trusts the central directory (the
 * verifier's) and one that streams the local headers ({@code jar x}, many unzip tools) then
 * show the same files: without this, bytes the central directory does not account for (a forged
 * zip in front, a local header longer than its directory entry, a hidden local entry) verified
 * while another reader showed the auditor a different report. Bundles over 4 GiB (zip64) are not
 * read.
 */
final class ZipLayout {
    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int DESCRIPTOR = 0x08074b50;
    private static final int LOCAL_HEADER = 30;
    private static final int CENTRAL_HEADER = 46;
    private static final int END_RECORD = 22;
    /** Bit 3: sizes and CRC follow the data in a descriptor (what ZipOutputStream writes for deflated entries). */
    private static final int HAS_DESCRIPTOR = 0x08;
    /** A size or offset field that says "see the zip64 extra field". */
    private static final long ZIP64 = 0xFFFFFFFFL;

    private ZipLayout() {}

    private record Entry(String name, byte[] rawName, int flags, int method, long crc, long compressed, long size, long offset) {}

    /** Null when the layout is exactly its entries; else what is wrong, for a FAILED verdict. */
    static String problem(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = ch.size();
            if (length < END_RECORD) return "not a readable zip file (too short)";
            ByteBuffer end = read(ch, length - END_RECORD, END_RECORD);
            if (end.getInt(0) != END) {
                return "not a readable zip file (it does not end with a zip's end record: cut short, not a zip, bytes or a comment after"
                        + " its end, or a zip64 bundle over 4 GiB)";
            }
            int count = Short.toUnsignedInt(end.getShort(10));
            long directorySize = Integer.toUnsignedLong(end.getInt(12));
            long directoryAt = Integer.toUnsignedLong(end.getInt(16));
            if (end.getShort(4) != 0 || end.getShort(6) != 0 || Short.toUnsignedInt(end.getShort(8)) != count) {
                return hidden("a zip split over several disks");
            }
            if (count > 64 || directorySize > 64 * 1024) return hidden("a central directory far larger than a bundle's five entries need");
            if (directoryAt + directorySize != length - END_RECORD) {
                return hidden("bytes between the zip's central directory and its end record, or a directory that is not where the end record says");
            }
            List<Entry> entries = new ArrayList<>();
            ByteBuffer dir = read(ch, directoryAt, (int) Math.min(directorySize, Integer.MAX_VALUE));
            int at = 0;
            for (int i = 0; i < count; i++) {
                if (at + CENTRAL_HEADER > dir.limit() || dir.getInt(at) != CENTRAL) return hidden("a damaged central directory");
                int nameLength = Short.toUnsignedInt(dir.getShort(at + 28));
                int extraLength = Short.toUnsignedInt(dir.getShort(at + 30));
                int commentLength = Short.toUnsignedInt(dir.getShort(at + 32));
                if (at + CENTRAL_HEADER + nameLength > dir.limit()) return hidden("a damaged central directory");
                byte[] rawName = new byte[nameLength];
                dir.get(at + CENTRAL_HEADER, rawName);
                entries.add(new Entry(new String(rawName, StandardCharsets.UTF_8), rawName, Short.toUnsignedInt(dir.getShort(at + 8)),
                        Short.toUnsignedInt(dir.getShort(at + 10)), Integer.toUnsignedLong(dir.getInt(at + 16)),
                        Integer.toUnsignedLong(dir.getInt(at + 20)), Integer.toUnsignedLong(dir.getInt(at + 24)),
                        Integer.toUnsignedLong(dir.getInt(at + 42))));
                Entry last = entries.getLast();
                if (last.compressed() == ZIP64 || last.size() == ZIP64 || last.offset() == ZIP64) {
                    return BundleVerifier.printable(last.name()) + ": in zip64 form (an entry of gigabytes), which no bundle needs and this"
                            + " verifier does not read";
                }
                at += CENTRAL_HEADER + nameLength + extraLength + commentLength;
            }
            if (at != directorySize) return hidden("the central directory holds more than its entries");
            entries.sort(Comparator.comparingLong(Entry::offset));
            long expected = 0;
            for (Entry e : entries) {
                String name = BundleVerifier.printable(e.name());
                if (e.offset() != expected) {
                    return hidden(e.offset() > expected ? "bytes the central directory does not account for before " + name
                            : name + " overlaps the entry before it");
                }
                if (e.offset() + LOCAL_HEADER > directoryAt) return hidden(name + ": its local header is past the entries");
                ByteBuffer local = read(ch, e.offset(), LOCAL_HEADER);
                if (local.getInt(0) != LOCAL) return hidden(name + ": no local header where the central directory says");
                int nameLength = Short.toUnsignedInt(local.getShort(26));
                int extraLength = Short.toUnsignedInt(local.getShort(28));
                byte[] localName = new byte[nameLength];
                read(ch, e.offset() + LOCAL_HEADER, nameLength).get(0, localName);
                if (!Arrays.equals(localName, e.rawName())) return hidden(name + ": its local header names another file");
                if (Short.toUnsignedInt(local.getShort(6)) != e.flags() || Short.toUnsignedInt(local.getShort(8)) != e.method()) {
                    return hidden(name + ": its local header and the central directory disagree on how it is stored");
                }
                boolean descriptor = (e.flags() & HAS_DESCRIPTOR) != 0;
                if (!descriptor && (Integer.toUnsignedLong(local.getInt(14)) != e.crc()
                        || Integer.toUnsignedLong(local.getInt(18)) != e.compressed() || Integer.toUnsignedLong(local.getInt(22)) != e.size())) {
                    return hidden(name + ": its local header and the central directory disagree on its size or checksum");
                }
                long next = e.offset() + LOCAL_HEADER + nameLength + extraLength + e.compressed();
                if (descriptor) {
                    if (next + 12 > directoryAt) return hidden(name + ": its data runs past the entries");
                    ByteBuffer d = read(ch, next, (int) Math.min(16, directoryAt - next));
                    int skip = d.limit() >= 16 && d.getInt(0) == DESCRIPTOR ? 4 : 0;
                    if (Integer.toUnsignedLong(d.getInt(skip)) != e.crc() || Integer.toUnsignedLong(d.getInt(skip + 4)) != e.compressed()
                            || Integer.toUnsignedLong(d.getInt(skip + 8)) != e.size()) {
                        return hidden(name + ": its data descriptor and the central directory disagree");
                    }
                    next += skip + 12;
                }
                expected = next;
            }
            if (expected != directoryAt) return hidden("bytes the central directory does not account for after the last entry");
            return null;
        }
    }

    /** A layout problem, with why it matters: a bundle must read the same in every zip tool. */
    private static String hidden(String what) {
        return what + " — another zip tool could show other files than the ones verified";
    }

    private static ByteBuffer read(FileChannel ch, long at, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) throw new IOException("the zip ends early");
        }
        return b.flip();
    }
}
