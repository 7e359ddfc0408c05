package org.baiti.draw;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.baiti.refusal.Reason;
import org.baiti.refusal.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small parsers and renderers behind the draw pages. */
class DrawPagesTest {

    @Test
    void tiersAreReadFromTextWithChineseOrLatinPunctuation() {
        assertThat(DrawPages.parseTiers("一等奖:10, 二等奖：30；三等奖 : 100\n鼓励奖:5"))
                .containsExactly(new Drawing.TierSpec("一等奖", 10), new Drawing.TierSpec("二等奖", 30),
                        new Drawing.TierSpec("三等奖", 100), new Drawing.TierSpec("鼓励奖", 5));
        assertThat(DrawPages.parseTiers("  ")).isNull();
        assertThat(DrawPages.parseTiers("First prize:x")).containsExactly(new Drawing.TierSpec("First prize", -1));
        assertThatThrownBy(() -> DrawPages.parseTiers("一等奖 10"))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.code()).isEqualTo("invalid_field");
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(r.details()).singleElement().isInstanceOfSatisfying(Reason.class,
                            d -> assertThat(d.about()).containsEntry("field", "tiers"));
                });
    }

    @Test
    void theQrCodeSvgDecodesToThePublicRecordAddress() throws Exception {
        String url = "https://baiti.example.cn/draws/4503599627370495";
        String svg = org.baiti.web.QrCodes.svg(url);
        assertThat(svg).startsWith("<svg").contains("viewBox");

        // Paint the path's unit squares into pixels (4 per module) and read them back with ZXing's decoder.
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(size.find()).isTrue();
        int modules = Integer.parseInt(size.group(1));
        int scale = 4;
        int w = modules * scale;
        int[] pixels = new int[w * w];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher run = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z").matcher(svg);
        int runs = 0;
        while (run.find()) {
            runs++;
            int x0 = Integer.parseInt(run.group(1));
            int y0 = Integer.parseInt(run.group(2));
            int len = Integer.parseInt(run.group(3));
            for (int y = y0 * scale; y < (y0 + 1) * scale; y++) {
                for (int x = x0 * scale; x < (x0 + len) * scale; x++) {
                    pixels[y * w + x] = 0xFF000000;
                }
            }
        }
        assertThat(runs).isGreaterThan(50);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, w, pixels)));
        String decoded = new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        assertThat(decoded).isEqualTo(url);
    }

    @Test
    void aWinnersTierFollowsTheDrawOrder() {
        DrawRecord d = new DrawRecord(1, 2, "x", 6, DrawRecord.OFFLINE_PERFECT, "dice",
                List.of(new DrawRecord.Tier("一等奖", 1), new DrawRecord.Tier("二等奖", 2), new DrawRecord.Tier("三等奖", 3)),
                "p", 10, DrawRecord.Status.COMMITTED, java.time.Instant.EPOCH, "admin", null, null, null, null, null);
        assertThat(List.of(0, 1, 2, 3, 4, 5).stream().map(d::tierOf).toList())
                .containsExactly("一等奖", "二等奖", "二等奖", "三等奖", "三等奖", "三等奖");
        assertThat(d.tierOf(6)).isNull();
    }
}
