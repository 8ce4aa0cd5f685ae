package cn.perf.web.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** Zip entry names: GBK in the header for Windows' zip folder, the UTF-8 name in the Unicode Path extra field. */
class FormZipTest {

    @Test
    void aChineseNameIsGbkInTheHeaderAndUtf8InTheUnicodePathField() {
        ZipEntry e = FormZip.entry("苏州市住建局“互联网+监管”-申报表.pdf", FormZip.GBK.newEncoder());

        assertThat(e.getName()).isEqualTo("苏州市住建局“互联网+监管”-申报表.pdf");
        assertThat(unicodePath(e.getExtra())).isEqualTo("苏州市住建局“互联网+监管”-申报表.pdf");
        ByteBuffer extra = ByteBuffer.wrap(e.getExtra()).order(ByteOrder.LITTLE_ENDIAN);
        extra.position(5);
        CRC32 crc = new CRC32();
        crc.update(e.getName().getBytes(FormZip.GBK));
        assertThat(Integer.toUnsignedLong(extra.getInt())).as("CRC-32 of the header's name").isEqualTo(crc.getValue());
    }

    @Test
    void aCharacterGbkCannotHoldIsAnUnderscoreInTheHeaderOnly() {
        ZipEntry e = FormZip.entry("智慧城管😀项目-自评表.pdf", FormZip.GBK.newEncoder());

        assertThat(e.getName()).isEqualTo("智慧城管_项目-自评表.pdf");
        assertThat(unicodePath(e.getExtra())).isEqualTo("智慧城管😀项目-自评表.pdf");
    }

    /** The name in an Info-ZIP Unicode Path extra field (0x7075), or null when there is none. */
    static String unicodePath(byte[] extra) {
        if (extra == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(extra).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() >= 4) {
            int id = Short.toUnsignedInt(b.getShort());
            int size = Short.toUnsignedInt(b.getShort());
            if (id == 0x7075) {
                byte[] name = new byte[size - 5];
                b.position(b.position() + 5);
                b.get(name);
                return new String(name, StandardCharsets.UTF_8);
            }
            b.position(b.position() + size);
        }
        return null;
    }
}
