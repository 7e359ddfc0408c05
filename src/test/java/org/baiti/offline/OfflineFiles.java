package org.baiti.offline;

import java.util.ArrayList;
import java.util.List;

import org.baiti.testing.Api;
import org.baiti.testing.Fixtures;

/** A contest ready for offline results (the fixture bank and units) and the rows of results files. */
final class OfflineFiles {

    static final List<String> HEADER = List.of("准考证号", "姓名", "手机号", "单位编码", "得分", "答案", "考场");

    /** All right on the fixture paper (first 5 questions: single A, multiple ACD (2 points), 错, B, 对): 6 points. */
    static final String PERFECT = "A|ACD|错|B|对";
    static final int MAX = 6;

    private OfflineFiles() {
    }

    /** Creates a contest with the fixture bank (5 questions a paper) and units, plus two units both named 办公室. */
    static long contest(Api admin) {
        long id = Fixtures.contest(admin, 5);
        List<List<String>> units = new ArrayList<>(Fixtures.units());
        units.add(List.of("U1-9", "办公室", "U1", ""));
        units.add(List.of("U2-9", "办公室", "U2", ""));
        expect200(admin.upload("/api/admin/contests/" + id + "/units", "units.csv", Fixtures.csv(units)));
        expect200(admin.upload("/api/admin/contests/" + id + "/bank", "bank.csv", Fixtures.csv(Fixtures.bank())));
        return id;
    }

    @SafeVarargs
    static List<List<String>> rows(List<String>... rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(List.of(rows));
        return all;
    }

    static List<String> row(String ticket, String name, String phone, String unit, String score, String answers,
                            String venue) {
        return List.of(ticket, name, phone, unit, score, answers, venue);
    }

    static void expect200(Api.Response r) {
        if (r.status() != 200) {
            throw new AssertionError(r.status() + " " + r.body());
        }
    }
}
