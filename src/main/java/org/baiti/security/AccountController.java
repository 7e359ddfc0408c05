package org.baiti.security;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff accounts over the API (administrators only; see SecurityConfiguration). */
@RestController
@RequestMapping("/api/admin/accounts")
class AccountController {

    private final AccountManagement management;

    AccountController(AccountManagement management) {
        this.management = management;
    }

    @GetMapping
    List<AccountManagement.View> all() {
        return management.all();
    }

    /** Body {@code {"username", "displayName", "role", "password", "unitContest", "unitCode"}}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountManagement.View create(@RequestBody(required = false) AccountManagement.NewAccount body) {
        return management.create(body);
    }

    /** Body with any of {@code displayName, role, enabled, password, unitContest, unitCode}. */
    @PutMapping("/{username}")
    AccountManagement.View update(@PathVariable String username,
                                  @RequestBody(required = false) AccountManagement.Change body) {
        return management.update(username, body);
    }
}
