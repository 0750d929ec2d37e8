package cn.yinling.datasets;

/** Resident ID numbers (GB 11643-1999): check digit (ISO 7064 MOD 11-2) and the 15-digit legacy form. */
final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private IdNumbers() {
    }

    /** The check character for the first 17 digits. */
    static char checkChar(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** The check character for a 17-digit body held as a number. */
    static char checkChar(long body17) {
        int sum = 0;
        long rest = body17;
        for (int i = 16; i >= 0; i--) {
            sum += (int) (rest % 10) * WEIGHTS[i];
            rest /= 10;
        }
        return CHECK[sum % 11];
    }

    /** The full 18-character number for a 17-digit body (area 6, birth yyyymmdd 8, sequence 3). */
    static String full(long body17) {
        char[] out = new char[18];
        long rest = body17;
        for (int i = 16; i >= 0; i--) {
            out[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        out[17] = checkChar(body17);
        return new String(out);
    }

    /** The legacy 15-digit form (area 6, birth yymmdd 6, sequence 3) of a body born in the 1900s. */
    static String legacy15(long body17) {
        String s = full(body17);
        return s.substring(0, 6) + s.substring(8, 17);
    }

    static boolean isValid18(String id) {
        if (id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return Character.toUpperCase(id.charAt(17)) == checkChar(id);
    }

    /** The 18-character form of a 15-digit legacy number (19 inserted after the area code, check digit appended). */
    static String upgrade15(String id15) {
        String body = id15.substring(0, 6) + "19" + id15.substring(6);
        return body + checkChar(body);
    }
}
