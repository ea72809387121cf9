package org.gaitlens.web;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a result CSV the pipeline wrote ({@code events.csv}, {@code curves.csv}; docs/outputs.md), read by
 * column name with Apache Commons CSV, so added columns and quoted cells (a recording's file name) read right.
 */
final class CsvRows {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).get();

    private CsvRows() {
    }

    /** The rows of {@code csv} after its header; cells by column name ({@link CSVRecord#get(String)}). */
    static List<CSVRecord> read(Path csv) {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return FORMAT.parse(r).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }
}
