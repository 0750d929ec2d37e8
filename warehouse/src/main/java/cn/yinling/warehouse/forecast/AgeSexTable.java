package cn.yinling.warehouse.forecast;

import java.util.Arrays;

/**
 * Persons (or rates) by sex and single year of age 0–100, the last age being the open group 100 and over. Mutable;
 * {@link #copy()} before changing a table someone else holds.
 */
public final class AgeSexTable {

    /** The open age group: 100 and over. */
    public static final int OPEN_AGE = 100;
    public static final int AGES = OPEN_AGE + 1;
    public static final int FEMALE = 0;
    public static final int MALE = 1;

    private final double[][] values = new double[2][AGES];

    public AgeSexTable() {
    }

    /** The sex index of a warehouse sex code, {@code F} or {@code M}. */
    public static int sex(String code) {
        return switch (code) {
            case "F" -> FEMALE;
            case "M" -> MALE;
            default -> throw new IllegalArgumentException("unknown sex code " + code);
        };
    }

    /** Ages above the open group count in it. */
    public static int ageGroup(int age) {
        if (age < 0) {
            throw new IllegalArgumentException("negative age " + age);
        }
        return Math.min(age, OPEN_AGE);
    }

    public double get(int sex, int age) {
        return values[sex][age];
    }

    public void set(int sex, int age, double value) {
        values[sex][age] = value;
    }

    public void add(int sex, int age, double value) {
        values[sex][ageGroup(age)] += value;
    }

    /** Both sexes, ages {@code from} and over. */
    public double sumFrom(int from) {
        double sum = 0;
        for (int s = 0; s < 2; s++) {
            for (int a = from; a < AGES; a++) {
                sum += values[s][a];
            }
        }
        return sum;
    }

    /** One sex, ages {@code from} to {@code to} inclusive. */
    public double sum(int sex, int from, int to) {
        double sum = 0;
        for (int a = from; a <= to; a++) {
            sum += values[sex][a];
        }
        return sum;
    }

    public double total() {
        return sumFrom(0);
    }

    public AgeSexTable copy() {
        AgeSexTable copy = new AgeSexTable();
        for (int s = 0; s < 2; s++) {
            System.arraycopy(values[s], 0, copy.values[s], 0, AGES);
        }
        return copy;
    }

    /** Adds every cell of {@code other} to this table. */
    public AgeSexTable plus(AgeSexTable other) {
        for (int s = 0; s < 2; s++) {
            for (int a = 0; a < AGES; a++) {
                values[s][a] += other.values[s][a];
            }
        }
        return this;
    }

    /** Every cell multiplied by {@code factor}. */
    public AgeSexTable times(double factor) {
        for (int s = 0; s < 2; s++) {
            for (int a = 0; a < AGES; a++) {
                values[s][a] *= factor;
            }
        }
        return this;
    }

    public static AgeSexTable sum(Iterable<AgeSexTable> tables) {
        AgeSexTable sum = new AgeSexTable();
        for (AgeSexTable t : tables) {
            sum.plus(t);
        }
        return sum;
    }

    @Override
    public String toString() {
        return "F" + Arrays.toString(values[FEMALE]) + " M" + Arrays.toString(values[MALE]);
    }
}
