package cn.yinling.warehouse.land;

/** Helpers for 统计用区划代码: 2, 4, 6, 9 or 12 digits, compared as 12 digits padded with zeros. */
final class RegionCodes {

    private RegionCodes() {
    }

    static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether the code has one of the lengths a region code may have (2, 4, 6, 9, 12) and only digits. */
    static boolean wellFormed(String code) {
        int n = code.length();
        return (n == 2 || n == 4 || n == 6 || n == 9 || n == 12) && allDigits(code);
    }

    static String pad(String code) {
        if (code.length() >= 12) {
            return code;
        }
        return code + "000000000000".substring(code.length());
    }

    /**
     * The digits that identify a 12-digit code's own level: 2 for a province ({@code 320000000000}), 4 for a city, 6
     * for a county/district, 9 for a street/town, 12 for a community/village.
     */
    static String significantPrefix(String code12) {
        if (code12.endsWith("0000000000")) {
            return code12.substring(0, 2);
        }
        if (code12.endsWith("00000000")) {
            return code12.substring(0, 4);
        }
        if (code12.endsWith("000000")) {
            return code12.substring(0, 6);
        }
        if (code12.endsWith("000")) {
            return code12.substring(0, 9);
        }
        return code12;
    }

    /** The level (1–5) a code's length implies when written short: 2→1, 4→2, 6→3, 9→4, 12→5. */
    static int levelOfLength(int length) {
        return switch (length) {
            case 2 -> 1;
            case 4 -> 2;
            case 6 -> 3;
            case 9 -> 4;
            default -> 5;
        };
    }
}
