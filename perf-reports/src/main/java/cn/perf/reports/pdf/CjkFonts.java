package cn.perf.reports.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Chinese font of the PDFs (DESIGN.md §6): one {@link BaseFont}, read once per JVM and shared by every document,
 * embedded as a subset (only the glyphs a document uses) with Identity-H encoding, so the text is extractable.
 * <ul>
 *   <li>{@link #notoSansSc()}: Noto Sans SC Regular (SIL OFL) from the Maven dependency
 *       {@code com.helger.font:ph-fonts-noto-sans-sc}; reading its 10 MB costs about half a second, once;</li>
 *   <li>{@link #fromFile(Path)}: a configured TrueType file ({@code .ttf}, or {@code .ttc} — the first font of
 *       the collection, e.g. 宋体 {@code simsun.ttc}), also read once per path.</li>
 * </ul>
 * A {@link BaseFont} keeps no per-document state (each document records the glyphs it uses in its own writer), so
 * sharing one between threads is safe.
 */
public final class CjkFonts {

    /** Where ph-fonts-noto-sans-sc keeps the regular weight. */
    static final String NOTO_SANS_SC = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

    private static final Map<Path, BaseFont> FILES = new ConcurrentHashMap<>();

    private CjkFonts() {
    }

    /** Noto Sans SC, read from the classpath the first time it is asked for. */
    public static BaseFont notoSansSc() {
        return NotoHolder.FONT;
    }

    /**
     * The font in {@code file} (a TrueType {@code .ttf}/{@code .otf} with TrueType outlines, or a {@code .ttc}),
     * read once per path.
     *
     * @throws IllegalArgumentException when the file is missing or not a font OpenPDF can embed
     */
    public static BaseFont fromFile(Path file) {
        Path key = file.toAbsolutePath().normalize();
        return FILES.computeIfAbsent(key, CjkFonts::read);
    }

    /** The configured font when {@code file} is given, else Noto Sans SC. */
    public static BaseFont configuredOrDefault(Path file) {
        return file == null ? notoSansSc() : fromFile(file);
    }

    private static BaseFont read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("找不到配置的 PDF 字体文件：" + file);
        }
        try {
            String name = file.getFileName().toString();
            if (name.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                name = name + ",0";
            }
            return create(name, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("读取 PDF 字体文件失败：" + file, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("PDF 字体文件不可用（需要 TrueType 字体 .ttf 或 .ttc）：" + file + "："
                    + e.getMessage(), e);
        }
    }

    private static BaseFont create(String name, byte[] bytes) throws DocumentException, IOException {
        BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
        font.setSubset(true);
        return font;
    }

    /** Initialization-on-demand: the font is read once, by the first thread that needs it. */
    private static final class NotoHolder {
        static final BaseFont FONT = load();

        private static BaseFont load() {
            try (InputStream in = CjkFonts.class.getClassLoader().getResourceAsStream(NOTO_SANS_SC)) {
                if (in == null) {
                    throw new IllegalStateException("类路径上没有 " + NOTO_SANS_SC
                            + "：需要依赖 com.helger.font:ph-fonts-noto-sans-sc");
                }
                return create("NotoSansSC-Regular.ttf", in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("读取 Noto Sans SC 字体失败", e);
            } catch (DocumentException e) {
                throw new IllegalStateException("Noto Sans SC 字体无法载入：" + e.getMessage(), e);
            }
        }
    }
}
