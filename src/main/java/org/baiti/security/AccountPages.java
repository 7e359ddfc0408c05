package org.baiti.security;

import java.time.ZoneId;
import java.util.Map;

import org.baiti.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page for staff accounts: list, create, enable or disable, reset a password, change a role. */
@Controller
class AccountPages {

    private final AccountManagement management;
    private final ZoneId zone;

    AccountPages(AccountManagement management, @Value("${baiti.time-zone:Asia/Shanghai}") String zone) {
        this.management = management;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/admin/accounts")
    String accounts(Model model) {
        model.addAttribute("accounts", management.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("zone", zone);
        return "admin/accounts";
    }

    @PostMapping("/admin/accounts")
    String create(@RequestParam String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(required = false) Role role, @RequestParam(defaultValue = "") String password,
                  @RequestParam(required = false) Long unitContest, @RequestParam(defaultValue = "") String unitCode,
                  RedirectAttributes flash) {
        try {
            AccountManagement.View v = management.create(new AccountManagement.NewAccount(username, displayName, role,
                    password, unitContest, unitCode));
            flash.addFlashAttribute("notice", "已创建账号 / Account created: " + v.username());
        } catch (ApiException e) {
            fail(flash, e);
        }
        return "redirect:/admin/accounts";
    }

    /** One form per action of a row: enabled, password or role (with the coordinator's unit). */
    @PostMapping("/admin/accounts/{username}")
    String update(@PathVariable String username, @RequestParam(required = false) Boolean enabled,
                  @RequestParam(required = false) String password, @RequestParam(required = false) Role role,
                  @RequestParam(required = false) Long unitContest, @RequestParam(required = false) String unitCode,
                  RedirectAttributes flash) {
        try {
            management.update(username, new AccountManagement.Change(null, role, enabled, password, unitContest, unitCode));
            String what = password != null ? "已重置密码 / Password reset"
                    : enabled != null ? (enabled ? "已启用 / Enabled" : "已停用 / Disabled") : "已修改 / Changed";
            flash.addFlashAttribute("notice", what + ": " + username);
        } catch (ApiException e) {
            fail(flash, e);
        }
        return "redirect:/admin/accounts";
    }

    private static void fail(RedirectAttributes flash, ApiException e) {
        flash.addFlashAttribute("error", e.getMessage());
        flash.addFlashAttribute("details", e.details().stream()
                .map(d -> d instanceof Map<?, ?> m ? m : Map.of()).toList());
    }
}
