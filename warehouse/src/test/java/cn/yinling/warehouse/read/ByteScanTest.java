package cn.yinling.warehouse.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteScanTest {

    /** Pieces of text a CSV holds, and the bytes that break UTF-8 or count as control bytes. */
    private static final byte[][] PIECES = {
            "320302197110134794,".getBytes(StandardCharsets.UTF_8),
            "陈善庆,".getBytes(StandardCharsets.UTF_8),
            "𠀀".getBytes(StandardCharsets.UTF_8),
            "M,1971-10-13\n".getBytes(StandardCharsets.UTF_8),
            "\r\n\t\f".getBytes(StandardCharsets.UTF_8),
            {0x1A}, {0x00}, {0x01}, {0x1F}, {0x7F}, {0x7E, 0x20},
            {(byte) 0xC0, (byte) 0x80}, // overlong
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // surrogate
            {(byte) 0xE4, (byte) 0xB8}, // cut short
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
            {(byte) 0xFF},
    };

    @Test
    void agreesWithTheDecoderAndPlainCountsOnRandomTextFedInRandomPieces() {
        Random random = new Random(20261207);
        for (int round = 0; round < 2000; round++) {
            ByteBuffer text = ByteBuffer.allocate(4096);
            int pieces = 1 + random.nextInt(60);
            boolean clean = random.nextInt(3) == 0;
            for (int i = 0; i < pieces; i++) {
                text.put(PIECES[random.nextInt(clean ? 5 : PIECES.length)]);
            }
            byte[] bytes = new byte[text.position()];
            text.flip().get(bytes);

            ByteScan scan = new ByteScan();
            for (int from = 0; from < bytes.length; ) {
                int length = Math.min(bytes.length - from, random.nextInt(24));
                byte[] piece = new byte[length + 6];
                System.arraycopy(bytes, from, piece, 3, length);
                scan.update(piece, 3, length);
                from += length;
            }
            assertEquals(bytes.length, scan.size());
            assertEquals(count(bytes, true), scan.nulBytes(), "NUL bytes of round " + round);
            assertEquals(count(bytes, false), scan.controlBytes(), "control bytes of round " + round);
            assertEquals(decodes(bytes), scan.validUtf8(), "UTF-8 validity of round " + round);
        }
    }

    private static long count(byte[] bytes, boolean nul) {
        long n = 0;
        for (byte b : bytes) {
            if (nul ? b == 0 : b != 0 && (b > 0 && b < 0x20 && "\n\r\t\f\u001A".indexOf(b) < 0 || b == 0x7F)) {
                n++;
            }
        }
        return n;
    }

    private static boolean decodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
