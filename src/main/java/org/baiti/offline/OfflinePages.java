package org.baiti.offline;

import java.io.IOException;
import java.security.Principal;
import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.contest.ImportLog;
import org.baiti.security.Staff;
import org.baiti.settings.SiteSettings;
import org.baiti.sheet.Uploads;
import org.baiti.unit.UnitScopes;
import org.baiti.refusal.Refusal;
import org.baiti.web.ApiErrors;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organizer's offline page: upload a results file (imported in the background, with progress), the
 * list of offline imports and the results per top-level unit.
 */
@Controller
class OfflinePages {

    private final Contesting contesting;
    private final OfflineFigures figures;
    private final OfflineImportJobs jobs;
    private final ImportLog importLog;
    private final UnitScopes scopes;
    private final ZoneId zone;
    private final ApiErrors errors;

    OfflinePages(Contesting contesting, OfflineFigures figures, OfflineImportJobs jobs, ImportLog importLog,
                 UnitScopes scopes, ApiErrors errors, SiteSettings site) {
        this.errors = errors;
        this.scopes = scopes;
        this.contesting = contesting;
        this.figures = figures;
        this.jobs = jobs;
        this.importLog = importLog;
        this.zone = site.timeZone();
    }

    @GetMapping("/admin/contests/{id}/offline")
    String page(@PathVariable long id, @RequestParam(required = false) String job, Model model) {
        Contest contest = contesting.get(id);
        Staff staff = Staff.current().orElse(null);
        if (staff != null) {
            staff.requireContest(id);
        }
        model.addAttribute("contest", contest);
        model.addAttribute("zone", zone);
        // a coordinator imports for its units but does not see the contest-wide figures
        model.addAttribute("summary", staff != null && staff.limitedToUnit() ? null : figures.summary(id));
        model.addAttribute("imports", importLog.list(id).stream().filter(e -> OfflineImport.KIND.equals(e.kind())).toList());
        jobs.find(job).filter(s -> s.contestId() == id).ifPresent(s -> model.addAttribute("job", s));
        return "admin/offline";
    }

    @PostMapping("/admin/contests/{id}/offline")
    String upload(@PathVariable long id, @RequestParam("file") MultipartFile file, Principal who,
                  RedirectAttributes flash, HttpServletRequest request) throws IOException {
        Contest contest = contesting.get(id);
        if (file.isEmpty()) {
            flash.addFlashAttribute("error", errors.message(request, "refusal.no_file"));
            return "redirect:/admin/contests/" + id + "/offline";
        }
        org.baiti.unit.UnitScope scope = scopes.current(id); // here, in the request's thread: the job runs in another
        try {
            contesting.requireNotFrozen(contest);
        } catch (Refusal e) {
            flash.addFlashAttribute("error", errors.refused(request, e).body().message());
            return "redirect:/admin/contests/" + id + "/offline";
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "offline-results" : file.getOriginalFilename();
        Uploads.Spooled spooled = Uploads.spool(file.getInputStream());
        OfflineImportJobs.Status s = jobs.start(id, name, spooled, who.getName(), scope);
        return "redirect:/admin/contests/" + id + "/offline?job=" + s.jobId();
    }

    /** An unknown contest and the like: the site's error page with the right status, not a 500. */
    @ExceptionHandler(Refusal.class)
    String refused(Refusal e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return errors.page(request, response, model, e);
    }

    /** The job's progress for the page's script (the page is behind the login session, the API behind HTTP Basic). */
    @GetMapping("/admin/contests/{id}/offline/jobs/{jobId}")
    @ResponseBody
    ResponseEntity<OfflineImportJobs.Status> job(@PathVariable long id, @PathVariable String jobId) {
        // A unit coordinator sees the jobs of its own contest only, as on the page itself.
        Staff.current().ifPresent(staff -> staff.requireContest(id));
        return jobs.find(jobId).filter(s -> s.contestId() == id)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
