package org.gaitlens.gait;

/** Kinds of gait event. */
public enum GaitEventType {
    /** Initial contact (heel strike in normal gait). */
    INITIAL_CONTACT("heel_strike"),
    /** Terminal contact (toe off). */
    TOE_OFF("toe_off");

    private final String code;

    GaitEventType(String code) {
        this.code = code;
    }

    /** Name used in files: {@code heel_strike} or {@code toe_off} (as in the validation ground truth). */
    public String code() {
        return code;
    }
}
