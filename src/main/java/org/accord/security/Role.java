package org.accord.security;

/** What an account may do. The three administrators (三员) are separate roles, never combined. */
public enum Role {
    LEADER,
    STAFF,
    LIAISON,
    SYSADMIN,
    SECADMIN,
    AUDITOR;

    /** Whether this is one of the three administrators (三员), whose duties are kept apart. */
    public boolean isAdministrator() {
        return this == SYSADMIN || this == SECADMIN || this == AUDITOR;
    }

    /** Key of the role's Chinese name in the messages. */
    public String messageKey() {
        return "role." + name();
    }
}
