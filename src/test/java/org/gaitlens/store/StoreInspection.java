package org.gaitlens.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

/** Lets tests outside the store package count rows (to prove that a refused request stored nothing). */
public final class StoreInspection {
    private static final Set<String> TABLES = Set.of("patient", "gait_session", "recording", "analysis_run",
            "run_summary", "run_metric", "stride_metric", "artifact", "app_user", "web_session", "audit_event");

    private StoreInspection() {
    }

    public static int count(StudyStore store, String table) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("unknown table " + table);
        }
        try (Connection c = store.connection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
