package cn.yinling.datasets;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The synthetic registered population and its history over the generated months, held in compact parallel arrays
 * (about 30 bytes a person: 10.4 million persons need some 320 MB, no object per person). Names are not stored: see
 * {@link Names}.
 *
 * <p>History: deaths by a Gompertz–Makeham hazard (crude ≈ 7‰ a year), moves out of the city (迁出) at a small
 * age-dependent rate, births and moves in that keep the total roughly stable. For each death: how many months the
 * household registry lags (0–2, the registry shows the dead person as 正常 meanwhile) and which death sources report
 * it (at least one, always in the month of death).
 */
final class Population {

    /** Registered residents of 徐州市 at scale 1.0. */
    static final long CITY_POPULATION = 10_400_000L;

    static final int ACTIVE = 0;
    static final int MOVED_OUT = 1;
    static final int DECEASED = 2;

    static final int SOURCE_REGISTRY = 1 << 2;
    static final int SOURCE_CERTIFICATE = 1 << 3;
    static final int SOURCE_CREMATION = 1 << 4;

    private static final double BIRTH_RATE = 0.0062;
    private static final double MOVE_IN_RATE = 0.0050;
    private static final int[] HOUSEHOLD_SIZE_PERCENT = {18, 30, 25, 15, 8, 4}; // sizes 1..6

    private static final LocalDate ID_DAY_BASE = LocalDate.of(1880, 1, 1);
    private static final int ID_DAYS = (int) (LocalDate.of(2101, 1, 1).toEpochDay() - ID_DAY_BASE.toEpochDay());

    final RegionRegistry regions;
    final Timeline time;
    final long seed;

    int size;
    int initialSize;
    int[] birth;
    short[] community;
    long[] idBody;
    int[] household;
    int[] death;
    int[] moveOut;
    byte[] listedFrom;
    byte[] deathInfo;
    /** Persons who died, per month, in order of the simulation. */
    final IntList[] deathsByMonth;

    private final double[] communityCumulative;
    private final long[] districtArea;
    private final short[] idSequenceCounter;
    private int nextHousehold = 1;

    private Population(RegionRegistry regions, Timeline time, long seed) {
        this.regions = regions;
        this.time = time;
        this.seed = seed;
        this.deathsByMonth = new IntList[time.size()];
        for (int m = 0; m < time.size(); m++) {
            deathsByMonth[m] = new IntList();
        }
        this.communityCumulative = new double[regions.communities().size()];
        this.districtArea = new long[regions.districts().size()];
        for (int d = 0; d < districtArea.length; d++) {
            districtArea[d] = Long.parseLong(regions.districts().get(d).code());
        }
        this.idSequenceCounter = new short[regions.districts().size() * ID_DAYS * 2];
    }

    static Population build(RegionRegistry regions, Timeline time, double scale, long seed, ProgressListener progress) {
        Population p = new Population(regions, time, seed);
        p.populate(scale, progress);
        for (int m = 0; m < time.size(); m++) {
            progress.step("人口变动模拟", m, time.size());
            p.simulateMonth(m);
        }
        progress.step("人口变动模拟", time.size(), time.size());
        return p;
    }

    // ---------------------------------------------------------------- initial population

    private void populate(double scale, ProgressListener progress) {
        SplittableRandom rnd = Rng.stream(seed, "population-initial");
        int communities = regions.communities().size();
        double[] weight = new double[communities];
        double sum = 0;
        for (int c = 0; c < communities; c++) {
            String ur = regions.communities().get(c).urbanRuralCode();
            double base = "111".equals(ur) ? 1.55 : "121".equals(ur) ? 1.15 : 0.82;
            weight[c] = base * (0.6 + 0.8 * rnd.nextDouble());
            sum += weight[c];
        }
        double running = 0;
        for (int c = 0; c < communities; c++) {
            running += weight[c] / sum;
            communityCumulative[c] = running;
        }
        communityCumulative[communities - 1] = 1.0;

        long target = Math.max(communities, Math.round(CITY_POPULATION * scale));
        int capacity = (int) Math.min(Integer.MAX_VALUE - 16, target + target * 3 / 100 * time.size() / 12 + 1024);
        allocate(capacity);

        int reference = time.start(0);
        LocalDate referenceDate = Ymd.toDate(reference).minusDays(1);
        long[] ageFrom = new long[AgeTables.MAX_AGE + 1];
        long[] ageTo = new long[AgeTables.MAX_AGE + 1];
        for (int a = 0; a <= AgeTables.MAX_AGE; a++) {
            ageTo[a] = referenceDate.minusYears(a).toEpochDay();
            ageFrom[a] = referenceDate.minusYears(a + 1L).toEpochDay() + 1;
        }

        double cumulative = 0;
        long assigned = 0;
        for (int c = 0; c < communities; c++) {
            cumulative += weight[c] / sum * target;
            long upTo = Math.round(cumulative);
            int n = (int) (upTo - assigned);
            assigned = upTo;
            int left = n;
            while (left > 0) {
                int hh = Math.min(left, householdSize(rnd));
                int householdId = nextHousehold++;
                for (int k = 0; k < hh; k++) {
                    int age = AgeTables.drawAge(rnd.nextDouble());
                    boolean male = rnd.nextDouble() < AgeTables.maleShare(age);
                    long epoch = ageFrom[age] + rnd.nextLong(ageTo[age] - ageFrom[age] + 1);
                    add(c, epoch, male, householdId, 0);
                }
                left -= hh;
            }
            if ((c & 63) == 0) {
                progress.step("生成户籍人口", c, communities);
            }
        }
        progress.step("生成户籍人口", communities, communities);
        initialSize = size;
    }

    private static int householdSize(SplittableRandom rnd) {
        int u = rnd.nextInt(100);
        for (int s = 0; s < HOUSEHOLD_SIZE_PERCENT.length; s++) {
            u -= HOUSEHOLD_SIZE_PERCENT[s];
            if (u < 0) {
                return s + 1;
            }
        }
        return 1;
    }

    private void allocate(int capacity) {
        birth = new int[capacity];
        community = new short[capacity];
        idBody = new long[capacity];
        household = new int[capacity];
        death = new int[capacity];
        moveOut = new int[capacity];
        listedFrom = new byte[capacity];
        deathInfo = new byte[capacity];
    }

    private void ensureCapacity(int needed) {
        if (needed <= birth.length) {
            return;
        }
        int capacity = Math.max(needed, birth.length + birth.length / 8);
        birth = Arrays.copyOf(birth, capacity);
        community = Arrays.copyOf(community, capacity);
        idBody = Arrays.copyOf(idBody, capacity);
        household = Arrays.copyOf(household, capacity);
        death = Arrays.copyOf(death, capacity);
        moveOut = Arrays.copyOf(moveOut, capacity);
        listedFrom = Arrays.copyOf(listedFrom, capacity);
        deathInfo = Arrays.copyOf(deathInfo, capacity);
    }

    private void add(int communityIndex, long birthEpochDay, boolean male, int householdId, int month) {
        ensureCapacity(size + 1);
        int i = size++;
        int ymd = Ymd.fromEpochDay(birthEpochDay);
        birth[i] = ymd;
        community[i] = (short) communityIndex;
        household[i] = householdId;
        listedFrom[i] = (byte) month;
        idBody[i] = newIdBody(regions.districtOfCommunity(communityIndex), birthEpochDay, ymd, male);
    }

    /**
     * A unique 17-digit body: the district's area code, the birth date and a sequence whose last digit is odd for men.
     * Uniqueness: at most 500 numbers per district, day and sex, handed out in a scrambled order.
     */
    private long newIdBody(int district, long birthEpochDay, int ymd, boolean male) {
        int day = (int) (birthEpochDay - ID_DAY_BASE.toEpochDay());
        int slot = ((district * ID_DAYS) + day) * 2 + (male ? 1 : 0);
        int k = idSequenceCounter[slot]++;
        if (k >= 500) {
            throw new IllegalStateException("more than 500 persons of one sex born on one day in one district");
        }
        int offset = Rng.hash(seed, slot, 7, 500);
        int sequence = ((k * 7 + offset) % 500) * 2 + (male ? 1 : 0);
        return (districtArea[district] * 100_000_000L + ymd) * 1000L + sequence;
    }

    /**
     * A 17-digit body for someone who is not in the population (planted rows of other units), unique among all
     * numbers handed out.
     */
    long syntheticIdBody(SplittableRandom rnd, int birthYmd) {
        int district = rnd.nextInt(districtArea.length);
        long epoch = Ymd.toDate(birthYmd).toEpochDay();
        return newIdBody(district, epoch, birthYmd, rnd.nextBoolean());
    }

    // ---------------------------------------------------------------- history

    private void simulateMonth(int m) {
        SplittableRandom rnd = Rng.stream(seed, "population-month-" + m);
        int start = time.start(m);
        int days = time.days(m);
        long startEpoch = time.startEpochDay(m);
        int existing = size;
        int active = 0;
        for (int i = 0; i < existing; i++) {
            if (death[i] != 0 || moveOut[i] != 0) {
                continue;
            }
            active++;
            int age = Ymd.age(birth[i], start);
            boolean male = male(i);
            double u = rnd.nextDouble();
            double pDeath = AgeTables.monthlyDeath(age, male);
            if (u < pDeath) {
                int day = Ymd.fromEpochDay(startEpoch + rnd.nextInt(days));
                death[i] = Math.max(day, birth[i]);
                deathInfo[i] = (byte) deathReporting(rnd, regions.communities().get(community[i]).urban());
                deathsByMonth[m].add(i);
                active--;
            } else if (u < pDeath + moveOutProbability(age)) {
                moveOut[i] = Ymd.fromEpochDay(startEpoch + rnd.nextInt(days));
                active--;
            }
        }
        int births = (int) Math.round(active * BIRTH_RATE / 12 * (0.9 + 0.2 * rnd.nextDouble()));
        for (int b = 0; b < births; b++) {
            long epoch = startEpoch + rnd.nextInt(days);
            add(drawCommunity(rnd), epoch, rnd.nextDouble() < 0.525, nextHousehold++, m);
        }
        int movesIn = (int) Math.round(active * MOVE_IN_RATE / 12 * (0.9 + 0.2 * rnd.nextDouble()));
        LocalDate monthStart = Ymd.toDate(start);
        for (int k = 0; k < movesIn; k++) {
            int age = rnd.nextInt(4) < 3 ? 18 + rnd.nextInt(28) : Math.max(1, Math.min(90, AgeTables.drawAge(rnd.nextDouble())));
            long to = monthStart.minusYears(age).toEpochDay();
            long from = monthStart.minusYears(age + 1L).toEpochDay() + 1;
            long epoch = from + rnd.nextLong(to - from + 1);
            add(drawCommunity(rnd), epoch, rnd.nextDouble() < AgeTables.maleShare(age), nextHousehold++, m);
        }
    }

    private static double moveOutProbability(int age) {
        return (age >= 16 && age <= 45 ? 0.009 : 0.0015) / 12;
    }

    /** Registry lag (bits 0–1) and the sources that report the death (at least one). */
    private static int deathReporting(SplittableRandom rnd, boolean urban) {
        double u = rnd.nextDouble();
        int lag = u < 0.45 ? 0 : u < 0.80 ? 1 : 2;
        int bits = lag;
        if (lag == 0) {
            bits |= SOURCE_REGISTRY; // the police cancel the registration within the month only when they do not lag
        }
        if (rnd.nextDouble() < 0.92) {
            bits |= SOURCE_CERTIFICATE;
        }
        if (rnd.nextDouble() < (urban ? 0.85 : 0.55)) {
            bits |= SOURCE_CREMATION;
        }
        if ((bits & (SOURCE_REGISTRY | SOURCE_CERTIFICATE | SOURCE_CREMATION)) == 0) {
            bits |= SOURCE_CERTIFICATE;
        }
        return bits;
    }

    private int drawCommunity(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        int idx = Arrays.binarySearch(communityCumulative, u);
        idx = idx >= 0 ? idx : -idx - 1;
        return Math.min(idx, communityCumulative.length - 1);
    }

    // ---------------------------------------------------------------- queries

    boolean male(int i) {
        return (idBody[i] & 1) == 1;
    }

    int district(int i) {
        return regions.districtOfCommunity(community[i]);
    }

    /** Persons who move to another community of their district (a move within the city): person → {month, community}. */
    private final java.util.Map<Integer, int[]> relocations = new java.util.HashMap<>();

    /**
     * Moves a person to another community of the same district from month {@code month} on: the register shows the new
     * community from that month's snapshot. The district stays, so every figure by district stays as it was.
     */
    void relocate(int i, int month, int newCommunity) {
        if (regions.districtOfCommunity(newCommunity) != district(i)) {
            throw new IllegalArgumentException("a relocation stays within the district");
        }
        relocations.put(i, new int[] {month, newCommunity});
    }

    /** The community the person is registered in during month {@code m}. */
    int communityAt(int i, int m) {
        int[] move = relocations.get(i);
        return move != null && m >= move[0] ? move[1] : community[i];
    }

    int lag(int i) {
        return deathInfo[i] & 3;
    }

    boolean reportedBy(int i, int source) {
        return (deathInfo[i] & source) != 0;
    }

    /** Whether the person is a row of the household snapshot of month {@code p}. */
    boolean listed(int i, int p) {
        return listedFrom[i] <= p;
    }

    /** The person's household status as the snapshot of month {@code p} shows it. */
    int statusAt(int i, int p) {
        if (moveOut[i] != 0 && moveOut[i] <= time.end(p)) {
            return MOVED_OUT;
        }
        if (death[i] != 0 && time.indexOf(death[i]) + lag(i) <= p) {
            return DECEASED;
        }
        return ACTIVE;
    }

    /** Legacy 15-digit numbers are still on file for a share of people born before 1946. */
    boolean legacyId(int i) {
        return birth[i] < 19460101 && Rng.hash(seed, idBody[i], 15, 8) == 0;
    }

    String name(int i) {
        return Names.name(seed, idBody[i], male(i));
    }

    String householdNumber(int i) {
        return Integer.toString(320_000_000 + household[i]);
    }

    long deathCount() {
        long n = 0;
        for (IntList l : deathsByMonth) {
            n += l.size();
        }
        return n;
    }

    /** A small growable list of ints. */
    static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int get(int index) {
            return values[index];
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
