package org.baiti.draw;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.baiti.person.Phones;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The candidates as read in bytes render the same display blob, byte for byte, as masking each name with
 * {@link Phones#maskName} and writing every entry with Jackson's generator — whether a field comes as bytes or as text.
 */
class DrawPoolCandidatesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Pieces names, keys and unit codes are made of: white space of every kind, JSON escapes, multi-byte text. */
    private static final String[] PIECES = {"张", "欧阳", "a", "Z", " ", "\u3000", "\t", "\n", "\r", "\u0001", "\u001f",
            "\u007f", "\"", "\\", "/", "\u2028", "\u00a0", "\u2007", "\u1680", "\u0085", "é", "Ａ", "\uD83C\uDFB2",
            "\uD840\uDC0B", "0", "9", "-", "*", "\u200b"};

    private static String random(Random r, int maxPieces) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    @Test
    void bytesAndTextRenderWhatTheGeneratorWritesForMaskedNames() {
        Random r = new Random(8);
        Map<String, String> unitNames = Map.of("U1", "第一\\单位", "U2", "\"二\"", "U3", "\u2028三", "U4", "");
        for (int round = 0; round < 200; round++) {
            int n = 1 + r.nextInt(60);
            List<String> keys = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            Map<String, Boolean> seen = new HashMap<>();
            while (keys.size() < n) {
                String key = random(r, 4) + keys.size(); // distinct, never empty
                if (key.indexOf('\n') >= 0 || seen.put(key, true) != null) {
                    continue;
                }
                keys.add(key);
                names.add(random(r, 5));
                codes.add(r.nextInt(3) == 0 ? random(r, 2) : "U" + (1 + r.nextInt(5)));
            }
            String[] k = keys.toArray(String[]::new);
            String[] masked = names.stream().map(Phones::maskName).toArray(String[]::new);
            String[] shown = codes.stream().map(c -> unitNames.getOrDefault(c, c)).toArray(String[]::new);
            int[] order = EncodedPool.sort(k).order();
            byte[] expected = FrozenPool.displayByGenerator(k, masked, shown, order, JSON);

            for (int mode = 0; mode < 3; mode++) { // bytes, text, mixed
                PoolCandidates.Builder b = new PoolCandidates.Builder(0, unitNames, JSON::writeValueAsBytes);
                for (int i = 0; i < n; i++) {
                    boolean text = mode == 1 || (mode == 2 && r.nextBoolean());
                    if (text) {
                        b.key(k[i]).name(names.get(i)).unit(codes.get(i));
                    } else {
                        byte[] kb = k[i].getBytes(StandardCharsets.UTF_8);
                        byte[] nb = names.get(i).getBytes(StandardCharsets.UTF_8);
                        byte[] ub = codes.get(i).getBytes(StandardCharsets.UTF_8);
                        b.key(kb, 0, kb.length).name(nb, 0, nb.length).unit(ub, 0, ub.length);
                    }
                }
                PoolCandidates c = b.build();
                assertThat(c.firstInvalidKey()).isEqualTo(-1);
                EncodedPool encoded = EncodedPool.sortUtf8(c.keyBytes(), c.keyOffsets(), n, -1);
                assertThat(encoded.order()).isEqualTo(order);
                assertThat(encoded.sortedPreimage()).isEqualTo(EncodedPool.sort(k).sortedPreimage());
                assertThat(new String(c.display(encoded.order()), StandardCharsets.UTF_8))
                        .as("round %d mode %d", round, mode)
                        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
                assertThat(c.display(encoded.order())).isEqualTo(expected);
            }
        }
    }

    @Test
    void malformedUtf8IsReadAsJavaDecodesIt() {
        byte[][] names = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE5},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {'a', (byte) 0xFF, 'b'}};
        PoolCandidates.Builder b = new PoolCandidates.Builder(0, Map.of(), JSON::writeValueAsBytes);
        String[] keys = new String[names.length];
        String[] masked = new String[names.length];
        String[] units = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            byte[] key = ("k" + i).getBytes(StandardCharsets.UTF_8);
            byte[] unit = {'u', (byte) 0xFE};
            b.key(key, 0, key.length).name(names[i], 0, names[i].length).unit(unit, 0, unit.length);
            keys[i] = "k" + i;
            masked[i] = Phones.maskName(new String(names[i], StandardCharsets.UTF_8));
            units[i] = new String(unit, StandardCharsets.UTF_8);
        }
        PoolCandidates c = b.build();
        int[] order = EncodedPool.sort(keys).order();
        assertThat(c.display(order)).isEqualTo(FrozenPool.displayByGenerator(keys, masked, units, order, JSON));
    }

    @Test
    void emptyKeysAndLineFeedsAreReportedInvalid() {
        for (String bad : List.of("", "a\nb")) {
            PoolCandidates.Builder b = new PoolCandidates.Builder(0, Map.of(), JSON::writeValueAsBytes);
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            byte[] k = bad.getBytes(StandardCharsets.UTF_8);
            b.key(ok, 0, ok.length).name("x").unit("U");
            b.key(k, 0, k.length).name("y").unit("U");
            assertThat(b.build().firstInvalidKey()).isEqualTo(1);
        }
        PoolCandidates.Builder b = new PoolCandidates.Builder(0, Map.of(), JSON::writeValueAsBytes);
        b.key("ok").name("x").unit("U").key("a\uD800").name("y").unit("U");
        assertThat(b.build().firstInvalidKey()).isEqualTo(1);
    }
}
