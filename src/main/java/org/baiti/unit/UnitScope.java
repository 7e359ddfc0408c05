package org.baiti.unit;

import java.util.Set;

/** The units an account may see and import for: all of them, or a coordinator's unit and the units below it. */
public final class UnitScope {

    private static final UnitScope ALL = new UnitScope(null);

    private final Set<String> codes;

    private UnitScope(Set<String> codes) {
        this.codes = codes;
    }

    public static UnitScope all() {
        return ALL;
    }

    /** Exactly these unit codes (a subtree). */
    public static UnitScope of(Set<String> codes) {
        return new UnitScope(Set.copyOf(codes));
    }

    public boolean unlimited() {
        return codes == null;
    }

    public boolean covers(String unitCode) {
        return codes == null || codes.contains(unitCode);
    }
}
