package org.baiti.report;

import org.baiti.person.Phones;

/**
 * One individual award: channel ({@code online} by ranking, {@code offline} by draw), its order, tier, the
 * person and their unit. The phone is kept for the roles that need it; {@link #maskedPhone()} is for print.
 */
record Winner(String channel, int order, String tier, String name, String phone, String unit, String topUnit,
                     String ticket, double accuracy, long durationMs) {

    public String maskedPhone() {
        return Phones.mask(phone);
    }
}
