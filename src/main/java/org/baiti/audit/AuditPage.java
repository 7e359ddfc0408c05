package org.baiti.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.baiti.settings.SiteSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail page: entries, newest first, paged, and the result of checking the whole chain. */
@Controller
class AuditPage {

    static final int PAGE_SIZE = 50;

    /** The actions of the filter: every one the bundles name ({@code label.audit.ACTION}), in bundle key order. */
    static final List<String> ACTIONS = ResourceBundle.getBundle("messages", Locale.ROOT).keySet().stream()
            .filter(k -> k.startsWith("label.audit.")).map(k -> k.substring("label.audit.".length())).sorted().toList();

    private final AuditLog audit;
    private final ZoneId zone;

    AuditPage(AuditLog audit, SiteSettings site) {
        this.audit = audit;
        this.zone = site.timeZone();
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Long contest,
                @RequestParam(required = false) String action, Model model) {
        int p = Math.max(0, page);
        long total = audit.count(contest, action);
        AuditChain.Verifier chain = audit.walk();
        model.addAttribute("verification", AuditLog.verification(chain));
        model.addAttribute("breakCode", chain.broken().map(AuditChain.Break::code).orElse(null));
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("entries", audit.page(contest, action, p * PAGE_SIZE, PAGE_SIZE).stream().map(Row::of).toList());
        model.addAttribute("total", total);
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("contest", contest);
        model.addAttribute("action", action == null ? "" : action);
        model.addAttribute("zone", zone);
        return "admin/audit";
    }

    /** An entry as the page shows it. */
    record Row(long seq, Instant at, String actor, String action, Long contestId, String subject, String detail,
               String hash) {
        static Row of(AuditChain.Entry e) {
            return new Row(e.seq(), Instant.ofEpochMilli(e.at()), e.actor(), e.action(), e.contestId(), e.subject(),
                    e.detail(), e.hash());
        }
    }
}
