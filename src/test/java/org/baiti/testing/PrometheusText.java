package org.baiti.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text scrape ({@code /actuator/prometheus}). */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The sum of the samples of {@code name} that carry all the given labels ({@code "key=value"}); 0 when there is
     * none. NaN when a matching sample is NaN.
     */
    public static double value(String scrape, String name, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([-+0-9.eE]+|NaN|[+-]Inf)$",
                Pattern.MULTILINE);
        Matcher m = line.matcher(scrape);
        double sum = 0;
        while (m.find()) {
            String l = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                String[] kv = label.split("=", 2);
                all &= l.contains(kv[0] + "=\"" + kv[1] + "\"");
            }
            if (all) {
                sum += Double.parseDouble(m.group(2).replace("Inf", "Infinity"));
            }
        }
        return sum;
    }
}
