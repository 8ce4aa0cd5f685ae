package cn.perf.reports.pdf;

import cn.perf.reports.view.FormView;
import cn.perf.reports.view.FormView.Block;
import cn.perf.reports.view.FormView.Cell;
import cn.perf.reports.view.FormView.Grid;
import cn.perf.reports.view.FormView.Heading;
import cn.perf.reports.view.FormView.Kind;
import cn.perf.reports.view.FormView.Note;
import cn.perf.reports.view.FormView.Row;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfFormField;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * Draws any {@link FormView} as an A4 PDF (OpenPDF): the title on the first page, each {@link Grid} as bordered
 * tables with merged cells, {@link Heading}s and {@link Note}s between them, a running header and
 * "第 N 页 共 M 页" on every page. It makes no layout decision of its own — the view builders
 * ({@code DeclarationViews}, {@code EvaluationViews}) do — only these printing rules:
 * <ul>
 *   <li>Chinese text in one shared, subset-embedded {@link BaseFont} ({@link CjkFonts}), text extractable;
 *       labels bold (simulated, so one font file serves), shaded and centred; numbers right-aligned;</li>
 *   <li>line breaks by {@link ChineseLineBreaks}: no line starts with closing punctuation;</li>
 *   <li>a grid's header rows repeat on every page it continues on; a row is kept on one page unless it holds a long
 *       text block ({@link Kind#PARAGRAPHS} taller than {@value #FLOW_ROW_HEIGHT} pt), which flows onto the next page
 *       (never leaving fewer than two lines behind); a row taller than a page is split anyway;</li>
 *   <li>a heading or caption is never left at the foot of a page without the first rows that follow it; a grid
 *       lower than {@value #KEEP_TOGETHER_HEIGHT} pt (a sign-off block) is not broken across pages;</li>
 *   <li>consecutive grids join without a gap, so several grids read as one form; a note's paragraph is not broken
 *       across pages.</li>
 * </ul>
 * For a signed copy, {@link #render(FormView, SignatureSlot)} ends the document with an empty signature field
 * under a heading (a {@link SignatureSlot}): on the last page when it fits there, else on a page of its own, never over
 * the form. The field is what the signer ({@code cn.perf.reports.sign}) fills in; the plain exports carry none.
 * Thread-safe: each call builds its own document; the font is shared.
 */
public final class PdfRenderer {

    /** A row holding paragraphs taller than this may break across pages; shorter rows are kept whole. */
    static final float FLOW_ROW_HEIGHT = 110f;

    /** A part of a grid lower than this is moved whole to the next page rather than broken. */
    static final float KEEP_TOGETHER_HEIGHT = 90f;

    private static final float BODY_SIZE = 9f;
    private static final float LEADING = 13.5f;
    private static final float NOTE_SIZE = 8f;
    private static final float NOTE_LEADING = 12f;
    private static final float PADDING = 3f;
    private static final float BORDER = 0.5f;
    private static final Color LABEL_SHADE = new Color(0xEE, 0xEE, 0xEE);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    private static final float MARGIN_SIDE = 36f;
    private static final float MARGIN_TOP = 54f;
    private static final float MARGIN_BOTTOM = 48f;

    private final BaseFont font;
    private final Font body;
    private final Font bold;
    private final Font note;
    private final Font titleFont;
    private final Font subtitleFont;
    private final Font headingFont;

    /** With Noto Sans SC. */
    public PdfRenderer() {
        this(CjkFonts.notoSansSc());
    }

    /** With another shared font (see {@link CjkFonts#fromFile}). */
    public PdfRenderer(BaseFont font) {
        this.font = Objects.requireNonNull(font, "font");
        this.body = new Font(font, BODY_SIZE);
        this.bold = new Font(font, BODY_SIZE, Font.BOLD);
        this.note = new Font(font, NOTE_SIZE);
        this.titleFont = new Font(font, 16f, Font.BOLD);
        this.subtitleFont = new Font(font, 10.5f);
        this.headingFont = new Font(font, 11f, Font.BOLD);
    }

    /** The shared font this renderer prints with (a signature's appearance uses it too). */
    public BaseFont font() {
        return font;
    }

    /** The PDF of {@code view} as bytes. */
    public byte[] render(FormView view) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        render(view, out);
        return out.toByteArray();
    }

    /** Writes the PDF of {@code view} to {@code out} (not closed). */
    public void render(FormView view, OutputStream out) {
        render(view, null, out);
    }

    /**
     * The PDF of {@code view} followed by {@code slot}: its heading and an empty signature field named
     * {@link SignatureSlot#fieldName()}, the full width of the page's text area and {@link SignatureSlot#height()}
     * points high, kept on one page with its heading.
     */
    public byte[] render(FormView view, SignatureSlot slot) {
        Objects.requireNonNull(slot, "slot");
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        render(view, slot, out);
        return out.toByteArray();
    }

    /**
     * Where a signature goes at the end of a document: an empty signature field (AcroForm {@code /FT /Sig}) that a
     * signer fills with its appearance and signature.
     *
     * @param fieldName the field's name (no dots: a dot separates the parts of a field name)
     * @param heading   the line printed above it, e.g. "电子签章"
     * @param height    its height in points (its width is the page's text area)
     */
    public record SignatureSlot(String fieldName, String heading, float height) {
        public SignatureSlot {
            Objects.requireNonNull(fieldName, "fieldName");
            Objects.requireNonNull(heading, "heading");
            if (fieldName.isEmpty() || fieldName.contains(".")) {
                throw new IllegalArgumentException("signature field name must be non-empty without dots: " + fieldName);
            }
            if (!(height > 20f && height < 400f)) {
                throw new IllegalArgumentException("signature slot height out of range: " + height);
            }
        }
    }

    private void render(FormView view, SignatureSlot slot, OutputStream out) {
        Objects.requireNonNull(view, "view");
        Document document = new Document(PageSize.A4, MARGIN_SIDE, MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, new NonClosing(out));
            writer.setPageEvent(new PageDecorations(view));
            document.addTitle(view.title());
            document.addSubject(view.header());
            document.addCreator("perf 绩效管理");
            document.open();
            Pass pass = new Pass(document, writer);
            pass.write(view);
            if (slot != null) {
                pass.signatureSlot(slot);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("生成 PDF 失败：" + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ one document

    /** Writing one document: the blocks in order, with the page-break rules. */
    private final class Pass {
        private final Document document;
        private final PdfWriter writer;
        private final float width;

        Pass(Document document, PdfWriter writer) {
            this.document = document;
            this.writer = writer;
            this.width = document.right() - document.left();
        }

        void write(FormView view) throws DocumentException {
            Paragraph title = paragraph(view.title(), titleFont, 22f, Element.ALIGN_CENTER);
            title.setSpacingAfter(view.subtitle().isEmpty() ? 8f : 2f);
            document.add(title);
            if (!view.subtitle().isEmpty()) {
                Paragraph subtitle = paragraph(view.subtitle(), subtitleFont, 16f, Element.ALIGN_CENTER);
                subtitle.setSpacingAfter(8f);
                document.add(subtitle);
            }
            List<Block> blocks = view.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
                Block block = blocks.get(i);
                if (block instanceof Grid g) {
                    grid(g);
                } else if (block instanceof Heading h) {
                    heading(h, next);
                } else if (block instanceof Note n) {
                    note(n);
                }
            }
        }

        /** The slot's heading and, under it, an empty cell of the slot's height holding the signature field. */
        void signatureSlot(SignatureSlot slot) throws DocumentException {
            Paragraph p = paragraph(slot.heading(), headingFont, 18f, Element.ALIGN_LEFT);
            p.setSpacingBefore(12f);
            p.setSpacingAfter(4f);
            keepWith(34f + slot.height());
            document.add(p);
            PdfPTable t = new PdfPTable(1);
            t.setTotalWidth(width);
            t.setLockedWidth(true);
            t.setHorizontalAlignment(Element.ALIGN_CENTER);
            t.setKeepTogether(true);
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setFixedHeight(slot.height());
            cell.setCellEvent(new SignatureField(writer, slot.fieldName()));
            t.addCell(cell);
            document.add(t);
        }

        private void heading(Heading h, Block next) throws DocumentException {
            if (h.newPage()) {
                document.newPage();
            }
            Paragraph p = paragraph(h.text(), headingFont, 18f, Element.ALIGN_LEFT);
            p.setSpacingBefore(8f);
            p.setSpacingAfter(4f);
            keepWith(30f + (next instanceof Grid g ? firstRowsHeight(g) : LEADING * 2));
            document.add(p);
        }

        private void note(Note n) throws DocumentException {
            boolean first = true;
            for (String line : n.text().split("\n", -1)) {
                Paragraph p = paragraph(line, FontRole.NOTE, NOTE_LEADING, Element.ALIGN_JUSTIFIED);
                p.setSpacingBefore(first ? 5f : 1f);
                p.setKeepTogether(true);
                document.add(p);
                first = false;
            }
            Paragraph gap = new Paragraph(2f, " ", note);
            document.add(gap);
        }

        private void grid(Grid g) throws DocumentException {
            if (!g.caption().isEmpty()) {
                Paragraph caption = paragraph(g.caption(), headingFont, 18f, Element.ALIGN_CENTER);
                caption.setSpacingBefore(6f);
                caption.setSpacingAfter(4f);
                keepWith(28f + firstRowsHeight(g));
                document.add(caption);
            }
            float[] widths = widths(g);
            List<Row> rows = g.rows();
            int[] reach = Grid.reach(rows);
            boolean[] flows = flowingRows(rows, widths);
            int from = 0;
            boolean firstSegment = true;
            for (int i = 0; i < rows.size(); i++) {
                boolean cutHere = reach[i] == i
                        && (i == rows.size() - 1 || flows[i] || flows[i + 1]);
                if (!cutHere) {
                    continue;
                }
                boolean flow = false;
                for (int k = from; k <= i; k++) {
                    flow |= flows[k];
                }
                PdfPTable t = table(g, widths, from, i + 1);
                t.setSplitLate(!flow);
                t.setSplitRows(true);
                // a small table (a sign-off block, a short funds table) is not broken across pages
                t.setKeepTogether(!flow && t.getTotalHeight() < KEEP_TOGETHER_HEIGHT);
                if (!firstSegment && !atPageTop()) {
                    t.setSkipFirstHeader(true);
                }
                if (flow) {
                    // never leave a text block's first line or two alone at the foot of a page
                    keepWith(t.getHeaderHeight() + LEADING * 2 + 2 * PADDING + 4f);
                }
                document.add(t);
                firstSegment = false;
                from = i + 1;
            }
            if (rows.isEmpty() && !g.headerRows().isEmpty()) {
                document.add(table(g, widths, 0, 0));
            }
        }

        /**
         * Which rows hold a text block taller than {@link #FLOW_ROW_HEIGHT}: estimated from the text's width in the
         * font against its cell's width (laying the whole table out once more only to measure costs a third of the
         * render time), so a block near the threshold may go either way.
         */
        private boolean[] flowingRows(List<Row> rows, float[] widths) {
            float total = 0;
            for (float w : widths) {
                total += w;
            }
            boolean[] flows = new boolean[rows.size()];
            int[] busyUntil = new int[widths.length];
            java.util.Arrays.fill(busyUntil, -1);
            for (int r = 0; r < rows.size(); r++) {
                int col = 0;
                for (Cell c : rows.get(r).cells()) {
                    while (col < widths.length && busyUntil[col] >= r) {
                        col++;
                    }
                    float share = 0;
                    for (int k = col; k < Math.min(widths.length, col + c.colSpan()); k++) {
                        share += widths[k];
                        busyUntil[k] = r + c.rowSpan() - 1;
                    }
                    col += c.colSpan();
                    if (c.kind() == Kind.PARAGRAPHS && c.rowSpan() == 1) {
                        float cellWidth = width * share / total - 2 * PADDING;
                        flows[r] |= estimatedHeight(c.text(), cellWidth) > FLOW_ROW_HEIGHT;
                    }
                }
            }
            return flows;
        }

        private float estimatedHeight(String text, float cellWidth) {
            int lines = 0;
            for (String p : text.split("\n", -1)) {
                float w = font.getWidthPoint(p, BODY_SIZE) + 2 * BODY_SIZE;
                lines += Math.max(1, (int) Math.ceil(w / Math.max(cellWidth, BODY_SIZE)));
            }
            return lines * LEADING + 2 * PADDING + 2f;
        }

        /** Starts a new page unless {@code height} points remain on this one. */
        private void keepWith(float height) {
            float left = writer.getVerticalPosition(true) - document.bottom();
            if (left < height && !atPageTop()) {
                document.newPage();
            }
        }

        private boolean atPageTop() {
            return writer.getVerticalPosition(true) >= document.top() - 0.5f;
        }

        /** The header rows and the first body row of {@code g} (at most a quarter page). */
        private float firstRowsHeight(Grid g) {
            PdfPTable t = table(g, widths(g), 0, Math.min(1, g.rows().size()));
            return Math.min(t.getTotalHeight(), (document.top() - document.bottom()) / 4);
        }

        private float[] widths(Grid g) {
            float[] w = new float[g.widths().size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = g.widths().get(i);
            }
            return w;
        }

        /** The header rows and body rows {@code from} (incl.) to {@code to} (excl.) as one table. */
        private PdfPTable table(Grid g, float[] widths, int from, int to) {
            PdfPTable t = new PdfPTable(widths.length);
            try {
                t.setTotalWidth(width);
                t.setWidths(widths);
            } catch (DocumentException e) {
                throw new IllegalArgumentException("表格列宽不正确：" + e.getMessage(), e);
            }
            t.setLockedWidth(true);
            t.setHorizontalAlignment(Element.ALIGN_CENTER);
            t.setSpacingBefore(0f);
            t.setSpacingAfter(0f);
            t.setHeaderRows(g.headerRows().size());
            for (Row r : g.headerRows()) {
                for (Cell c : r.cells()) {
                    t.addCell(cell(c));
                }
            }
            for (Row r : g.rows().subList(from, to)) {
                for (Cell c : r.cells()) {
                    t.addCell(cell(c));
                }
            }
            return t;
        }
    }

    // ------------------------------------------------------------------ cells and text

    private PdfPCell cell(Cell c) {
        PdfPCell cell = new PdfPCell();
        cell.setColspan(c.colSpan());
        cell.setRowspan(c.rowSpan());
        cell.setBorderWidth(BORDER);
        cell.setPadding(PADDING);
        cell.setPaddingTop(PADDING - 1f);
        cell.setPaddingBottom(PADDING + 1f);
        cell.setUseAscender(true);
        cell.setUseDescender(true);
        cell.setMinimumHeight(LEADING + 2 * PADDING + 2f);
        cell.setVerticalAlignment(c.kind() == Kind.PARAGRAPHS ? Element.ALIGN_TOP : Element.ALIGN_MIDDLE);
        if (c.kind() == Kind.LABEL) {
            cell.setBackgroundColor(LABEL_SHADE);
        }
        int align = switch (c.kind()) {
            case LABEL, CENTERED -> Element.ALIGN_CENTER;
            case NUMBER -> Element.ALIGN_RIGHT;
            case TEXT -> Element.ALIGN_LEFT;
            case PARAGRAPHS -> Element.ALIGN_JUSTIFIED;
        };
        FontRole role = c.kind() == Kind.LABEL ? FontRole.BOLD : FontRole.BODY;
        if (!c.text().isEmpty()) {
            for (String line : c.text().split("\n", -1)) {
                Paragraph p = paragraph(line, role, LEADING, align);
                if (c.kind() == Kind.PARAGRAPHS) {
                    p.setFirstLineIndent(2 * BODY_SIZE);
                }
                cell.addElement(p);
            }
        }
        return cell;
    }

    private enum FontRole { BODY, BOLD, NOTE }

    private Paragraph paragraph(String text, FontRole role, float leading, int align) {
        Font f = switch (role) {
            case BODY -> body;
            case BOLD -> bold;
            case NOTE -> note;
        };
        return paragraph(text, f, leading, align);
    }

    private static Paragraph paragraph(String text, Font f, float leading, int align) {
        Chunk chunk = new Chunk(text, f);
        chunk.setSplitCharacter(ChineseLineBreaks.INSTANCE);
        Paragraph p = new Paragraph(leading, chunk);
        p.setAlignment(align);
        return p;
    }

    // ------------------------------------------------------------------ page header and footer

    /** The running header, a rule under it, and "第 N 页 共 M 页" (M filled in when the document closes). */
    private final class PageDecorations extends PdfPageEventHelper {
        private static final float SIZE = 8f;
        private final FormView view;
        private PdfTemplate total;
        private int pages;

        PageDecorations(FormView view) {
            this.view = view;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(60f, 12f);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            pages++;
            PdfContentByte cb = writer.getDirectContent();
            float top = document.top() + 20f;
            if (!view.header().isEmpty()) {
                float room = document.right() - document.left() - font.getWidthPoint(view.title(), SIZE) - 16f;
                text(cb, fit(view.header(), room), document.left(), top, PdfContentByte.ALIGN_LEFT);
                text(cb, view.title(), document.right(), top, PdfContentByte.ALIGN_RIGHT);
                cb.saveState();
                cb.setLineWidth(0.4f);
                cb.setColorStroke(MUTED);
                cb.moveTo(document.left(), top - 4f);
                cb.lineTo(document.right(), top - 4f);
                cb.stroke();
                cb.restoreState();
            }
            float center = (document.left() + document.right()) / 2;
            float bottom = document.bottom() - 24f;
            text(cb, "第 " + pages + " 页 ", center, bottom, PdfContentByte.ALIGN_RIGHT);
            cb.addTemplate(total, center, bottom);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(font, SIZE);
            total.setColorFill(MUTED);
            total.setTextMatrix(0, 0);
            total.showText("共 " + pages + " 页");
            total.endText();
        }

        /** {@code s}, shortened with "…" to fit {@code room} points. */
        private String fit(String s, float room) {
            if (font.getWidthPoint(s, SIZE) <= room) {
                return s;
            }
            String cut = s;
            while (!cut.isEmpty() && font.getWidthPoint(cut + "…", SIZE) > room) {
                cut = cut.substring(0, cut.length() - 1);
            }
            return cut + "…";
        }

        private void text(PdfContentByte cb, String s, float x, float y, int align) {
            cb.beginText();
            cb.setFontAndSize(font, SIZE);
            cb.setColorFill(MUTED);
            cb.showTextAligned(align, s, x, y, 0);
            cb.endText();
        }
    }

    /** Places an empty signature field over the cell, on the page the cell is drawn on. */
    private static final class SignatureField implements PdfPCellEvent {
        private final PdfWriter writer;
        private final String name;

        SignatureField(PdfWriter writer, String name) {
            this.writer = writer;
            this.name = name;
        }

        @Override
        public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
            PdfFormField field = PdfFormField.createSignature(writer);
            field.setFieldName(name);
            field.setWidget(new Rectangle(position.getLeft(), position.getBottom(), position.getRight(),
                    position.getTop()), null);
            field.setFlags(PdfAnnotation.FLAGS_PRINT);
            writer.addAnnotation(field);
        }
    }

    /** Keeps the caller's stream open: the document closes its writer's stream when it closes. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

}
