package org.baiti.share;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.baiti.contest.Contest;
import org.baiti.web.QrCodes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The contest poster: an A4 page with the contest's name, its dates and the QR code of the participant link, drawn
 * once as an image (200 dpi, 1654 × 2339 px) with {@link CjkFont}; the PDF is one A4 page holding that image, so the
 * PNG and the PDF look the same and the PDF needs no font embedded (the Noto CJK fonts are OpenType/CFF collections,
 * which PDF libraries embed poorly).
 */
@Component
class PosterRenderer {

    static final int DPI = 200;
    static final int WIDTH = Math.round(210 / 25.4f * DPI);   // 1654
    static final int HEIGHT = Math.round(297 / 25.4f * DPI);  // 2339
    private static final Color ACCENT = new Color(0xc0392b);
    private static final Color INK = new Color(0x1d2433);
    private static final Color MUTED = new Color(0x5d6678);

    private final CjkFont fonts;
    private final MessageSource messages;

    PosterRenderer(CjkFont fonts, MessageSource messages) {
        this.fonts = fonts;
        this.messages = messages;
    }

    /** What the poster shows: the participant link it encodes and the contest. */
    record Poster(Contest contest, String link, ZoneId zone, Locale locale) {
    }

    BufferedImage image(Poster p) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int margin = 130;
            int width = WIDTH - 2 * margin;

            // The red band with the kicker and the contest's name (as many lines as it needs, at most four).
            Font kicker = fonts.at(46, false);
            Font title = fonts.at(titleSize(p.contest().name(), width), true);
            List<String> titleLines = wrap(g, title, p.contest().name(), width, 4);
            int band = 110 + lineHeight(g, kicker) + 40 + titleLines.size() * lineHeight(g, title) + 90;
            g.setColor(ACCENT);
            g.fillRect(0, 0, WIDTH, band);
            g.setColor(new Color(255, 255, 255, 215));
            int y = 110;
            y = centred(g, kicker, List.of(text(p, "share.poster.kicker")), y);
            g.setColor(Color.WHITE);
            y = centred(g, title, titleLines, y + 40);

            // When, and what it takes.
            DateTimeFormatter f = DateTimeFormatter.ofPattern(text(p, "share.poster.dateTimePattern"), p.locale());
            String when = f.format(p.contest().opensAt().atZone(p.zone())) + " — "
                    + f.format(p.contest().closesAt().atZone(p.zone()));
            y = band + 110;
            g.setColor(MUTED);
            y = centred(g, fonts.at(44, false), List.of(text(p, "share.poster.when")), y);
            g.setColor(INK);
            Font whenFont = fonts.at(58, true);
            y = centred(g, whenFont, wrap(g, whenFont, when, width, 2), y + 10);
            g.setColor(MUTED);
            y = centred(g, fonts.at(44, false), List.of(messages.getMessage("share.poster.paper",
                    new Object[] {p.contest().questionsPerPaper(), Math.max(1, p.contest().timeLimitSeconds() / 60)},
                    p.locale())), y + 30);

            // The QR code as large as the rest leaves room for.
            Font call = fonts.at(70, true);
            Font linkFont = fonts.at(38, false);
            Font foot = fonts.at(34, false);
            int below = 60 + lineHeight(g, call) + 30 + lineHeight(g, linkFont) * 2 + 60 + lineHeight(g, foot) + 90;
            int room = Math.min(1000, HEIGHT - y - 60 - below);
            BufferedImage qr = QrCodes.image(p.link(), room);
            int qx = (WIDTH - qr.getWidth()) / 2;
            int qy = y + 60;
            g.drawImage(qr, qx, qy, null);
            y = qy + qr.getHeight() + 30;

            g.setColor(ACCENT);
            y = centred(g, call, List.of(text(p, "share.poster.scan")), y);
            g.setColor(INK);
            y = centred(g, linkFont, wrap(g, linkFont, p.link(), width, 2), y + 20);

            g.setColor(MUTED);
            FontMetrics fm = g.getFontMetrics(foot);
            String footer = text(p, "share.poster.footer");
            g.setFont(foot);
            g.drawString(footer, (WIDTH - fm.stringWidth(footer)) / 2, HEIGHT - 90);
            g.setColor(new Color(0xdde2ea));
            g.fillRect(margin, HEIGHT - 90 - fm.getAscent() - 40, width, 3);
        } finally {
            g.dispose();
        }
        return img;
    }

    byte[] png(Poster p) {
        return png(image(p));
    }

    static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One A4 page (portrait) filled with the poster image. */
    byte[] pdf(Poster p) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject image = LosslessFactory.createFromImage(doc, image(p));
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(p.contest().name());
            info.setSubject(p.link());
            info.setCreator("Baiti");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(Poster p, String key) {
        return messages.getMessage(key, null, p.locale());
    }

    private static float titleSize(String name, int width) {
        int chars = name.codePointCount(0, name.length());
        return chars <= 12 ? 112 : chars <= 24 ? 96 : 80;
    }

    private static int lineHeight(Graphics2D g, Font f) {
        return Math.round(g.getFontMetrics(f).getHeight() * 1.1f);
    }

    /** Draws each line centred, the first baseline one ascent below {@code top}; returns the y below the last. */
    private static int centred(Graphics2D g, Font f, List<String> lines, int top) {
        g.setFont(f);
        FontMetrics fm = g.getFontMetrics(f);
        int y = top;
        for (String line : lines) {
            g.drawString(line, (WIDTH - fm.stringWidth(line)) / 2, y + fm.getAscent());
            y += lineHeight(g, f);
        }
        return y;
    }

    /**
     * Breaks text into lines no wider than {@code width}: at spaces when there are any in reach, else between any two
     * characters (Chinese has no spaces); the last allowed line ends with "…" when text remains.
     */
    static List<String> wrap(Graphics2D g, Font f, String text, int width, int maxLines) {
        FontMetrics fm = g.getFontMetrics(f);
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty()) {
            if (fm.stringWidth(rest) <= width) {
                lines.add(rest);
                break;
            }
            int end = 0;
            while (end < rest.length()) {
                int next = rest.offsetByCodePoints(end, 1);
                if (fm.stringWidth(rest.substring(0, next)) > width) {
                    break;
                }
                end = next;
            }
            end = Math.max(end, rest.offsetByCodePoints(0, 1));
            int space = rest.lastIndexOf(' ', end);
            if (space > end / 2 && Character.isLetterOrDigit(rest.charAt(end - 1))
                    && end < rest.length() && rest.charAt(end) != ' ') {
                end = space;
            }
            if (lines.size() == maxLines - 1) {
                String line = rest.substring(0, end);
                while (line.length() > 1 && fm.stringWidth(line + "…") > width) {
                    line = line.substring(0, line.offsetByCodePoints(line.length(), -1));
                }
                lines.add(line + "…");
                break;
            }
            lines.add(rest.substring(0, end).strip());
            rest = rest.substring(end).strip();
        }
        return lines;
    }
}
