package io.quiver.sql.utility;

/** A transaction isolation level, with the spelling {@code SHOW transaction_isolation} uses. */
public enum IsolationLevel {
    READ_UNCOMMITTED("read uncommitted"),
    READ_COMMITTED("read committed"),
    REPEATABLE_READ("repeatable read"),
    SERIALIZABLE("serializable");

    private final String settingValue;

    IsolationLevel(String settingValue) {
        this.settingValue = settingValue;
    }

    public String settingValue() {
        return settingValue;
    }
}
