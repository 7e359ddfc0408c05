package org.baiti.rules;

import java.util.ArrayList;
import java.util.List;

import org.baiti.draw.DrawAlgorithm;
import org.baiti.orgaward.OrgAwardFormula;

/**
 * The worked examples of the rules page, computed with the product's own code ({@link DrawAlgorithm},
 * {@link OrgAwardFormula}) each time, so the page can't show numbers the product would not give.
 */
final class RulesExample {

    static final List<String> POOL = List.of("2026-B0215", "2026-A0107", "2026-C0004", "2026-A0032", "2026-B0099",
            "2026-C0120", "2026-A0318", "2026-A0011");
    static final int K = 3;
    static final List<String> SEED = List.of("3089.26", "4 2 6");

    /** One random number u_j as it was used: its value and whether uniform(m) kept it. */
    record Draw(long j, String hex, String decimal, boolean kept) {
    }

    /** One round i of the selection. */
    record Step(int i, int m, List<Draw> numbers, long uniform, int r, String winner, List<String> after) {
    }

    record DrawExample(List<String> sortedPool, String poolInput, String poolDigest, String seedInput,
                       String seedDigest, List<Step> steps, List<String> winners) {
    }

    private RulesExample() {
    }

    static DrawExample draw() {
        List<String> sorted = DrawAlgorithm.sortPool(POOL);
        byte[] p = DrawAlgorithm.poolDigest(sorted);
        byte[] d = DrawAlgorithm.seedDigest(p, K, SEED);
        StringBuilder poolInput = new StringBuilder();
        sorted.forEach(key -> poolInput.append(key).append("\\n"));
        StringBuilder seedInput = new StringBuilder(DrawAlgorithm.ALGORITHM + "\\n" + DrawAlgorithm.hex(p) + "\\n" + K + "\\n");
        SEED.forEach(s -> seedInput.append(s).append("\\n"));

        DrawAlgorithm.RandomStream real = new DrawAlgorithm.RandomStream(d);
        List<Draw> used = new ArrayList<>();
        long[] j = {0};
        DrawAlgorithm.RandomStream recorded = new DrawAlgorithm.RandomStream(() -> {
            long u = real.nextU();
            used.add(new Draw(j[0]++, String.format("%016x", u), Long.toUnsignedString(u), true));
            return u;
        });
        List<String> a = new ArrayList<>(sorted);
        List<Step> steps = new ArrayList<>();
        int n = a.size();
        for (int i = 0; i < K; i++) {
            int before = used.size();
            long uniform = recorded.uniform(n - i);
            List<Draw> mine = new ArrayList<>();
            for (int x = before; x < used.size(); x++) {
                Draw u = used.get(x);
                mine.add(new Draw(u.j(), u.hex(), u.decimal(), x == used.size() - 1));
            }
            int r = i + (int) uniform;
            String t = a.get(i);
            a.set(i, a.get(r));
            a.set(r, t);
            steps.add(new Step(i, n - i, mine, uniform, r, a.get(i), List.copyOf(a)));
        }
        List<String> winners = a.subList(0, K);
        List<String> product = DrawAlgorithm.select(sorted, K, d);
        if (!product.equals(winners)) {
            throw new IllegalStateException("worked example differs from DrawAlgorithm: " + winners + " vs " + product);
        }
        return new DrawExample(sorted, poolInput.toString(), DrawAlgorithm.hex(p), seedInput.toString(),
                DrawAlgorithm.hex(d), steps, List.copyOf(product));
    }

    static final OrgAwardFormula.Weights WEIGHTS = new OrgAwardFormula.Weights(0.4, 0.4, 0.2);
    static final int ORG_QUOTA = 2;

    /** Three top-level units; the names are message keys (the page's language). */
    static List<OrgAwardFormula.Line> org() {
        return OrgAwardFormula.rank(List.of(
                new OrgAwardFormula.UnitFigures("U01", "rules.org.example.u01", 1200, 1080, 0.962, 90),
                new OrgAwardFormula.UnitFigures("U02", "rules.org.example.u02", 3000, 3300, 0.914, 80),
                new OrgAwardFormula.UnitFigures("U03", "rules.org.example.u03", 2500, 1500, 0.975, null)),
                WEIGHTS, ORG_QUOTA);
    }
}
