package org.gaitlens.reference.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.gaitlens.reference.AgeGroup;
import org.gaitlens.reference.SpeedClass;

/**
 * The subject table of Fukuchi et al. 2018 ({@code WBDSinfo.xlsx}, read with Apache POI): one row per file of the
 * original release, with the subject's age group, age, height, mass and leg length, and for each walking trial its
 * gait speed. Overground trials are named {@code WBDS<NN>walkO<kk><S|C|F>.c3d}; a subject's speed in a class is the
 * mean over its trials of that class.
 */
final class WbdsInfo {
    private static final Pattern OVERGROUND_TRIAL = Pattern.compile("WBDS(\\d\\d)walkO\\d\\d([SCF])\\.c3d");
    private static final Pattern SUBJECT_FILE = Pattern.compile("WBDS(\\d\\d).*");

    /**
     * One subject.
     *
     * @param id         subject number (1-42)
     * @param ageGroup   {@link AgeGroup#YOUNG} or {@link AgeGroup#OLDER}
     * @param ageYears   age
     * @param heightM    height, m (the table gives cm)
     * @param legLengthM leg length, m
     * @param speedMPerS per speed class, mean gait speed over the subject's overground trials, m/s
     * @param trials     per speed class, overground trials with a speed
     */
    record Subject(int id, AgeGroup ageGroup, double ageYears, double heightM, double legLengthM,
            Map<SpeedClass, Double> speedMPerS, Map<SpeedClass, Integer> trials) {
    }

    private WbdsInfo() {
    }

    /** Reads every subject, by id. */
    static Map<Integer, Subject> read(Path xlsx) {
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
            Sheet sheet = wb.getSheetAt(0);
            Map<String, Integer> col = header(sheet.getRow(0));
            Map<Integer, Row> firstRow = new TreeMap<>();
            Map<Integer, EnumMap<SpeedClass, List<Double>>> speeds = new HashMap<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String file = text(row.getCell(col.get("FileName")));
                Matcher m = SUBJECT_FILE.matcher(file);
                if (!m.matches()) {
                    continue;
                }
                int id = Integer.parseInt(m.group(1));
                firstRow.putIfAbsent(id, row);
                Matcher t = OVERGROUND_TRIAL.matcher(file);
                double v = number(row.getCell(col.get("GaitSpeed(m/s)")));
                if (t.matches() && Double.isFinite(v)) {
                    SpeedClass c = classOf(t.group(2).charAt(0));
                    speeds.computeIfAbsent(id, k -> new EnumMap<>(SpeedClass.class))
                            .computeIfAbsent(c, k -> new ArrayList<>()).add(v);
                }
            }
            Map<Integer, Subject> out = new TreeMap<>();
            for (Map.Entry<Integer, Row> e : firstRow.entrySet()) {
                Row row = e.getValue();
                EnumMap<SpeedClass, Double> mean = new EnumMap<>(SpeedClass.class);
                EnumMap<SpeedClass, Integer> count = new EnumMap<>(SpeedClass.class);
                speeds.getOrDefault(e.getKey(), new EnumMap<>(SpeedClass.class)).forEach((c, list) -> {
                    mean.put(c, list.stream().mapToDouble(Double::doubleValue).average().orElseThrow());
                    count.put(c, list.size());
                });
                out.put(e.getKey(), new Subject(e.getKey(), ageGroup(text(row.getCell(col.get("AgeGroup")))),
                        number(row.getCell(col.get("Age"))), number(row.getCell(col.get("Height"))) / 100,
                        number(row.getCell(col.get("LegLength"))), mean, count));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + xlsx, e);
        }
    }

    private static Map<String, Integer> header(Row row) {
        Map<String, Integer> col = new HashMap<>();
        for (Cell c : row) {
            col.put(text(c), c.getColumnIndex());
        }
        for (String need : List.of("FileName", "AgeGroup", "Age", "Height", "LegLength", "GaitSpeed(m/s)")) {
            if (!col.containsKey(need)) {
                throw new IllegalStateException("WBDSinfo.xlsx has no column " + need + "; columns: " + col.keySet());
            }
        }
        return col;
    }

    private static SpeedClass classOf(char code) {
        for (SpeedClass c : SpeedClass.values()) {
            if (c.fileCode() == code) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown speed code " + code);
    }

    private static AgeGroup ageGroup(String text) {
        return switch (text) {
            case "Young" -> AgeGroup.YOUNG;
            case "Older" -> AgeGroup.OLDER;
            default -> throw new IllegalStateException("unknown age group '" + text + "' in WBDSinfo.xlsx");
        };
    }

    private static String text(Cell c) {
        if (c == null) {
            return "";
        }
        return c.getCellType() == CellType.NUMERIC ? Double.toString(c.getNumericCellValue())
                : c.getStringCellValue().trim();
    }

    /** A numeric cell's value; {@code NaN} for text such as "--" and for empty cells. */
    private static double number(Cell c) {
        if (c == null || c.getCellType() != CellType.NUMERIC) {
            return Double.NaN;
        }
        return c.getNumericCellValue();
    }
}
