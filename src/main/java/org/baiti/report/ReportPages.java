package org.baiti.report;

import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.orgaward.OrgAwarding;
import org.baiti.unit.UnitImport;
import org.baiti.web.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages: dashboard, awards and the organization award with attention marks, freeze (print views: AwardsOutputPages). */
@Controller
class ReportPages {

    private final Contesting contesting;
    private final Reporting reporting;
    private final OrgAwarding orgAwarding;
    private final UnitImport unitImport;

    ReportPages(Contesting contesting, Reporting reporting, OrgAwarding orgAwarding, UnitImport unitImport) {
        this.contesting = contesting;
        this.reporting = reporting;
        this.orgAwarding = orgAwarding;
        this.unitImport = unitImport;
    }

    @GetMapping("/admin/contests/{id}/dashboard")
    String dashboard(@PathVariable long id, Model model) {
        Contest c = contesting.get(id);
        Statistics s = reporting.statistics(id);
        model.addAttribute("contest", c);
        model.addAttribute("stats", s);
        model.addAttribute("summary", SummaryText.of(c, s, reporting.awards(id)));
        return "report/dashboard";
    }

    @GetMapping("/admin/contests/{id}/awards")
    String awards(@PathVariable long id, Model model) {
        model.addAttribute("contest", contesting.get(id));
        model.addAttribute("awards", reporting.awards(id));
        model.addAttribute("org", orgAwarding.breakdown(id));
        return "report/awards";
    }

    @PostMapping("/admin/contests/{id}/attention")
    String attention(@PathVariable long id, @RequestParam String code, @RequestParam(required = false) Integer score,
                     RedirectAttributes flash) {
        try {
            unitImport.setAttention(id, code, score);
            flash.addFlashAttribute("notice", "已保存 " + code + " 的组织评分 / Attention mark saved");
        } catch (ApiException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/contests/" + id + "/awards";
    }

    @PostMapping("/admin/contests/{id}/freeze")
    String freeze(@PathVariable long id, RedirectAttributes flash) {
        contesting.freeze(id);
        flash.addFlashAttribute("notice", "已冻结：成绩、抽奖池和评分不能再修改 / Frozen: results, pools and marks can no longer change");
        return "redirect:/admin/contests/" + id;
    }
}
