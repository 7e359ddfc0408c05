package org.baiti.online;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.baiti.bank.Question;
import org.baiti.bank.QuestionType;
import org.baiti.contest.Contest;

/**
 * Putting a paper together (SPEC §3), plain Java: which questions (fixed, random, or random per category in
 * proportion to the category sizes) and each attempt's own option ids in a shuffled order.
 */
final class PaperDraw {

    private static final String HEX = "0123456789abcdef";

    private PaperDraw() {
    }

    /**
     * The questions of a paper in display order (bank order). With fewer than {@code n} questions in the bank,
     * all of them.
     *
     * @param bank the whole bank in bank order (for FIXED, the first {@code n} are enough)
     */
    static List<Question> choose(List<Question> bank, Contest.PaperMode mode, int n, RandomGenerator random) {
        if (bank.size() <= n) {
            return List.copyOf(bank);
        }
        List<Question> chosen = switch (mode) {
            case FIXED -> bank.subList(0, n);
            case RANDOM -> sample(bank, n, random);
            case CATEGORY -> byCategory(bank, n, random);
        };
        List<Question> sorted = new ArrayList<>(chosen);
        sorted.sort(Comparator.comparingInt(Question::seq));
        return List.copyOf(sorted);
    }

    /**
     * How many questions each category gives: {@code n} split in proportion to the category sizes, rounded down,
     * the seats left over going to the largest remainders (ties: the category met first in the bank).
     */
    static Map<String, Integer> quotas(List<Question> bank, int n) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (Question q : bank) {
            sizes.merge(category(q), 1, Integer::sum);
        }
        int total = bank.size();
        Map<String, Integer> quotas = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(sizes.keySet());
        int given = 0;
        for (String c : order) {
            int q = (int) ((long) n * sizes.get(c) / total);
            quotas.put(c, q);
            given += q;
        }
        // remainder of n*size/total, compared exactly as whole numbers
        List<String> byRemainder = new ArrayList<>(order);
        byRemainder.sort(Comparator.comparingLong((String c) -> -(((long) n * sizes.get(c)) % total))
                .thenComparingInt(order::indexOf));
        for (int i = 0; given < n; i++, given++) {
            String c = byRemainder.get(i % byRemainder.size());
            quotas.merge(c, 1, Integer::sum);
        }
        return quotas;
    }

    /**
     * The attempt's options for each question: random ids (6 hex characters, distinct within the question) in a
     * shuffled order. True/false questions keep 对 before 错: shuffling two options that are the answer's own
     * words protects nothing and confuses people.
     */
    static Paper shuffle(List<Question> questions, RandomGenerator random) {
        List<Paper.Item> items = new ArrayList<>();
        for (Question q : questions) {
            List<Paper.Option> options = new ArrayList<>();
            Set<String> used = new HashSet<>();
            for (int i = 0; i < q.options().size(); i++) {
                String id;
                do {
                    id = hexId(random);
                } while (!used.add(id));
                options.add(new Paper.Option(id, Question.letter(i)));
            }
            if (q.type() != QuestionType.TRUEFALSE) {
                for (int i = options.size() - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    Paper.Option t = options.get(i);
                    options.set(i, options.get(j));
                    options.set(j, t);
                }
            }
            items.add(new Paper.Item(q.key(), List.copyOf(options)));
        }
        return new Paper(List.copyOf(items));
    }

    private static List<Question> sample(List<Question> pool, int n, RandomGenerator random) {
        List<Question> copy = new ArrayList<>(pool);
        // partial Fisher-Yates: the first n are a uniform sample
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(copy.size() - i);
            Question t = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, t);
        }
        return copy.subList(0, n);
    }

    private static List<Question> byCategory(List<Question> bank, int n, RandomGenerator random) {
        Map<String, List<Question>> groups = new LinkedHashMap<>();
        for (Question q : bank) {
            groups.computeIfAbsent(category(q), k -> new ArrayList<>()).add(q);
        }
        List<Question> chosen = new ArrayList<>();
        quotas(bank, n).forEach((c, k) -> chosen.addAll(sample(groups.get(c), k, random)));
        return chosen;
    }

    private static String category(Question q) {
        return q.category() == null ? "" : q.category();
    }

    /** Six hex characters from 24 random bits (one number asked for, not six). */
    private static String hexId(RandomGenerator random) {
        int bits = random.nextInt(1 << 24);
        char[] c = new char[6];
        for (int i = c.length - 1; i >= 0; i--, bits >>>= 4) {
            c[i] = HEX.charAt(bits & 0xf);
        }
        return new String(c);
    }
}
