package org.gaitlens.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.TextFiles;
import org.gaitlens.gait.Joint;
import org.gaitlens.gait.StrideParameter;

/** {@code validation.csv}: one row per sample of {@link Validation}, units in the column names, per-leg columns last. */
public final class ValidationCsv {
    private ValidationCsv() {
    }

    /** Writes the rows as CSV (one row per sample), units in the column names. */
    public static void write(Path file, List<Validation.Row> rows) {
        StringBuilder sb = new StringBuilder("sample,error,events_true,events_missing,events_extra,heel_strike_mae_s,"
                + "toe_off_mae_s,event_mae_frames,stride_time_err_s,stance_time_err_s,step_length_err_m,"
                + "hip_rms_deg,knee_rms_deg,ankle_rms_deg,trunk_rms_deg,stance_si_err_pct,step_time_si_err_pct,"
                + "swing_si_err_pct,step_length_si_err_pct,expected_indicators,raised_indicators,indicators_ok"
                + legHeader() + "\n");
        for (Validation.Row r : rows) {
            sb.append(String.join(",", r.name(), quote(r.error() == null ? "" : r.error()),
                    Integer.toString(r.eventsTrue()), Integer.toString(r.eventsMissing()),
                    Integer.toString(r.eventsExtra()), num(r.heelStrikeMaeS()), num(r.toeOffMaeS()),
                    num(r.eventMaeFrames()), num(r.strideTimeErrS()), num(r.stanceTimeErrS()),
                    num(r.stepLengthErrM()), num(r.angleRmsDeg().get(Joint.HIP_FLEXION)),
                    num(r.angleRmsDeg().get(Joint.KNEE_FLEXION)), num(r.angleRmsDeg().get(Joint.ANKLE_DORSIFLEXION)),
                    num(r.angleRmsDeg().get(Joint.TRUNK_LEAN)), num(r.siErrPct().get("stance_time_si_pct")),
                    num(r.siErrPct().get("step_time_si_pct")), num(r.siErrPct().get("swing_time_si_pct")),
                    num(r.siErrPct().get("step_length_si_pct")), quote(String.join("; ", r.expected())),
                    quote(String.join("; ", r.raised())), Boolean.toString(r.indicatorsOk()))).append(legCells(r))
                    .append('\n');
        }
        TextFiles.writeAtomically(file, sb);
    }

    /** The per-leg columns (after the pooled ones, so the earlier columns keep their places). */
    private static String legHeader() {
        StringBuilder sb = new StringBuilder();
        for (CameraLeg leg : CameraLeg.values()) {
            String p = "," + leg.code() + "_";
            sb.append(p).append("heel_strike_mae_s").append(p).append("toe_off_mae_s").append(p)
                    .append("heel_strike_bias_s").append(p).append("toe_off_bias_s");
            for (Joint j : LegValidation.JOINTS) {
                sb.append(p).append(jointCode(j)).append("_rms_deg").append(p).append(jointCode(j))
                        .append("_offset_removed_rms_deg");
            }
            for (StrideParameter k : LegValidation.PEAKS) {
                sb.append(p).append(k.column().replace("_deg", "")).append("_err_deg");
            }
        }
        return sb.toString();
    }

    private static String legCells(Validation.Row r) {
        StringBuilder sb = new StringBuilder();
        for (CameraLeg leg : CameraLeg.values()) {
            LegErrors e = r.legs().get(leg);
            List<Double> v = new ArrayList<>();
            v.add(e == null ? null : e.heelStrikeMaeS());
            v.add(e == null ? null : e.toeOffMaeS());
            v.add(e == null ? null : e.heelStrikeBiasS());
            v.add(e == null ? null : e.toeOffBiasS());
            for (Joint j : LegValidation.JOINTS) {
                v.add(e == null ? null : e.rmsDeg(j));
                v.add(e == null ? null : e.offsetRemovedRmsDeg(j));
            }
            for (StrideParameter k : LegValidation.PEAKS) {
                v.add(e == null ? null : e.peakErrorDeg(k));
            }
            v.forEach(x -> sb.append(',').append(num(x)));
        }
        return sb.toString();
    }

    private static String jointCode(Joint j) {
        return switch (j) {
            case HIP_FLEXION -> "hip";
            case KNEE_FLEXION -> "knee";
            case ANKLE_DORSIFLEXION -> "ankle";
            case TRUNK_LEAN -> "trunk";
        };
    }

    private static String num(Double v) {
        return v == null ? "" : Decimals.cell(v, 4);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
