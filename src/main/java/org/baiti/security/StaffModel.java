package org.baiti.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in account ({@code staff}) into every page's model, for the navigation and role-aware forms. */
@ControllerAdvice(annotations = Controller.class)
class StaffModel {

    @ModelAttribute("staff")
    Staff staff() {
        return Staff.current().orElse(null);
    }
}
