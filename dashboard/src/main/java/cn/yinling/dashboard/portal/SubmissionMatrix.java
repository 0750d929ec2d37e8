package cn.yinling.dashboard.portal;

import cn.yinling.warehouse.config.UnitRegistry;
import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import cn.yinling.warehouse.land.LandingCatalog;
import cn.yinling.warehouse.land.LandingOptions;
import cn.yinling.warehouse.land.Manifest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 报送情况: for one month, every unit of units.csv × every feed it must send, with what came of it. A monthly feed is
 * due for the month itself, an annual feed for the month's year; a batch is due by {@code deadline_day} of the month
 * after its period (January of the next year for annual feeds), end of that day, Asia/Shanghai.
 */
public final class SubmissionMatrix {

    /** submitted (in time), late (accepted after the deadline), refused (only refused batches), missing (nothing). */
    public enum State {
        submitted, late, refused, missing
    }

    public record Cell(String feed, String period, State state, String batchId, String receivedAt, String deadline,
            boolean overdue, int batches) {
    }

    public record UnitRow(String unit, String name, List<Cell> cells) {
    }

    public record Owed(String unit, String name, String feed, String feedName, String period, State state,
            String deadline, boolean overdue) {
    }

    public record Answer(String month, List<String> feeds, List<String> feedNames, List<UnitRow> units,
            List<Owed> owed, int expected, int submitted, int late, int refused, int missing) {
    }

    private SubmissionMatrix() {
    }

    public static Answer build(UnitRegistry units, LandingCatalog catalog, YearMonth month, ZonedDateTime now) {
        Set<String> feedSet = new LinkedHashSet<>();
        for (FeedContract f : Contracts.get().feeds()) {
            if (units.units().stream().anyMatch(u -> u.expectedFeeds().contains(f.feed()))) {
                feedSet.add(f.feed());
            }
        }
        List<String> feeds = List.copyOf(feedSet);
        List<UnitRow> rows = new ArrayList<>();
        List<Owed> owed = new ArrayList<>();
        int[] counts = new int[State.values().length];
        for (UnitRegistry.Unit unit : units.units()) {
            List<Cell> cells = new ArrayList<>();
            for (String feed : feeds) {
                if (!unit.expectedFeeds().contains(feed)) {
                    cells.add(null);
                    continue;
                }
                FeedContract contract = Contracts.get().feed(feed).orElseThrow();
                boolean monthly = contract.period() == FeedContract.PeriodKind.month;
                String period = monthly ? month.toString() : String.valueOf(month.getYear());
                YearMonth dueMonth = monthly ? month.plusMonths(1) : YearMonth.of(month.getYear() + 1, 1);
                LocalDate dueDay = dueMonth.atDay(Math.min(unit.deadlineDay(), dueMonth.lengthOfMonth()));
                ZonedDateTime deadline = dueDay.plusDays(1).atStartOfDay(LandingOptions.ZONE);
                List<Manifest> batches = catalog.manifests(feed, period, unit.unit());
                Optional<Manifest> inForce = catalog.inForce(feed, period, unit.unit());
                // On time when the first accepted batch came before the deadline; later corrections keep it on time.
                Optional<Manifest> firstAccepted = batches.stream().filter(Manifest::accepted).findFirst();
                State state;
                if (inForce.isPresent()) {
                    ZonedDateTime received = OffsetDateTime.parse(firstAccepted.orElseThrow().receivedAt())
                            .atZoneSameInstant(LandingOptions.ZONE);
                    state = received.isBefore(deadline) ? State.submitted : State.late;
                } else if (!batches.isEmpty()) {
                    state = State.refused;
                } else {
                    state = State.missing;
                }
                boolean overdue = (state == State.missing || state == State.refused) && !now.isBefore(deadline);
                counts[state.ordinal()]++;
                cells.add(new Cell(feed, period, state, inForce.map(Manifest::batchId).orElse(null),
                        inForce.map(Manifest::receivedAt).orElse(null), dueDay.toString(), overdue, batches.size()));
                if (state == State.missing || state == State.refused) {
                    owed.add(new Owed(unit.unit(), unit.name(), feed, contract.name(), period, state, dueDay.toString(),
                            overdue));
                }
            }
            rows.add(new UnitRow(unit.unit(), unit.name(), cells));
        }
        int expected = counts[0] + counts[1] + counts[2] + counts[3];
        return new Answer(month.toString(), feeds, feeds.stream().map(FeedNames::name).toList(), rows, owed, expected,
                counts[State.submitted.ordinal()], counts[State.late.ordinal()], counts[State.refused.ordinal()],
                counts[State.missing.ordinal()]);
    }
}
