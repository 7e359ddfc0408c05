package org.baiti.admin;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.refusal.Refusal;
import org.baiti.security.AccountManagement;
import org.baiti.security.Role;
import org.baiti.settings.SiteSettings;
import org.baiti.unit.Unit;
import org.baiti.unit.UnitImport;
import org.baiti.web.ApiErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's page for staff accounts: list, create (role picked by its name, the least powerful first and
 * chosen; a coordinator's contest from the list and its unit from the tree with search), enable or disable, reset a
 * password, remove (confirmed). Here rather than in security/ because it lists contests and units.
 */
@Controller
class AccountPages {

    /** The roles as the picker offers them: the least powerful first, and that one chosen by default. */
    static final List<Role> PICKER_ORDER = List.of(Role.JUDGE, Role.AUDITOR, Role.COORDINATOR, Role.ORGANIZER, Role.ADMIN);

    private final AccountManagement management;
    private final Contesting contesting;
    private final UnitImport units;
    private final ApiErrors errors;
    private final ZoneId zone;

    AccountPages(AccountManagement management, Contesting contesting, UnitImport units, ApiErrors errors,
                 SiteSettings site) {
        this.management = management;
        this.contesting = contesting;
        this.units = units;
        this.errors = errors;
        this.zone = site.timeZone();
    }

    @GetMapping("/admin/accounts")
    String accounts(Model model) {
        model.addAttribute("accounts", management.all());
        model.addAttribute("roles", PICKER_ORDER);
        model.addAttribute("defaultRole", PICKER_ORDER.get(0));
        Map<Long, String> contests = new LinkedHashMap<>();
        for (Contest c : contesting.all()) {
            contests.put(c.id(), c.name());
        }
        model.addAttribute("contests", contests);
        model.addAttribute("zone", zone);
        return "admin/accounts";
    }

    /** The unit tree of a contest for the coordinator's unit picker: code, name, parent, depth, in tree order. */
    @GetMapping("/admin/accounts/units.json")
    @ResponseBody
    List<Map<String, Object>> unitTree(@RequestParam long contest) {
        return units.all(contest).stream().map(AccountPages::unit).toList();
    }

    private static Map<String, Object> unit(Unit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", u.code());
        m.put("name", u.name());
        m.put("parent", u.parentCode());
        m.put("depth", u.depth());
        return m;
    }

    @PostMapping("/admin/accounts")
    String create(@RequestParam String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(required = false) Role role, @RequestParam(defaultValue = "") String password,
                  @RequestParam(required = false) Long unitContest, @RequestParam(defaultValue = "") String unitCode,
                  RedirectAttributes flash, HttpServletRequest request) {
        try {
            AccountManagement.View v = management.create(new AccountManagement.NewAccount(username, displayName, role,
                    password, unitContest, unitCode));
            flash.addFlashAttribute("notice", errors.message(request, "notice.account.created", v.username()));
        } catch (Refusal e) {
            fail(flash, e, request);
        }
        return "redirect:/admin/accounts";
    }

    /** One form per action of a row: enabled, password or role (with the coordinator's unit). */
    @PostMapping("/admin/accounts/{username}")
    String update(@PathVariable String username, @RequestParam(required = false) Boolean enabled,
                  @RequestParam(required = false) String password, @RequestParam(required = false) Role role,
                  @RequestParam(required = false) Long unitContest, @RequestParam(required = false) String unitCode,
                  RedirectAttributes flash, HttpServletRequest request) {
        try {
            management.update(username, new AccountManagement.Change(null, role, enabled, password, unitContest, unitCode));
            String what = password != null ? "notice.account.passwordReset"
                    : enabled != null ? (enabled ? "notice.account.enabled" : "notice.account.disabled")
                    : "notice.account.changed";
            flash.addFlashAttribute("notice", errors.message(request, what, username));
        } catch (Refusal e) {
            fail(flash, e, request);
        }
        return "redirect:/admin/accounts";
    }

    /** Removes an account, only with the box ticked that says it cannot be undone. */
    @PostMapping("/admin/accounts/{username}/delete")
    String delete(@PathVariable String username, @RequestParam(required = false) String confirm,
                  RedirectAttributes flash, HttpServletRequest request) {
        if (confirm == null) {
            flash.addFlashAttribute("error", errors.message(request, "admin.account.delete.refused", username));
            return "redirect:/admin/accounts";
        }
        try {
            management.delete(username);
            flash.addFlashAttribute("notice", errors.message(request, "admin.account.delete.done", username));
        } catch (Refusal e) {
            fail(flash, e, request);
        }
        return "redirect:/admin/accounts";
    }

    /** The refusal above the form, in the request's language, with the fields it names. */
    private void fail(RedirectAttributes flash, Refusal e, HttpServletRequest request) {
        errors.flash(request, flash, e);
    }
}
