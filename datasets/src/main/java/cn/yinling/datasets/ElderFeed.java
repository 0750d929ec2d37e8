package cn.yinling.datasets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the writers of the person feeds share: ID numbers as units write them, the rows planted to break a rule, and
 * the split of a feed into one file per reporting unit.
 *
 * <p>Planted rows are always extra rows next to a real one (a pasted copy, a late or mistyped record, someone who is
 * not elderly or lives in another district), never a spoilt real record: every real row of these feeds is accepted,
 * so the truth is the model itself.
 */
abstract class ElderFeed {

    /** Above this many rows a file is sent as CSV: units export big tables as CSV, not as Excel sheets. */
    static final int XLSX_MAX_ROWS = 200_000;

    final GenerationContext ctx;
    final Elders elders;
    final Population pop;
    final String feed;

    ElderFeed(GenerationContext ctx, Elders elders, String feed) {
        this.ctx = ctx;
        this.elders = elders;
        this.pop = ctx.population();
        this.feed = feed;
    }

    String h(String key) {
        return FeedFile.header(feed, key);
    }

    static String label(String codeList, String code) {
        return FeedFile.label(codeList, code);
    }

    String district6(int i) {
        return ctx.regions().districts().get(pop.district(i)).code();
    }

    String id(int i) {
        return IdNumbers.full(pop.idBody[i]);
    }

    /** The ID as an office that still keeps some legacy 15-digit numbers on file writes it. */
    String idMaybeLegacy(int i) {
        return pop.legacyId(i) ? IdNumbers.legacy15(pop.idBody[i]) : id(i);
    }

    /** The ID of someone outside the population (an extra planted row), born on {@code birthYmd}. */
    String syntheticId(SplittableRandom rnd, int birthYmd) {
        return IdNumbers.full(pop.syntheticIdBody(rnd, birthYmd));
    }

    /** A birth date for a synthetic elderly person: 65–85 years before the date. */
    static int elderlyBirth(SplittableRandom rnd, int onDate) {
        return CellText.plusDays(onDate, -(365 * 65 + rnd.nextInt(365 * 20)));
    }

    /** The same number with a wrong check character. */
    static String wrongCheck(String id18, SplittableRandom rnd) {
        String choices = "0123456789X";
        char wrong = choices.charAt((choices.indexOf(id18.charAt(17)) + 1 + rnd.nextInt(10)) % 11);
        return id18.substring(0, 17) + wrong;
    }

    /** The number with one digit dropped: 17 characters, no valid form. */
    static String droppedDigit(String id18, SplittableRandom rnd) {
        int drop = 6 + rnd.nextInt(8);
        return id18.substring(0, drop) + id18.substring(drop + 1);
    }

    /** Every variant in a plant cycle is "RULE" or "RULE:detail"; the rule code is the part before the colon. */
    static String ruleOf(String variant) {
        int colon = variant.indexOf(':');
        return colon < 0 ? variant : variant.substring(0, colon);
    }

    /** The variants of a cycle that apply to one file (OUT_OF_SCOPE only for a district unit, …). */
    static String[] applicable(String[] cycle, java.util.function.Predicate<String> applies) {
        List<String> out = new ArrayList<>();
        for (String v : cycle) {
            if (applies.test(v)) {
                out.add(v);
            }
        }
        return out.toArray(String[]::new);
    }

    /** Persons (indexes) of the rows of one period, grouped by the unit that reports them, units in a fixed order. */
    static final class ByUnit {
        final Map<String, Population.IntList> rows = new LinkedHashMap<>();

        ByUnit(List<String> units) {
            units.forEach(u -> rows.put(u, new Population.IntList()));
        }

        void add(String unit, int person) {
            rows.get(unit).add(person);
        }
    }

    /**
     * A real person registered, in the household snapshot {@code snapshot}, outside {@code district6}: aged 60 or
     * more on {@code onDate} and in the city on it. Null when there is none or no snapshot. The landing step finds this
     * person's registered region outside a district unit's scope (OUT_OF_SCOPE). Each person once per file
     * ({@code taken}), or the second row would be a duplicate key as well.
     */
    Integer personElsewhere(SplittableRandom rnd, String district6, int snapshot, HouseholdFeed household, int onDate,
            int month, java.util.Set<Integer> taken) {
        if (snapshot < 0) {
            return null;
        }
        int[] candidates = elders.candidates;
        int start = rnd.nextInt(candidates.length);
        for (int k = 0; k < candidates.length; k++) {
            int i = candidates[(start + k) % candidates.length];
            if (!district6(i).equals(district6) && Ymd.age(pop.birth[i], onDate) >= 60 && pop.listed(i, snapshot)
                    && !household.rejected(snapshot, i) && elders.presentOn(i, month, onDate) && taken.add(i)) {
                return i;
            }
        }
        return null;
    }

    /** The household snapshot the landing step holds in force when a batch of month {@code m} lands: latest ≤ m. */
    static int snapshotInForce(HouseholdFeed household, int m) {
        for (int s = m; s >= 0; s--) {
            if (household.hasSnapshot(s)) {
                return s;
            }
        }
        return -1;
    }

    /** Writes titles above the header of an office's report. */
    void titles(FeedFile f, String title, String unit) throws IOException {
        f.title(title);
        f.title("填报单位：" + Units.name(unit));
    }

    /** A blank line, the 合计 line and, for Excel reports, the 制表 line. */
    void footers(FeedFile f, int m, long rows, String clerk, String reviewer) throws IOException {
        if (f.xlsx()) {
            f.blank();
        }
        f.footer("合计", "共" + rows + "条");
        if (f.xlsx()) {
            f.footer(ctx.preparedBy(m, clerk, reviewer));
        }
    }
}
