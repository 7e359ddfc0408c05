package org.baiti.offline;

import java.io.IOException;
import java.security.Principal;

import org.baiti.contest.ImportResult;
import org.baiti.refusal.Refusal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Offline results admin API (docs/api.md): import, figures, and the progress of an import started from the page. */
@RestController
class OfflineController {

    private final OfflineImport offlineImport;
    private final OfflineFigures figures;
    private final OfflineImportJobs jobs;

    OfflineController(OfflineImport offlineImport, OfflineFigures figures, OfflineImportJobs jobs) {
        this.offlineImport = offlineImport;
        this.figures = figures;
        this.jobs = jobs;
    }

    @PostMapping("/api/admin/contests/{id}/offline-results")
    ImportResult importResults(@PathVariable long id, @RequestParam("file") MultipartFile file, Principal who)
            throws IOException {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "offline-results" : file.getOriginalFilename();
        return offlineImport.importFile(id, name, file.getInputStream(), who.getName(), ImportProgress.NONE);
    }

    @GetMapping("/api/admin/contests/{id}/offline-results/summary")
    OfflineSummary summary(@PathVariable long id) {
        return figures.summary(id);
    }

    @GetMapping("/api/admin/imports/{jobId}")
    OfflineImportJobs.Status job(@PathVariable String jobId) {
        return jobs.find(jobId).orElseThrow(() -> Refusal.notFound("not_found", "refusal.import.noJob"));
    }
}
