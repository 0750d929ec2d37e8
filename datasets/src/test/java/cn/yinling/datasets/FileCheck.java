package cn.yinling.datasets;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Independent checks of cell values (spec/feeds.md §2), written for the tests from the spec, not from the generator. */
final class FileCheck {

    private static final Pattern ISO = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");

    private FileCheck() {
    }

    static String nfkc(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).trim();
    }

    /** A date in any accepted form, or null when it cannot be read. */
    static LocalDate date(String cell) {
        String s = nfkc(cell);
        for (Pattern p : new Pattern[] {ISO, COMPACT, CHINESE}) {
            Matcher m = p.matcher(s);
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The 18-character form of a valid ID number (15 digits upgraded), or null when the number is invalid. */
    static String validId(String cell) {
        String s = nfkc(cell).toUpperCase();
        if (s.matches("\\d{15}")) {
            s = s.substring(0, 6) + "19" + s.substring(6);
            s = s + check(s);
        }
        if (!s.matches("\\d{17}[\\dX]")) {
            return null;
        }
        if (check(s.substring(0, 17)) != s.charAt(17)) {
            return null;
        }
        try {
            LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
        return s;
    }

    /** Well-formed (15 digits, or 17 digits and a digit or X) whatever the check digit. */
    static boolean idWellFormed(String cell) {
        String s = nfkc(cell).toUpperCase();
        return s.matches("\\d{15}") || s.matches("\\d{17}[\\dX]");
    }

    static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            // weight 2^(17-i) mod 11, the definition of ISO 7064 MOD 11-2
            int weight = (int) (Math.pow(2, 17 - i) % 11);
            sum += (first17.charAt(i) - '0') * weight;
        }
        int c = (12 - sum % 11) % 11;
        return c == 10 ? 'X' : (char) ('0' + c);
    }

    static LocalDate birthOfId(String id18) {
        return LocalDate.of(Integer.parseInt(id18.substring(6, 10)), Integer.parseInt(id18.substring(10, 12)),
                Integer.parseInt(id18.substring(12, 14)));
    }

    static boolean maleOfId(String id18) {
        return (id18.charAt(16) - '0') % 2 == 1;
    }

    static boolean usccValid(String code) {
        String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        if (code.length() != 18) {
            return false;
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            int v = charset.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * weight;
            weight = weight * 3 % 31;
        }
        return charset.charAt((31 - sum % 31) % 31) == code.charAt(17);
    }

    static boolean isFooter(String[] row) {
        for (String c : row) {
            String s = nfkc(c);
            if (!s.isEmpty()) {
                for (String p : new String[] {"合计", "总计", "小计", "制表", "审核", "填表", "备注", "说明"}) {
                    if (s.startsWith(p)) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    static boolean isBlank(String[] row) {
        for (String c : row) {
            if (!nfkc(c).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
