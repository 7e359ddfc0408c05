package org.baiti.audit;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail over the API (administrators and auditors): entries, newest first, and the chain check. */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/admin/audit")
    Map<String, Object> entries(@RequestParam(required = false) Long contest,
                                @RequestParam(required = false) String action,
                                @RequestParam(defaultValue = "0") int offset,
                                @RequestParam(defaultValue = "50") int limit) {
        return Map.of("total", audit.count(contest, action), "entries", audit.page(contest, action, offset, limit));
    }

    @GetMapping("/api/admin/audit/verify")
    AuditLog.Verification verify() {
        return audit.verify();
    }
}
