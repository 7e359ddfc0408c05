package org.baiti.share;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The font that draws Chinese on posters (PNG, and the PDF made from it). Java's own fonts have no Chinese glyphs,
 * so a font file with them is needed; it is looked for in this order:
 * <ol>
 * <li>{@code baiti.poster.font}: a TrueType/OpenType file or collection (.ttf, .otf, .ttc) the operator names;</li>
 * <li>well-known files of common CJK fonts (Debian/Ubuntu {@code fonts-noto-cjk}, {@code fonts-wqy-*}, RHEL
 *     {@code google-noto-sans-cjk-*}, Windows Microsoft YaHei / SimHei, macOS PingFang);</li>
 * <li>any installed font family that can draw the test text (Java asks fontconfig);</li>
 * <li>else the logical font {@code SansSerif}: Chinese may then come out as boxes, which the share page and the
 *     log say, naming the fix (install {@code fonts-noto-cjk} or set {@code baiti.poster.font}).</li>
 * </ol>
 * The choice is made once, at start.
 */
@Component
@EnableConfigurationProperties(PosterSettings.class)
public class CjkFont {

    private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

    /** Text a poster must be able to draw. */
    static final String PROBE = "百题知识竞赛扫码参加答题时间年月日";

    private static final List<String> KNOWN_FILES = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/google-noto-sans-cjk-vf-fonts/NotoSansCJK-VF.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "C:/Windows/Fonts/msyh.ttc",
            "C:/Windows/Fonts/simhei.ttf",
            "/System/Library/Fonts/PingFang.ttc",
            "/System/Library/Fonts/STHeiti Medium.ttc");

    private final Font font;
    private final String source;

    CjkFont(PosterSettings settings) {
        String configured = settings.font();
        Font found = null;
        String from = null;
        List<String> candidates = new ArrayList<>();
        if (!configured.isBlank()) {
            candidates.add(configured.strip());
        }
        candidates.addAll(KNOWN_FILES);
        for (String path : candidates) {
            found = load(new File(path));
            if (found != null) {
                from = path;
                break;
            }
            if (path.equals(configured.strip())) {
                log.warn("baiti.poster.font={} cannot be read or has no Chinese glyphs; looking further", path);
            }
        }
        if (found == null) {
            for (String family : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()) {
                Font f = new Font(family, Font.PLAIN, 12);
                if (f.canDisplayUpTo(PROBE) == -1 && !Font.DIALOG.equals(f.getFamily())) {
                    found = f;
                    from = "installed family " + family;
                    break;
                }
            }
        }
        if (found == null) {
            found = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            from = null;
            log.warn("No font with Chinese glyphs found: posters may show boxes for Chinese text. Install one "
                    + "(Debian: apt-get install fonts-noto-cjk) or set baiti.poster.font to a .ttf/.otf/.ttc file.");
        } else {
            log.info("Poster font: {} ({})", found.getFontName(), from);
        }
        this.font = found;
        this.source = from;
    }

    private static Font load(File file) {
        if (!file.isFile() || !file.canRead()) {
            return null;
        }
        try {
            Font[] fonts = Font.createFonts(file);
            Font any = null;
            for (Font f : fonts) {
                if (f.canDisplayUpTo(PROBE) != -1) {
                    continue;
                }
                // In a collection with several regions (Noto CJK: JP, KR, SC, TC, HK) prefer the Simplified Chinese one.
                String name = f.getFontName() + " " + f.getFamily();
                if (name.contains(" SC") || name.contains("SC ") || name.endsWith("SC") || fonts.length == 1) {
                    return f;
                }
                if (any == null) {
                    any = f;
                }
            }
            return any;
        } catch (IOException | FontFormatException e) {
            return null;
        }
    }

    /** The font at a size, bold or not (bold is synthesised when the file has only one weight). */
    public Font at(float size, boolean bold) {
        return font.deriveFont(bold && !font.getFontName().toLowerCase().contains("bold") ? Font.BOLD : Font.PLAIN, size);
    }

    /** Whether a font with Chinese glyphs was found. */
    public boolean hasChinese() {
        return source != null;
    }

    /** Where the font came from (a file path or an installed family), or null when none has Chinese glyphs. */
    public String source() {
        return source;
    }
}
