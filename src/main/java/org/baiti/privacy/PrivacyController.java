package org.baiti.privacy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.baiti.security.Staff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Personal data settings (staff) and a participant's look-up of their own data (docs/privacy.md). */
@RestController
class PrivacyController {

    private final PersonalData personalData;

    PrivacyController(PersonalData personalData) {
        this.personalData = personalData;
    }

    @GetMapping("/api/admin/contests/{id}/privacy")
    Map<String, Object> settings(@PathVariable long id) {
        Staff.current().ifPresent(s -> s.requireContest(id));
        return view(personalData.settings(id), personalData.keptUntil(id));
    }

    /** Body {@code {"notice", "retentionDays", "consentRequired"}}, each optional. */
    @PutMapping("/api/admin/contests/{id}/privacy")
    Map<String, Object> change(@PathVariable long id, @RequestBody(required = false) PersonalData.Change body) {
        Staff.current().ifPresent(s -> s.requireContest(id));
        PrivacySettings s = personalData.change(id, body);
        return view(s, personalData.keptUntil(id));
    }

    /**
     * Public: body {@code {"phone", "code"}} (a one-time code sent to the phone) or {@code {"phone", "resumeCode"}} (the code shown during the attempt), or {@code {"phone", "token"}} (the
     * bearer token of one of the person's attempts); answers what is stored about that person in the contest.
     */
    @PostMapping("/api/contests/{id}/my-data")
    Map<String, Object> myData(@PathVariable long id, @RequestBody(required = false) LookUp body) {
        return personalData.lookUp(id, body == null ? null : body.phone(), body == null ? null : body.code(),
                body == null ? null : body.resumeCode(), body == null ? null : body.token());
    }

    record LookUp(String phone, String code, String resumeCode, String token) {
    }

    private static Map<String, Object> view(PrivacySettings s, java.time.Instant keptUntil) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contestId", s.contestId());
        m.put("notice", s.notice());
        m.put("retentionDays", s.retentionDays());
        m.put("consentRequired", s.consentRequired());
        m.put("keptUntil", keptUntil.toString());
        m.put("purgedAt", s.purgedAt() == null ? null : s.purgedAt().toString());
        return m;
    }
}
